import type { Mode } from '../../config.js';
import type { StepNumber } from '../../aws/types.js';
import type { Lesson, LessonHead, LessonId } from '../../lessons/types.js';
import { KINDS } from '../../aws/resources/kinds.js';

/** One page of a lesson, in the order the learner goes through them. */
export type PageRef =
  | { kind: 'learn'; index: number }
  | { kind: 'call' }
  | { kind: 'run' }
  | { kind: 'check' }
  | { kind: 'quiz' }
  | { kind: 'teardown' }
  /** The lesson's commands, filled with this build's ids, and its further reading. */
  | { kind: 'try' };

export type PageKind = PageRef['kind'];

/** The lessons in menu order and what the mode allows. */
export interface Course {
  /** What the menu shows of each lesson, in its order. */
  lessons: readonly LessonHead[];
  /** The lessons whole (pages, quizzes, commands), once loaded: a moment after the first frame. */
  bodies?: ReadonlyMap<LessonId, Lesson>;
  mode: Mode;
  /** The 20-minute presenter track: the pages marked `presenter`, then each step's call, run and check. */
  presenter?: boolean;
}

/** The lessons of the presenter track: those with presenter pages, the five steps, and the clean-up. */
export function presenterLessons<L extends LessonHead>(lessons: readonly L[]): L[] {
  return lessons.filter((lesson) => lesson.step !== undefined || lesson.id === 'cleanup' || lesson.presenter === true);
}

/**
 * Learn pages, then for a step: the call, the run and the check (dry-run sends
 * nothing, so it has nothing to check); the clean-up lesson deletes after its
 * pages; then the lesson's commands to try and its reading; the quiz comes last.
 */
export function pagesOf(lesson: Lesson, mode: Mode, presenter = false): PageRef[] {
  const pages: PageRef[] = lesson.pages.flatMap((page, index): PageRef[] =>
    !presenter || page.presenter ? [{ kind: 'learn', index }] : [],
  );
  if (presenter) {
    if (lesson.step) pages.push({ kind: 'call' }, { kind: 'run' }, ...(mode !== 'dry-run' ? [{ kind: 'check' } as const] : []));
    if (lesson.id === 'cleanup') pages.push({ kind: 'teardown' });
    return pages;
  }
  if (lesson.step) {
    pages.push({ kind: 'call' }, { kind: 'run' });
    if (mode !== 'dry-run') pages.push({ kind: 'check' });
  }
  if (lesson.id === 'cleanup') pages.push({ kind: 'teardown' });
  if ((lesson.commands?.length ?? 0) > 0 || lesson.readMore.length > 0) pages.push({ kind: 'try' });
  if (lesson.quiz.length > 0) pages.push({ kind: 'quiz' });
  return pages;
}

export function lessonIndex(course: Course, id: LessonId | null): number {
  return id === null ? -1 : course.lessons.findIndex((lesson) => lesson.id === id);
}

/** The lesson whole, or undefined for none or while the lessons load. */
export function lessonOf(course: Course, id: LessonId | null): Lesson | undefined {
  return id === null ? undefined : course.bodies?.get(id);
}

/** What the menu shows of the lesson: there from the first frame. */
export function headOf(course: Course, id: LessonId | null): LessonHead | undefined {
  return id === null ? undefined : course.lessons.find((lesson) => lesson.id === id);
}

export function lessonForStep(course: Course, step: StepNumber): LessonHead | undefined {
  return course.lessons.find((lesson) => lesson.step === step);
}

export function pageAt(course: Course, id: LessonId | null, page: number): PageRef | undefined {
  const lesson = lessonOf(course, id);
  return lesson ? coursePages(course, lesson)[page] : undefined;
}

/** The pages of a lesson in this course (its mode and track). */
export function coursePages(course: Course, lesson: Lesson): PageRef[] {
  return pagesOf(lesson, course.mode, course.presenter);
}

export function isWrapUp(lesson: LessonHead): boolean {
  return lesson.id.startsWith('wrapup-');
}

/** A step's requests alone, before any wait: what a step that makes nothing slow takes. */
const REQUESTS_MS: Record<StepNumber, number> = { 1: 10_000, 2: 15_000, 3: 10_000, 4: 5_000, 5: 10_000 };

/**
 * How long a step's run usually takes, in ms of real time: its requests, or
 * the slowest create among the kinds the registry gives the step (the control
 * plane about nine minutes, the node group about four, the VPC as long as its
 * NAT gateway, unless there is none). The sandbox runs `timeScale` times that.
 */
export function expectedRunMs(step: StepNumber, config: { nat: string; mode: Mode; timeScale: number }): number {
  const waits = Object.entries(KINDS)
    .filter(([kind, facts]) => facts.keys.some((k) => k.step === step) && !(kind === 'nat-gateway' && config.nat === 'none'))
    .map(([, facts]) => facts.lifecycle?.createMs ?? 0);
  const real = Math.max(REQUESTS_MS[step], ...waits);
  return config.mode === 'sandbox' ? real * config.timeScale : real;
}
