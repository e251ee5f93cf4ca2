import { cleanup } from './cleanup.js';
import { cluster } from './cluster.js';
import { clusterRole } from './clusterRole.js';
import { intro } from './intro.js';
import { kubeconfig } from './kubeconfig.js';
import { nodegroup } from './nodegroup.js';
import type { Lesson } from './types.js';
import { vpc } from './vpc.js';
import { wrapupLessons } from './wrapup.js';

/** Every lesson, in menu order: the introduction, the five steps, the day-two questions, clean-up. */
export const LESSONS: readonly Lesson[] = [intro, clusterRole, vpc, cluster, kubeconfig, nodegroup, ...wrapupLessons, cleanup];

/** The lesson with this id, or undefined when there is none. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
