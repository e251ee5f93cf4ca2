import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Lesson, LessonHead, LessonId } from '../../lessons/types.js';
import type { TutorAction } from '../state/tutor.js';

/**
 * Where the screens get the lessons: all of them at once, or their heads (what
 * the welcome screen and the lesson list show) with the rest loaded on demand,
 * as the tutor does so that its first frame does not wait for 240 KB of pages.
 */
export type LessonSource = readonly Lesson[] | { heads: readonly LessonHead[]; load: () => Promise<readonly Lesson[]> };

/**
 * How long after the first frame the lessons' pages (and the late screens) load when nothing has asked for them
 * sooner: after the menu has answered a first key, so that compiling them does not delay that answer (at 60 ms it
 * did, by about 30 ms on Node 20), and long before a learner has read the lesson list and picked one.
 */
export const LOAD_AFTER_MS = 400;

/** What cannot be done with a lesson's head alone: these wait until the pages are loaded. */
const NEEDS_PAGES: ReadonlySet<TutorAction['type']> = new Set([
  'open',
  'open-cursor',
  'page',
  'goto',
  'quiz-move',
  'quiz-answer',
  'quiz-next',
  'quiz-skip',
  'quiz-retake',
]);

export interface Lessons {
  heads: readonly LessonHead[];
  /** Undefined until the pages are loaded. */
  bodies: ReadonlyMap<LessonId, Lesson> | undefined;
  /** Loads the pages now, if they are not loaded or loading. */
  load: () => void;
}

const byId = (lessons: readonly Lesson[]) => new Map(lessons.map((lesson) => [lesson.id, lesson]));

/** The lessons from their source: whole at once, or the heads now and the pages a moment after the first frame. */
export function useLessons(source: LessonSource): Lessons {
  const lazy = Array.isArray(source) ? undefined : (source as Exclude<LessonSource, readonly Lesson[]>);
  const [bodies, setBodies] = useState<ReadonlyMap<LessonId, Lesson> | undefined>(() =>
    lazy ? undefined : byId(source as readonly Lesson[]),
  );
  const [failure, setFailure] = useState<unknown>(undefined);
  const loading = useRef(false);
  const load = useCallback(() => {
    if (!lazy || loading.current) return;
    loading.current = true;
    lazy.load().then(
      (lessons) => setBodies(byId(lessons)),
      (error: unknown) => setFailure(error),
    );
  }, [lazy]);
  useEffect(() => {
    if (!lazy) return undefined;
    const timer = setTimeout(load, LOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [lazy, load]);
  // A lesson chunk that cannot be loaded is a broken install: it ends the tutor with its error.
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
  const heads = lazy ? lazy.heads : (source as readonly Lesson[]);
  return useMemo(() => ({ heads, bodies, load }), [heads, bodies, load]);
}

/**
 * A dispatch that holds back what needs the lessons' pages (opening a lesson,
 * turning a page) until they are loaded, and asks for them; what the menu alone
 * answers (moving the cursor, changing language) goes through at once. Once
 * something waits, everything after it waits too, so actions keep their order.
 */
export function useLessonGate(
  lessons: Pick<Lessons, 'bodies' | 'load'>,
  dispatch: Dispatch<TutorAction>,
  where: () => { lesson: LessonId | null; presenter: boolean },
): Dispatch<TutorAction> {
  const ready = useRef(false);
  ready.current = lessons.bodies !== undefined;
  const waiting = useRef<TutorAction[]>([]);
  const { bodies, load } = lessons;
  useEffect(() => {
    if (!bodies || waiting.current.length === 0) return;
    const held = waiting.current;
    waiting.current = [];
    for (const action of held) dispatch(action);
  }, [bodies, dispatch]);
  return useCallback<Dispatch<TutorAction>>(
    (action) => {
      if (ready.current || (waiting.current.length === 0 && !needsPages(action, where()))) dispatch(action);
      else {
        waiting.current.push(action);
        load();
      }
    },
    [dispatch, load, where],
  );
}

/** Whether the action needs the lessons' pages: "start" does when it continues in a lesson or starts the presenter track's first. */
function needsPages(action: TutorAction, at: { lesson: LessonId | null; presenter: boolean }): boolean {
  if (action.type === 'start') return at.lesson !== null || at.presenter;
  return NEEDS_PAGES.has(action.type);
}
