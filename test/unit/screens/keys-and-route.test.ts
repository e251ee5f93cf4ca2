import { describe, expect, it } from 'vitest';
import type { Course } from '../../../src/screens/state/course.js';
import { keyToCommand } from '../../../src/screens/state/keys.js';
import { route, type RouteContext } from '../../../src/screens/state/route.js';
import { createTutorReducer, initialTutor, type TutorState } from '../../../src/screens/state/tutor.js';
import { EMPTY_WORLD, type World } from '../../../src/screens/state/world.js';
import { FIXTURE_LESSONS, wholeCourse } from '../../fixtures/lessons.js';

const course: Course = wholeCourse(FIXTURE_LESSONS, 'sandbox');
const reduce = createTutorReducer(course);

function ctx(tutor: Partial<TutorState>, extra: Partial<RouteContext> = {}): RouteContext {
  return {
    tutor: { ...initialTutor('en'), ...tutor },
    course,
    world: EMPTY_WORLD,
    mode: 'sandbox',
    wide: false,
    welcome: ['start', 'dry-run', 'quit'],
    scrollLimit: 0,
    callCount: 2,
    now: 0,
    ...extra,
  };
}

describe('keys', () => {
  it('maps arrows, Enter, Esc, Tab and the letter keys to commands', () => {
    expect(keyToCommand('', { upArrow: true })).toBe('up');
    expect(keyToCommand('', { rightArrow: true })).toBe('right');
    expect(keyToCommand('', { tab: true, shift: true })).toBe('left');
    expect(keyToCommand('\r', { return: true })).toBe('enter');
    expect(keyToCommand('', { escape: true })).toBe('escape');
    expect(keyToCommand('c', {})).toBe('call');
    expect(keyToCommand('?', {})).toBe('keys');
    expect(keyToCommand('Q', {})).toBe('quit');
    expect(keyToCommand('c', { ctrl: true })).toBe('interrupt');
    expect(keyToCommand('z', {})).toBe('other');
    expect(keyToCommand('', {})).toBeUndefined();
  });
});

describe('route', () => {
  it('on the welcome screen: moves, chooses, switches the language, quits', () => {
    expect(route('down', ctx({}))).toEqual([{ type: 'dispatch', action: { type: 'welcome-move', delta: 1, count: 3 } }]);
    expect(route('enter', ctx({ welcomeCursor: 1 }))).toEqual([{ type: 'choose', choice: 'dry-run' }]);
    expect(route('lang', ctx({}))).toEqual([{ type: 'dispatch', action: { type: 'lang', lang: 'ja' } }]);
    expect(route('quit', ctx({}))).toEqual([{ type: 'quit' }]);
  });

  it('closes the key list on any key, and quits from it', () => {
    expect(route('other', ctx({ screen: 'menu', overlay: 'keys' }))).toEqual([{ type: 'dispatch', action: { type: 'close-overlay' } }]);
    expect(route('quit', ctx({ screen: 'menu', overlay: 'keys' }))).toEqual([{ type: 'quit' }]);
  });

  it('in a lesson: pages, the call, hint, map (beside the lesson when wide), Esc to the menu', () => {
    const lesson: Partial<TutorState> = { screen: 'lesson', lesson: 'vpc', page: 0 };
    expect(route('right', ctx(lesson))).toEqual([{ type: 'dispatch', action: { type: 'page', delta: 1 } }]);
    expect(route('call', ctx(lesson))).toEqual([{ type: 'dispatch', action: { type: 'goto', kind: 'call' } }]);
    expect(route('map', ctx(lesson))).toEqual([{ type: 'dispatch', action: { type: 'toggle', what: 'map' } }]);
    expect(route('map', ctx(lesson, { wide: true }))).toEqual([{ type: 'dispatch', action: { type: 'toggle', what: 'side-map' } }]);
    expect(route('escape', ctx(lesson))).toEqual([{ type: 'dispatch', action: { type: 'menu' } }]);
  });

  it('scrolls a long page only as far as it goes', () => {
    const lesson: Partial<TutorState> = { screen: 'lesson', lesson: 'vpc', page: 0, scroll: 2 };
    expect(route('down', ctx(lesson, { scrollLimit: 3 }))).toEqual([{ type: 'dispatch', action: { type: 'scroll', delta: 1 } }]);
    expect(route('down', ctx({ ...lesson, scroll: 3 }, { scrollLimit: 3 }))).toEqual([]);
    expect(route('page-down', ctx(lesson, { scrollLimit: 3 }))).toEqual([{ type: 'dispatch', action: { type: 'scroll', delta: 1 } }]);
    expect(route('up', ctx({ ...lesson, scroll: 0 }))).toEqual([]);
  });

  it('on the run page: Enter runs (not in a dry run, not while running), r retries a failure', () => {
    const run: Partial<TutorState> = { screen: 'lesson', lesson: 'vpc', page: 3 };
    expect(route('enter', ctx(run))).toEqual([{ type: 'run', step: 2 }]);
    expect(route('enter', ctx(run, { mode: 'dry-run', course: { ...course, mode: 'dry-run' } }))).toEqual([
      { type: 'dispatch', action: { type: 'page', delta: 1 } },
    ]);
    const applying: World = { ...EMPTY_WORLD, runs: { 2: { phase: 'applying' } } };
    expect(route('enter', ctx(run, { world: applying }))).toEqual([]);
    const failed: World = { ...EMPTY_WORLD, runs: { 2: { phase: 'failed' } } };
    expect(route('retry', ctx(run, { world: failed }))).toEqual([{ type: 'run', step: 2 }]);
    const settling: World = { ...EMPTY_WORLD, runs: { 2: { phase: 'settling' } } };
    expect(route('enter', ctx(run, { world: settling }))).toEqual([{ type: 'dispatch', action: { type: 'page', delta: 1 } }]);
  });

  it('in the quiz: choose, answer, next, skip', () => {
    const quiz = reduce(initialTutor('en'), { type: 'open', lesson: 'intro', page: 2 });
    expect(route('down', ctx(quiz))).toEqual([{ type: 'dispatch', action: { type: 'quiz-move', delta: 1 } }]);
    expect(route('enter', ctx(quiz))).toEqual([{ type: 'dispatch', action: { type: 'quiz-answer' } }]);
    expect(route('enter', ctx({ ...quiz, quiz: { ...quiz.quiz, revealed: true } }))).toEqual([
      { type: 'dispatch', action: { type: 'quiz-next' } },
    ]);
    expect(route('skip', ctx(quiz))).toEqual([{ type: 'dispatch', action: { type: 'quiz-skip' } }]);
  });

  it('on the clean-up page: one confirmation deletes; a failed plan can be fetched again', () => {
    const page: Partial<TutorState> = { screen: 'lesson', lesson: 'cleanup', page: 1 };
    const plan = { delete: [{ key: 'vpc', kind: 'vpc' as const, id: 'vpc-1', inLedger: true, tagged: true }], leave: [], byTagOnly: false };
    expect(route('enter', ctx(page, { world: { ...EMPTY_WORLD, teardown: { phase: 'ready', plan } } }))).toEqual([
      { type: 'teardown-confirm' },
    ]);
    expect(route('yes', ctx(page, { world: { ...EMPTY_WORLD, teardown: { phase: 'running', plan } } }))).toEqual([]);
    expect(route('retry', ctx(page, { world: { ...EMPTY_WORLD, teardown: { phase: 'failed' } } }))).toEqual([{ type: 'teardown-load' }]);
  });

  it('on the quit question: Enter quits, Esc stays; Ctrl-C asks first, then quits', () => {
    expect(route('enter', ctx({ screen: 'quit' }))).toEqual([{ type: 'exit' }]);
    expect(route('escape', ctx({ screen: 'quit' }))).toEqual([{ type: 'dispatch', action: { type: 'quit-cancel' } }]);
    expect(route('interrupt', ctx({ screen: 'menu' }))).toEqual([{ type: 'quit' }]);
    expect(route('interrupt', ctx({ screen: 'quit' }))).toEqual([{ type: 'exit' }]);
  });
});
