import { describe, expect, it } from 'vitest';
import { DAY_TWO_ACTIONS } from '../../../src/aws/day-two/actions.js';
import { dayTwoKey, type DayTwoKeyContext } from '../../../src/screens/components/daytwo/keys.js';
import { actionPages, DAY_TWO_CLOSED, dayTwoReducer } from '../../../src/screens/components/daytwo/state.js';
import { keyToCommand } from '../../../src/screens/state/keys.js';

const ctx = (over: Partial<DayTwoKeyContext> = {}): DayTwoKeyContext => ({
  state: DAY_TWO_CLOSED,
  screen: 'menu',
  overlay: 'none',
  lesson: null,
  actions: DAY_TWO_ACTIONS,
  pagesOf: () => actionPages(undefined),
  runnable: true,
  asksFirst: () => false,
  scrollLimit: 0,
  ...over,
});
const key = (input: string, c: DayTwoKeyContext) => dayTwoKey(input, keyToCommand(input, {}), c);

describe('the day-two keys', () => {
  it('open the day-two menu with d from the lesson menu and the end screen, and the action of a day-two lesson from its pages', () => {
    expect(key('d', ctx())).toEqual([{ type: 'dispatch', event: { type: 'open' } }]);
    expect(key('d', ctx({ screen: 'end' }))).toEqual([{ type: 'dispatch', event: { type: 'open' } }]);
    const access = DAY_TWO_ACTIONS.findIndex((a) => a.id === 'access');
    expect(key('d', ctx({ screen: 'lesson', lesson: 'wrapup-access' }))).toEqual([
      { type: 'dispatch', event: { type: 'open', action: 'access', cursor: access } },
    ]);
    // Elsewhere d is the tutor's: a step lesson, the welcome screen, the map.
    expect(key('d', ctx({ screen: 'lesson', lesson: 'vpc' }))).toBeUndefined();
    expect(key('d', ctx({ screen: 'welcome' }))).toBeUndefined();
    expect(key('d', ctx({ overlay: 'map' }))).toBeUndefined();
  });

  it('leave quit, language and the key list to the tutor, and take the rest while open', () => {
    const open = dayTwoReducer(DAY_TWO_CLOSED, { type: 'open' });
    for (const input of ['q', 'l', '?']) expect(key(input, ctx({ state: open }))).toBeUndefined();
    expect(key('x', ctx({ state: open }))).toEqual([]);
    expect(key('d', ctx({ state: open }))).toEqual([{ type: 'dispatch', event: { type: 'close' } }]);
  });

  it('run on Enter from the calls page, and on y only when the action asks first', () => {
    const calls = { ...dayTwoReducer(DAY_TWO_CLOSED, { type: 'open', action: 'addons' }), page: 0 };
    const onCalls = dayTwoKey('\r', 'enter', ctx({ state: calls }));
    expect(onCalls).toEqual([
      { type: 'dispatch', event: { type: 'goto', page: 1 } },
      { type: 'run', action: 'addons' },
    ]);
    const asking = ctx({ state: { ...calls, page: 1 }, asksFirst: () => true });
    expect(dayTwoKey('\r', 'enter', asking)).toEqual([]);
    expect(dayTwoKey('y', 'yes', asking)).toEqual([{ type: 'run', action: 'addons' }]);
    expect(dayTwoKey('\r', 'enter', ctx({ state: calls, runnable: false }))).toEqual([
      { type: 'dispatch', event: { type: 'page', delta: 1, count: 3 } },
    ]);
  });
});
