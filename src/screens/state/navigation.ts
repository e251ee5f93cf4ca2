import type { LessonId } from '../../lessons/types.js';
import { coursePages, lessonIndex, lessonOf, type Course } from './course.js';
import { clamp } from './cursor.js';
import { quizAt } from './quiz.js';
import type { TutorState } from './tutor.js';

const withLesson = (ids: LessonId[], id: LessonId) => (ids.includes(id) ? ids : [...ids, id]);

/** Moving between a course's lessons and pages: what opening a lesson, entering a page and finishing a lesson do to the state. */
export interface LessonNavigation {
  pagesCount(id: LessonId | null): number;
  openLesson(state: TutorState, id: LessonId, page?: number): TutorState;
  enterPage(state: TutorState, page: number): TutorState;
  /** Past the last page: the lesson is done and the next one opens (or the menu, after the last). */
  finishLesson(state: TutorState): TutorState;
}

export function lessonNavigation(course: Course): LessonNavigation {
  const pagesCount = (id: LessonId | null) => {
    const lesson = lessonOf(course, id);
    return lesson ? coursePages(course, lesson).length : 0;
  };

  const openLesson = (state: TutorState, id: LessonId, page = 0): TutorState => {
    const index = lessonIndex(course, id);
    if (index < 0) return state;
    return enterPage(
      { ...state, screen: 'lesson', lesson: id, menuCursor: index, overlay: 'none', showHint: false },
      clamp(page, 0, Math.max(0, pagesCount(id) - 1)),
    );
  };

  const enterPage = (state: TutorState, page: number): TutorState => {
    const lesson = lessonOf(course, state.lesson);
    const ref = lesson ? coursePages(course, lesson)[page] : undefined;
    const quiz = ref?.kind === 'quiz' && lesson ? quizAt(state, lesson) : state.quiz;
    // The lesson's hint is for its pages: the quiz has a nudge per question instead.
    const showHint = ref?.kind === 'quiz' && state.page !== page ? false : state.showHint;
    return {
      ...state,
      page,
      scroll: 0,
      quiz,
      showHint,
      checkHeld: false,
      runHeld: false,
      copied: null,
      follow: null,
      callCursor: ref?.kind === 'call' ? state.callCursor : 0,
    };
  };

  const finishLesson = (state: TutorState): TutorState => {
    if (!state.lesson) return state;
    const completed = withLesson(state.completed, state.lesson);
    const next = course.lessons[lessonIndex(course, state.lesson) + 1];
    const done = { ...state, completed };
    // After the last lesson: the end of the course when everything was built and cleaned up, else the menu.
    if (!next)
      return { ...done, screen: state.cleanedSteps.length > 0 && state.doneSteps.length === 0 ? 'end' : 'menu', page: 0, scroll: 0 };
    return openLesson(done, next.id);
  };

  return { pagesCount, openLesson, enterPage, finishLesson };
}
