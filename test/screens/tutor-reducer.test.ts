import { describe, expect, it } from 'vitest';
import { pagesOf, type Course } from '../../src/screens/state/course.js';
import { createTutorReducer, initialTutor, progressOf, type TutorAction, type TutorState } from '../../src/screens/state/tutor.js';
import { FIXTURE_LESSONS } from '../fixtures/lessons.js';

const course: Course = { lessons: FIXTURE_LESSONS, mode: 'sandbox' };
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
    const resumed = run([{ type: 'resume', progress: { lesson: 'vpc', page: 3, answers: { intro: [1, null] }, completed: ['intro'], doneSteps: [1] } }, { type: 'start' }]);
    expect(resumed).toMatchObject({ screen: 'lesson', lesson: 'vpc', page: 3, doneSteps: [1], completed: ['intro'] });
  });

  it('clamps a saved page that no longer exists and ignores an unknown lesson', () => {
    expect(run([{ type: 'resume', progress: { lesson: 'vpc', page: 99, answers: {}, completed: [], doneSteps: [] } }]).page).toBe(5);
    expect(run([{ type: 'resume', progress: { lesson: 'wrapup-no-nat', page: 1, answers: {}, completed: [], doneSteps: [] } }]).lesson).toBeNull();
  });

  it('pages forward and back; back from the first page is the menu; past the last is the next lesson', () => {
    let state = run([{ type: 'open', lesson: 'intro' }, { type: 'page', delta: 1 }]);
    expect(state.page).toBe(1);
    state = run([{ type: 'page', delta: -1 }, { type: 'page', delta: -1 }], state);
    expect(state.screen).toBe('menu');
    state = run([{ type: 'open-cursor' }, { type: 'page', delta: 1 }, { type: 'page', delta: 1 }, { type: 'quiz-skip' }], state);
    expect(state).toMatchObject({ screen: 'lesson', lesson: 'clusterRole', page: 0, completed: ['intro'], answers: { intro: [null, null] } });
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
    expect(run([{ type: 'open', lesson: 'vpc' }, { type: 'goto', kind: 'call' }]).page).toBe(2);
    expect(run([{ type: 'open', lesson: 'intro' }, { type: 'goto', kind: 'call' }]).page).toBe(0);
  });

  it('answers the quiz one question at a time, records the answers, and moves on after the last', () => {
    let state = run([{ type: 'open', lesson: 'intro', page: 2 }]);
    expect(state.quiz).toEqual({ index: 0, cursor: 0, revealed: false });
    state = run([{ type: 'quiz-move', delta: 1 }, { type: 'quiz-answer' }], state);
    expect(state.quiz.revealed).toBe(true);
    expect(state.answers.intro).toEqual([1, null]);
    // Moving after answering changes nothing.
    expect(run([{ type: 'quiz-move', delta: 1 }], state).quiz.cursor).toBe(1);
    state = run([{ type: 'quiz-next' }], state);
    expect(state.quiz).toEqual({ index: 1, cursor: 0, revealed: false });
    state = run([{ type: 'quiz-answer' }, { type: 'quiz-next' }], state);
    expect(state).toMatchObject({ lesson: 'clusterRole', page: 0, completed: ['intro'], answers: { intro: [1, 0] } });
  });

  it('reopens a quiz at the first unanswered question, showing answers already given', () => {
    const state = run([{ type: 'resume', progress: { lesson: null, page: 0, answers: { intro: [1, null] }, completed: [], doneSteps: [] } }, { type: 'open', lesson: 'intro', page: 2 }]);
    expect(state.quiz).toEqual({ index: 1, cursor: 0, revealed: false });
    const all = run([{ type: 'resume', progress: { lesson: null, page: 0, answers: { intro: [1, 0] }, completed: [], doneSteps: [] } }, { type: 'open', lesson: 'intro', page: 2 }]);
    expect(all.quiz).toEqual({ index: 1, cursor: 0, revealed: true });
  });

  it('keeps done steps sorted and unique, and forgets them after a clean-up', () => {
    let state = run([{ type: 'step-done', step: 3 }, { type: 'step-done', step: 1 }, { type: 'step-done', step: 3 }]);
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

  it('saves only the progress: lesson, page, answers, completed lessons and done steps', () => {
    const state = run([{ type: 'open', lesson: 'vpc', page: 1 }, { type: 'step-done', step: 1 }, { type: 'toggle', what: 'map' }]);
    expect(progressOf(state)).toEqual({ lesson: 'vpc', page: 1, answers: {}, completed: [], doneSteps: [1] });
  });
});
