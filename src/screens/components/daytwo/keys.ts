import type { DayTwoAction } from '../../../aws/day-two/actions.js';
import type { Command } from '../../state/keys.js';
import type { Overlay, Screen } from '../../state/tutor.js';
import type { DayTwoEvent, DayTwoPage, DayTwoState } from './state.js';

export type DayTwoEffect = { type: 'dispatch'; event: DayTwoEvent } | { type: 'run'; action: string };

export interface DayTwoKeyContext {
  state: DayTwoState;
  screen: Screen;
  overlay: Overlay;
  /** The lesson open on the lesson screen, if any. */
  lesson: string | null;
  actions: readonly DayTwoAction[];
  pagesOf: (action: DayTwoAction) => DayTwoPage[];
  runnable: boolean;
  /** In an AWS account, an action that costs says so first and runs on y only. */
  asksFirst: (action: DayTwoAction) => boolean;
  scrollLimit: number;
}

/** The key that opens the day-two screens from the lesson menu, the end screen or a day-two lesson. */
export const DAY_TWO_KEY = 'd';

/** Keys every screen keeps: the tutor's own handler takes them. */
const PASS: ReadonlySet<Command> = new Set(['quit', 'interrupt', 'lang', 'keys']);

const to = (event: DayTwoEvent): DayTwoEffect[] => [{ type: 'dispatch', event }];

/** What a key does on the day-two screens; undefined leaves it to the tutor's own handler. */
export function dayTwoKey(input: string, command: Command | undefined, ctx: DayTwoKeyContext): DayTwoEffect[] | undefined {
  const { state, actions } = ctx;
  if (ctx.overlay === 'keys' || ctx.screen === 'quit' || ctx.screen === 'welcome') return undefined;
  const d = input.toLowerCase() === DAY_TWO_KEY;
  if (!state.open) {
    if (!d) return undefined;
    if ((ctx.screen === 'menu' && ctx.overlay === 'none') || ctx.screen === 'end') return to({ type: 'open' });
    const index = actions.findIndex((a) => a.lesson === ctx.lesson);
    const found = actions[index];
    return ctx.screen === 'lesson' && ctx.overlay === 'none' && found ? to({ type: 'open', action: found.id, cursor: index }) : undefined;
  }
  if (command !== undefined && PASS.has(command)) return undefined;
  const action = actions.find((a) => a.id === state.action);
  if (!action) {
    if (d || command === 'escape' || command === 'left') return to({ type: 'close' });
    if (command === 'up' || command === 'down') return to({ type: 'move', delta: command === 'up' ? -1 : 1, count: actions.length });
    if (command?.startsWith('pick-')) {
      const chosen = actions[Number(command.slice(5)) - 1];
      return chosen ? to({ type: 'open', action: chosen.id, cursor: actions.indexOf(chosen) }) : [];
    }
    const here = actions[state.cursor];
    if ((command === 'enter' || command === 'right') && here) return to({ type: 'open', action: here.id, cursor: state.cursor });
    return [];
  }
  const pages = ctx.pagesOf(action);
  const page = pages[state.page];
  const run = state.runs[action.id];
  const canRun = ctx.runnable && run?.phase !== 'running';
  const runPage = pages.findIndex((p) => p.kind === 'run');
  if (d || command === 'escape') return to({ type: 'menu' });
  if (command === 'left') return state.page === 0 ? to({ type: 'menu' }) : to({ type: 'page', delta: -1, count: pages.length });
  if (command === 'right') return to({ type: 'page', delta: 1, count: pages.length });
  if (command === 'retry' && canRun && run && (page?.kind === 'run' || page?.kind === 'check')) return [{ type: 'run', action: action.id }];
  const asks = ctx.asksFirst(action);
  if (command === 'yes' && asks && page?.kind === 'run' && canRun && (!run || run.phase === 'failed'))
    return [{ type: 'run', action: action.id }];
  if (command === 'enter' && asks && (page?.kind === 'call' || page?.kind === 'run') && (!run || run.phase === 'failed'))
    return page.kind === 'call' ? to({ type: 'goto', page: runPage }) : [];
  if (command === 'enter') {
    if (page?.kind === 'call' && !run && canRun) return [...to({ type: 'goto', page: runPage }), { type: 'run', action: action.id }];
    if (page?.kind === 'run' && canRun && (!run || run.phase === 'failed')) return [{ type: 'run', action: action.id }];
    if (page?.kind === 'run' && run?.phase === 'running') return [];
    return state.page === pages.length - 1 ? to({ type: 'menu' }) : to({ type: 'page', delta: 1, count: pages.length });
  }
  const calls = run?.calls.length ?? 0;
  if (page?.kind === 'call' && calls > 0 && (command === 'up' || command === 'down'))
    return to({ type: 'call-move', delta: command === 'up' ? -1 : 1, count: calls });
  if (command?.startsWith('pick-') && page?.kind === 'call') {
    const n = Number(command.slice(5));
    return n >= 1 && n <= calls ? to({ type: 'call-move', delta: n - 1 - state.callCursor, count: calls }) : [];
  }
  const step = command === 'up' ? -1 : command === 'down' ? 1 : command === 'page-up' ? -10 : command === 'page-down' ? 10 : 0;
  // The run's log follows its end: ↑ reads back from there.
  if (step !== 0) return to({ type: 'scroll', delta: page?.kind === 'run' ? -step : step, limit: ctx.scrollLimit });
  return [];
}
