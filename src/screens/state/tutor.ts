import type { StepNumber } from '../../aws/types.js';
import type { LessonId } from '../../lessons/types.js';
import type { Lang } from '../../text.js';
import type { Progress } from '../../progress/progress.js';
import { coursePages, lessonIndex, lessonOf, type Course } from './course.js';
import { clamp, wrap } from './cursor.js';
import { lessonNavigation } from './navigation.js';
import { quizReducer } from './quiz.js';

export type Screen = 'welcome' | 'menu' | 'lesson' | 'quit' | 'end';
export type Overlay = 'none' | 'map' | 'keys';

export { shownOrder } from './quiz.js';

export interface QuizState {
  /** The question shown. */
  index: number;
  /** The highlighted position on screen (choices are shown shuffled: see `shownOrder`). */
  cursor: number;
  /** The answer was given and the explanation is shown. */
  revealed: boolean;
}

/** Where the learner is and what they have done; everything the screens navigate by. */
export interface TutorState {
  screen: Screen;
  lang: Lang;
  /** The lesson open, or last open (the menu's "current"). */
  lesson: LessonId | null;
  page: number;
  menuCursor: number;
  /** Digits typed on the menu so far, while a longer number could still follow (1, then 2 for lesson 12). */
  menuTyped?: string;
  welcomeCursor: number;
  callCursor: number;
  /** Lines scrolled down in a long page. */
  scroll: number;
  quiz: QuizState;
  answers: Partial<Record<LessonId, (number | null)[]>>;
  completed: LessonId[];
  doneSteps: StepNumber[];
  overlay: Overlay;
  showHint: boolean;
  /** On wide terminals, the map beside the lesson. */
  sideMap: boolean;
  /** Where cancelling the quit question returns to. */
  back: Screen;
  /** Shuffles the quiz choices for this learner (saved with the progress). */
  seed: number;
  /** When each step's check result was first on screen (wall clock, ms). */
  checkShown: Partial<Record<StepNumber, number>>;
  /** A key that would have left the Check page before its result was read was held back. */
  checkHeld: boolean;
  /** In an AWS account, a key that would have sent a billed run as its page opened (a clicker's double press) was held back. */
  runHeld: boolean;
  /** On the "Try it" page: the command just copied to the clipboard, if any. */
  copied: number | null;
  /** Steps built in this session and then cleaned up: the menu says so rather than "not started". */
  cleanedSteps: StepNumber[];
  /** The presenter track's Run page goes on to the Check page by itself once this step's requests are through. */
  follow: StepNumber | null;
}

export type TutorAction =
  /** The saved progress; its language too, unless `--lang` chose one (`keepLang`). */
  | { type: 'resume'; progress: Progress; keepLang?: boolean }
  | { type: 'start' }
  | { type: 'open'; lesson: LessonId; page?: number }
  | { type: 'open-cursor' }
  | { type: 'menu' }
  | { type: 'menu-move'; delta: number }
  /** A digit on the menu: the cursor goes to the lesson of that number. */
  | { type: 'menu-pick'; digit: number }
  | { type: 'welcome-move'; delta: number; count: number }
  /** The welcome screen's choices changed (another mode): the cursor goes back to the first. */
  | { type: 'welcome-reset' }
  | { type: 'page'; delta: 1 | -1 }
  | { type: 'goto'; kind: 'call' | 'run' | 'check' | 'teardown' }
  | { type: 'scroll'; delta: number }
  | { type: 'call-move'; delta: number; count: number }
  | { type: 'quiz-move'; delta: number }
  | { type: 'quiz-answer' }
  | { type: 'quiz-next' }
  | { type: 'quiz-skip' }
  /** Forget this lesson's answers and start its quiz again. */
  | { type: 'quiz-retake' }
  /** A check's result has been drawn; a step whose checks passed is done from now on. */
  | { type: 'check-shown'; step: StepNumber; at: number; passed: boolean }
  | { type: 'check-held' }
  | { type: 'run-held' }
  | { type: 'copied'; index: number }
  | { type: 'follow'; step: StepNumber }
  /** The step runs (again): its next result has not been seen. */
  | { type: 'check-unseen'; step: StepNumber }
  | { type: 'step-done'; step: StepNumber }
  | { type: 'steps-cleared' }
  /** The steps the ledger holds, once it is read (a sandbox that was still starting when the saved place was). */
  | { type: 'steps-known'; doneSteps: StepNumber[] }
  | { type: 'toggle'; what: 'hint' | 'map' | 'keys' | 'side-map' }
  | { type: 'close-overlay' }
  | { type: 'lang'; lang: Lang }
  | { type: 'quit-ask' }
  | { type: 'quit-cancel' };

export function initialTutor(lang: Lang, seed = 0): TutorState {
  return {
    screen: 'welcome',
    lang,
    lesson: null,
    page: 0,
    menuCursor: 0,
    welcomeCursor: 0,
    callCursor: 0,
    scroll: 0,
    quiz: { index: 0, cursor: 0, revealed: false },
    answers: {},
    completed: [],
    doneSteps: [],
    overlay: 'none',
    showHint: false,
    sideMap: true,
    back: 'welcome',
    seed,
    checkShown: {},
    checkHeld: false,
    runHeld: false,
    copied: null,
    follow: null,
    cleanedSteps: [],
  };
}

/** The part that is saved to the progress file. */
export function progressOf(state: TutorState): Progress {
  return {
    lesson: state.lesson,
    page: state.page,
    answers: state.answers,
    completed: state.completed,
    doneSteps: state.doneSteps,
    seed: state.seed,
    lang: state.lang,
  };
}

const withStep = (steps: StepNumber[], step: StepNumber) => (steps.includes(step) ? steps : [...steps, step].sort());

/**
 * The tutor's navigation and progress as a pure reducer: every key the learner
 * presses and every step that finishes becomes one of these actions.
 */
export function createTutorReducer(course: Course): (state: TutorState, action: TutorAction) => TutorState {
  const { pagesCount, openLesson, enterPage, finishLesson } = lessonNavigation(course);
  const quiz = quizReducer(course, finishLesson);

  return (state, action) => {
    switch (action.type) {
      case 'resume': {
        const { progress } = action;
        const known = progress.lesson !== null && lessonIndex(course, progress.lesson) >= 0;
        return {
          ...state,
          answers: progress.answers,
          completed: progress.completed,
          doneSteps: progress.doneSteps,
          lesson: known ? progress.lesson : null,
          // Before the pages are loaded the saved page is kept as it is: opening the lesson clamps it.
          page: known ? (course.bodies ? clamp(progress.page, 0, Math.max(0, pagesCount(progress.lesson) - 1)) : progress.page) : 0,
          menuCursor: known ? lessonIndex(course, progress.lesson) : 0,
          ...(progress.seed !== undefined ? { seed: progress.seed } : {}),
          ...(progress.lang && !action.keepLang ? { lang: progress.lang } : {}),
        };
      }
      case 'start':
        if (state.lesson && lessonIndex(course, state.lesson) >= 0) return openLesson(state, state.lesson, state.page);
        // The presenter track starts at its first page, not at a menu.
        return course.presenter && course.lessons[0] ? openLesson(state, course.lessons[0].id) : { ...state, screen: 'menu' };
      case 'open':
        return openLesson(state, action.lesson, action.page);
      case 'open-cursor': {
        const lesson = course.lessons[state.menuCursor];
        if (!lesson) return state;
        // Reopening the lesson one was in continues at its page.
        return openLesson(state, lesson.id, lesson.id === state.lesson ? state.page : 0);
      }
      case 'menu':
        return { ...state, screen: 'menu', overlay: 'none', menuCursor: Math.max(0, lessonIndex(course, state.lesson)) };
      case 'menu-move': {
        const { menuTyped: _typed, ...rest } = state;
        return { ...rest, menuCursor: wrap(state.menuCursor + action.delta, course.lessons.length) };
      }
      case 'menu-pick': {
        const count = course.lessons.length;
        const { menuTyped: _typed, ...rest } = state;
        const longer = Number(`${state.menuTyped ?? ''}${action.digit}`);
        const number = state.menuTyped && longer <= count ? longer : action.digit;
        if (number < 1 || number > count) return rest;
        return { ...rest, menuCursor: number - 1, ...(number * 10 <= count ? { menuTyped: String(number) } : {}) };
      }
      case 'welcome-move':
        return { ...state, welcomeCursor: wrap(state.welcomeCursor + action.delta, action.count) };
      case 'welcome-reset':
        return { ...state, welcomeCursor: 0 };
      case 'page': {
        if (state.screen !== 'lesson') return state;
        const next = state.page + action.delta;
        if (next < 0) return { ...state, screen: 'menu' };
        if (next >= pagesCount(state.lesson)) return finishLesson(state);
        return enterPage(state, next);
      }
      case 'goto': {
        const lesson = lessonOf(course, state.lesson);
        if (!lesson || state.screen !== 'lesson') return state;
        const index = coursePages(course, lesson).findIndex((p) => p.kind === action.kind);
        return index < 0 ? state : enterPage({ ...state, overlay: 'none' }, index);
      }
      case 'scroll':
        return { ...state, scroll: Math.max(0, state.scroll + action.delta) };
      case 'call-move':
        return { ...state, copied: null, scroll: 0, callCursor: clamp(state.callCursor + action.delta, 0, Math.max(0, action.count - 1)) };
      case 'quiz-move':
      case 'quiz-answer':
      case 'quiz-next':
      case 'quiz-retake':
      case 'quiz-skip':
        return quiz(state, action);
      case 'check-shown': {
        if (state.checkShown[action.step] !== undefined) return state;
        const shown = { ...state, checkShown: { ...state.checkShown, [action.step]: action.at } };
        return action.passed ? { ...shown, doneSteps: withStep(state.doneSteps, action.step) } : shown;
      }
      case 'step-done':
        return {
          ...state,
          doneSteps: withStep(state.doneSteps, action.step),
          cleanedSteps: state.cleanedSteps.filter((s) => s !== action.step),
        };
      case 'follow':
        return { ...state, follow: action.step };
      case 'copied':
        return { ...state, copied: action.index };
      case 'check-held':
        return state.checkHeld ? state : { ...state, checkHeld: true };
      case 'run-held':
        return state.runHeld ? state : { ...state, runHeld: true };
      case 'check-unseen': {
        if (state.checkShown[action.step] === undefined) return state;
        const checkShown = { ...state.checkShown };
        delete checkShown[action.step];
        return { ...state, checkShown };
      }
      case 'steps-known':
        return { ...state, doneSteps: action.doneSteps };
      case 'steps-cleared':
        return { ...state, cleanedSteps: [...new Set([...state.cleanedSteps, ...state.doneSteps])].sort(), doneSteps: [], checkShown: {} };
      case 'toggle':
        if (action.what === 'hint') return { ...state, showHint: !state.showHint };
        if (action.what === 'side-map') return { ...state, sideMap: !state.sideMap };
        return { ...state, overlay: state.overlay === action.what ? 'none' : action.what };
      case 'close-overlay':
        return { ...state, overlay: 'none' };
      case 'lang':
        return { ...state, lang: action.lang };
      case 'quit-ask':
        return state.screen === 'quit' ? state : { ...state, screen: 'quit', overlay: 'none', back: state.screen };
      case 'quit-cancel':
        return state.screen === 'quit' ? { ...state, screen: state.back } : state;
    }
  };
}
