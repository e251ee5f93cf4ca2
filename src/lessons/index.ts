import { cleanup } from './cleanup.js';
import { cluster } from './cluster.js';
import { clusterRole } from './clusterRole.js';
import { LESSON_MENU } from './heads.js';
import { intro } from './intro.js';
import { kubeconfig } from './kubeconfig.js';
import { nodegroup } from './nodegroup.js';
import type { Lesson, LessonId } from './types.js';
import { vpc } from './vpc.js';
import { wrapupLessons } from './wrapup.js';

const BY_ID = new Map<LessonId, Lesson>(
  [intro, clusterRole, vpc, cluster, kubeconfig, nodegroup, ...wrapupLessons, cleanup].map((l) => [l.id, l]),
);

/** Every lesson, whole, in the menu's order (heads.ts). */
export const LESSONS: readonly Lesson[] = LESSON_MENU.map((head) => {
  const lesson = BY_ID.get(head.id);
  if (!lesson) throw new Error(`lesson ${head.id} is in the menu but has no pages`);
  return lesson;
});

/** The lesson with this id, or undefined when there is none. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
