import { describe, expect, it } from 'vitest';
import { pagesOf, type Course } from '../../../src/screens/state/course.js';
import {
  createTutorReducer,
  initialTutor,
  progressOf,
  shownOrder,
  type TutorAction,
  type TutorState,
} from '../../../src/screens/state/tutor.js';
import { FIXTURE_LESSONS, wholeCourse } from '../../fixtures/lessons.js';

const course: Course = wholeCourse(FIXTURE_LESSONS, 'sandbox');
const reduce = createTutorReducer(course);
const run = (actions: TutorAction[], from: TutorState = initialTutor('en')) => actions.reduce(reduce, from);

describe('pages of a lesson', () => {
  it('puts the call, the run and the check after the text of a step, and the quiz last', () => {
    const step = FIXTURE_LESSONS[1]!;
    expect(pagesOf(step, 'sandbox').map((p) => p.kind)).toEqual(['learn', 'learn', 'call', 'run', 'check', 'quiz']);
    expect(pagesOf(step, 'dry-run').map((p) => p.kind)).toEqual(['learn', 'learn', 'call', 'run', 'quiz']);
    expect(pagesOf(FIXTURE_LESSONS[0]!, 'real').map((p) => p.kind)).toEqual(['learn', 'learn', 'quiz']);
    expect(pagesOf(FIXTURE_LESSONS.at(-1)!, 'real').map((p) => p.kind)).toEqual(['learn', 'teardown']);
  });
});

describe('the tutor reducer', () => {
  it('starts at the menu without saved progress, and continues a saved lesson at its page', () => {
    expect(run([{ type: 'start' }]).screen).toBe('menu');
    const resumed = run([
      { type: 'resume', progress: { lesson: 'vpc', page: 3, answers: { intro: [1, null] }, completed: ['intro'], doneSteps: [1] } },
      { type: 'start' },
    ]);
    expect(resumed).toMatchObject({ screen: 'lesson', lesson: 'vpc', page: 3, doneSteps: [1], completed: ['intro'] });
  });

  it('clamps a saved page that no longer exists and ignores an unknown lesson', () => {
    expect(run([{ type: 'resume', progress: { lesson: 'vpc', page: 99, answers: {}, completed: [], doneSteps: [] } }]).page).toBe(5);
    expect(
      run([{ type: 'resume', progress: { lesson: 'wrapup-no-nat', page: 1, answers: {}, completed: [], doneSteps: [] } }]).lesson,
    ).toBeNull();
  });

  it('pages forward and back; back from the first page is the menu; past the last is the next lesson', () => {
    let state = run([
      { type: 'open', lesson: 'intro' },
      { type: 'page', delta: 1 },
    ]);
    expect(state.page).toBe(1);
    state = run(
      [
        { type: 'page', delta: -1 },
        { type: 'page', delta: -1 },
      ],
      state,
    );
    expect(state.screen).toBe('menu');
    state = run([{ type: 'open-cursor' }, { type: 'page', delta: 1 }, { type: 'page', delta: 1 }, { type: 'quiz-skip' }], state);
    expect(state).toMatchObject({
      screen: 'lesson',
      lesson: 'clusterRole',
      page: 0,
      completed: ['intro'],
      answers: { intro: [null, null] },
    });
  });

  it('reopens the current lesson at its page from the menu, another lesson at its start', () => {
    let state = run([{ type: 'open', lesson: 'vpc' }, { type: 'page', delta: 1 }, { type: 'menu' }]);
    expect(state.menuCursor).toBe(2);
    state = run([{ type: 'open-cursor' }], state);
    expect(state.page).toBe(1);
    state = run([{ type: 'menu' }, { type: 'menu-move', delta: 1 }, { type: 'open-cursor' }], state);
    expect(state).toMatchObject({ lesson: 'cluster', page: 0 });
  });

  it('wraps the menu cursor both ways', () => {
    expect(run([{ type: 'menu-move', delta: -1 }]).menuCursor).toBe(FIXTURE_LESSONS.length - 1);
    expect(run([{ type: 'menu-move', delta: FIXTURE_LESSONS.length }]).menuCursor).toBe(0);
  });

  it('jumps to the call page with c, only in a lesson that has one', () => {
    expect(
      run([
        { type: 'open', lesson: 'vpc' },
        { type: 'goto', kind: 'call' },
      ]).page,
    ).toBe(2);
    expect(
      run([
        { type: 'open', lesson: 'intro' },
        { type: 'goto', kind: 'call' },
      ]).page,
    ).toBe(0);
  });

  it('answers the quiz one question at a time, records the answers as choices (not positions), and moves on after the last', () => {
    let state = run([{ type: 'open', lesson: 'intro', page: 2 }]);
    expect(state.quiz).toEqual({ index: 0, cursor: 0, revealed: false });
    const first = shownOrder(state, 'intro', 0, 2);
    state = run([{ type: 'quiz-move', delta: 1 }, { type: 'quiz-answer' }], state);
    expect(state.quiz.revealed).toBe(true);
    expect(state.answers.intro).toEqual([first[1], null]);
    // Moving after answering changes nothing.
    expect(run([{ type: 'quiz-move', delta: 1 }], state).quiz.cursor).toBe(1);
    state = run([{ type: 'quiz-next' }], state);
    expect(state.quiz).toEqual({ index: 1, cursor: 0, revealed: false });
    const second = shownOrder(state, 'intro', 1, 2);
    state = run([{ type: 'quiz-answer' }, { type: 'quiz-next' }], state);
    expect(state).toMatchObject({ lesson: 'clusterRole', page: 0, completed: ['intro'], answers: { intro: [first[1], second[0]] } });
  });

  it('reopens a quiz at the first unanswered question, showing answers already given where they are shown', () => {
    const state = run([
      { type: 'resume', progress: { lesson: null, page: 0, answers: { intro: [1, null] }, completed: [], doneSteps: [], seed: 7 } },
      { type: 'open', lesson: 'intro', page: 2 },
    ]);
    expect(state.quiz).toEqual({ index: 1, cursor: 0, revealed: false });
    const all = run([
      { type: 'resume', progress: { lesson: null, page: 0, answers: { intro: [1, 0] }, completed: [], doneSteps: [], seed: 7 } },
      { type: 'open', lesson: 'intro', page: 2 },
    ]);
    expect(all.quiz).toEqual({ index: 1, cursor: shownOrder({ seed: 7 }, 'intro', 1, 2).indexOf(0), revealed: true });
  });

  it('takes the language the progress remembers, unless --lang chose one', () => {
    const progress = { lesson: null, page: 0, answers: {}, completed: [], doneSteps: [], lang: 'ja' as const };
    expect(run([{ type: 'resume', progress }]).lang).toBe('ja');
    expect(run([{ type: 'resume', progress, keepLang: true }]).lang).toBe('en');
  });

  it('retakes a quiz: the answers are forgotten and it starts again at question 1', () => {
    let state = run([{ type: 'open', lesson: 'intro', page: 2 }, { type: 'quiz-answer' }, { type: 'quiz-next' }, { type: 'quiz-answer' }]);
    expect(state.answers.intro?.every((a) => typeof a === 'number')).toBe(true);
    state = run([{ type: 'quiz-retake' }], state);
    expect(state.answers.intro).toBeUndefined();
    expect(state.quiz).toEqual({ index: 0, cursor: 0, revealed: false });
  });

  it('closes a hint opened on the last Learn page when the quiz starts', () => {
    const state = run([
      { type: 'open', lesson: 'intro', page: 1 },
      { type: 'toggle', what: 'hint' },
    ]);
    expect(state.showHint).toBe(true);
    expect(run([{ type: 'page', delta: 1 }], state)).toMatchObject({ page: 2, showHint: false });
  });

  it('marks a step done when its passed check has been shown, once; a new run makes it unseen again', () => {
    let state = run([{ type: 'check-shown', step: 5, at: 100, passed: true }]);
    expect(state).toMatchObject({ doneSteps: [5], checkShown: { 5: 100 } });
    state = run([{ type: 'check-shown', step: 5, at: 200, passed: true }], state);
    expect(state.checkShown[5]).toBe(100);
    state = run([{ type: 'check-unseen', step: 5 }], state);
    expect(state.checkShown[5]).toBeUndefined();
    expect(run([{ type: 'check-shown', step: 4, at: 1, passed: false }]).doneSteps).toEqual([]);
  });

  it('keeps done steps sorted and unique, and forgets them after a clean-up', () => {
    let state = run([
      { type: 'step-done', step: 3 },
      { type: 'step-done', step: 1 },
      { type: 'step-done', step: 3 },
    ]);
    expect(state.doneSteps).toEqual([1, 3]);
    state = run([{ type: 'steps-cleared' }], state);
    expect(state.doneSteps).toEqual([]);
  });

  it('toggles the map, the key list and the hint; a lesson opens without the hint', () => {
    let state = run([{ type: 'toggle', what: 'map' }]);
    expect(state.overlay).toBe('map');
    state = run([{ type: 'toggle', what: 'keys' }], state);
    expect(state.overlay).toBe('keys');
    state = run([{ type: 'close-overlay' }, { type: 'toggle', what: 'hint' }], state);
    expect(state).toMatchObject({ overlay: 'none', showHint: true });
    expect(run([{ type: 'open', lesson: 'vpc' }], state).showHint).toBe(false);
  });

  it('asks before quitting and returns where it was when cancelled', () => {
    const inLesson = run([{ type: 'open', lesson: 'vpc' }, { type: 'quit-ask' }]);
    expect(inLesson.screen).toBe('quit');
    expect(run([{ type: 'quit-cancel' }], inLesson).screen).toBe('lesson');
    const inMenu = run([{ type: 'start' }, { type: 'quit-ask' }, { type: 'quit-cancel' }]);
    expect(inMenu.screen).toBe('menu');
  });

  it('saves only the progress: lesson, page, answers, completed lessons, done steps, the quiz seed and the language', () => {
    const state = run([
      { type: 'open', lesson: 'vpc', page: 1 },
      { type: 'step-done', step: 1 },
      { type: 'toggle', what: 'map' },
      { type: 'lang', lang: 'ja' },
    ]);
    expect(progressOf(state)).toEqual({ lesson: 'vpc', page: 1, answers: {}, completed: [], doneSteps: [1], seed: 0, lang: 'ja' });
  });
});
