import type { DayTwoAction } from '../../../aws/day-two/actions.js';
import type { Outcome } from '../../../aws/day-two/context.js';
import type { EngineEvent, PlannedCall } from '../../../aws/types.js';
import type { Lesson } from '../../../lessons/types.js';
import { text, type Text } from '../../../text.js';
import type { PageRef } from '../../state/course.js';
import { EMPTY_WORLD, worldReducer, type World } from '../../state/world.js';

/** A page of a day-two action: its lesson's pages (the reasoning), then the calls, the run and the check. */
export type DayTwoPage = Extract<PageRef, { kind: 'learn' | 'call' | 'run' | 'check' }>;

export function actionPages(lesson: Lesson | undefined): DayTwoPage[] {
  return [
    ...(lesson?.pages ?? []).map((_, index) => ({ kind: 'learn' as const, index })),
    { kind: 'call' },
    { kind: 'run' },
    { kind: 'check' },
  ];
}

/** One run of an action: each call as it was shown before it was sent, what happened, kubectl's output, and the outcome. */
export interface DayTwoRun {
  phase: 'running' | 'done' | 'failed';
  startedAt: number;
  calls: PlannedCall[];
  /** The run's own events, reduced as a step's are (its log, and what is still settling). */
  world: World;
  kubectl: { args: string[]; output: string }[];
  outcome?: Outcome;
  error?: Text;
}

export interface DayTwoState {
  /** The day-two screens are showing (over the lesson menu or the end screen). */
  open: boolean;
  /** The action under the cursor on the day-two menu. */
  cursor: number;
  /** The action whose pages are open; none: the day-two menu. */
  action?: string;
  page: number;
  scroll: number;
  callCursor: number;
  runs: Partial<Record<string, DayTwoRun>>;
}

export const DAY_TWO_CLOSED: DayTwoState = { open: false, cursor: 0, page: 0, scroll: 0, callCursor: 0, runs: {} };

export type DayTwoEvent =
  | { type: 'open'; action?: string; cursor?: number }
  | { type: 'close' }
  | { type: 'menu' }
  | { type: 'move'; delta: number; count: number }
  | { type: 'page'; delta: number; count: number }
  | { type: 'goto'; page: number }
  | { type: 'scroll'; delta: number; limit: number }
  | { type: 'call-move'; delta: number; count: number }
  | { type: 'run-start'; action: string; at: number }
  | { type: 'run-show'; action: string; call: PlannedCall; at: number }
  | { type: 'run-event'; action: string; event: EngineEvent; at: number }
  | { type: 'run-done'; action: string; outcome: Outcome }
  | { type: 'run-failed'; action: string; error: Text };

const wrap = (n: number, count: number) => (count <= 0 ? 0 : ((n % count) + count) % count);
const fresh = { page: 0, scroll: 0, callCursor: 0 };

function onRun(state: DayTwoState, action: string, change: (run: DayTwoRun) => DayTwoRun): DayTwoState {
  const run = state.runs[action];
  return run ? { ...state, runs: { ...state.runs, [action]: change(run) } } : state;
}

export function dayTwoReducer(state: DayTwoState, event: DayTwoEvent): DayTwoState {
  switch (event.type) {
    case 'open': {
      const { action: _action, ...rest } = state;
      return {
        ...rest,
        open: true,
        ...fresh,
        ...(event.cursor !== undefined ? { cursor: event.cursor } : {}),
        ...(event.action ? { action: event.action } : {}),
      };
    }
    case 'close':
      return { ...state, open: false };
    case 'menu': {
      const { action: _action, ...rest } = state;
      return { ...rest, ...fresh };
    }
    case 'move':
      return { ...state, cursor: wrap(state.cursor + event.delta, event.count) };
    case 'page':
      return { ...state, ...fresh, page: Math.max(0, Math.min(event.count - 1, state.page + event.delta)) };
    case 'goto':
      return { ...state, ...fresh, page: event.page };
    case 'scroll':
      return { ...state, scroll: Math.max(0, Math.min(event.limit, state.scroll + event.delta)) };
    case 'call-move':
      return { ...state, callCursor: wrap(state.callCursor + event.delta, event.count), scroll: 0 };
    case 'run-start':
      return {
        ...state,
        runs: { ...state.runs, [event.action]: { phase: 'running', startedAt: event.at, calls: [], world: EMPTY_WORLD, kubectl: [] } },
      };
    case 'run-show':
      return onRun(state, event.action, (run) => ({
        ...run,
        calls: [...run.calls, event.call],
        world: worldReducer(run.world, {
          type: 'event',
          event: { type: 'call', service: event.call.service, operation: event.call.action },
          at: event.at,
        }),
      }));
    case 'run-event':
      return onRun(state, event.action, (run) => {
        const e = event.event;
        if (e.type === 'call') return run;
        if (e.type !== 'kubectl') return { ...run, world: worldReducer(run.world, { type: 'event', event: e, at: event.at }) };
        const line = `$ kubectl ${e.args.join(' ')}`;
        return {
          ...run,
          kubectl: [...run.kubectl, { args: e.args, output: e.output }],
          world: worldReducer(run.world, { type: 'event', event: { type: 'note', text: text(line, line) }, at: event.at }),
        };
      });
    case 'run-done':
      return onRun(state, event.action, (run) => ({ ...run, phase: 'done', outcome: event.outcome }));
    case 'run-failed':
      return onRun(state, event.action, (run) => ({ ...run, phase: 'failed', error: event.error }));
  }
}

/** The action open, and its page. */
export function openAction(state: DayTwoState, actions: readonly DayTwoAction[]): DayTwoAction | undefined {
  return state.action === undefined ? undefined : actions.find((a) => a.id === state.action);
}
