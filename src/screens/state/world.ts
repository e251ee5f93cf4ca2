import type { Found } from '../../aws/inventory.js';
import type { Check, EngineEvent, StepNumber } from '../../aws/types.js';
import type { Text } from '../../text.js';
import { INVENTORIED, SLOW_KINDS, phaseOfStatus, stepOfKey } from './resources.js';

export { checksPassed, elapsedNow, phaseOfStatus, settling, stepOfKey } from './resources.js';

/** Where a resource is in its life, as the map and the cost meter show it. */
export type Phase = 'planned' | 'creating' | 'ready' | 'deleting' | 'deleted' | 'failed';

export interface ResourceView {
  key: string;
  kind: string;
  id?: string;
  phase: Phase;
  /** The last status AWS reported (CREATING, available, …). */
  status?: string;
  elapsedMs?: number;
  expectedMs?: number;
  /** When the status was received (wall clock, ms): the elapsed time runs on from here. */
  statusAt?: number;
  /** When it started to exist (billing starts), and when it stopped. */
  since?: number;
  until?: number;
  details?: Record<string, string>;
}

/** How far one step's run is. */
export type RunPhase = 'idle' | 'waiting' | 'applying' | 'settling' | 'checked' | 'failed';

export interface StepRun {
  phase: RunPhase;
  startedAt?: number;
  appliedAt?: number;
  endedAt?: number;
  checks?: Check[];
  error?: Text;
}

/** One line of what happened, kept structured so it can be shown in either language. */
export type LogEntry = { at: number; step?: StepNumber } & (
  | { type: 'call'; service: string; operation: string }
  | { type: 'resource'; key: string; kind: string; id?: string; change: Extract<EngineEvent, { type: 'resource' }>['change'] }
  | { type: 'status'; key: string; kind: string; id: string; status: string; elapsedMs: number; expectedMs: number }
  | { type: 'note'; text: Text }
  | { type: 'retry'; operation: string; reason: Text; attempt: number; elapsedMs: number }
);

export interface TeardownView {
  phase: 'idle' | 'loading' | 'ready' | 'running' | 'done' | 'failed';
  plan?: { delete: Found[]; leave: Found[]; byTagOnly: boolean };
  deleted?: number;
  remaining?: Found[];
  error?: Text;
}

/** Everything the tutor knows about the resources: from engine events, inventories and its own runs. */
export interface World {
  resources: Record<string, ResourceView>;
  runs: Partial<Record<StepNumber, StepRun>>;
  log: LogEntry[];
  kubectl: Partial<Record<4 | 5, { args: string[]; output: string }>>;
  notes: Text[];
  /** The step the engine is working on (from step-start / step-end). */
  active?: StepNumber;
  /** Steps whose first resources are made early, during another step's wait (the node role during step 3). */
  early?: Partial<Record<StepNumber, StepNumber>>;
  teardown: TeardownView;
}

export type WorldAction =
  | { type: 'event'; event: EngineEvent; at: number }
  | { type: 'inventory'; found: (Found & { since?: number })[]; at: number }
  | { type: 'run-queued'; step: StepNumber }
  /** What `step` needs first is made now, while `during` waits: it is reported with `during`. */
  | { type: 'run-early'; step: StepNumber; during: StepNumber }
  | { type: 'run-cancelled'; step: StepNumber }
  | { type: 'run-start'; step: StepNumber; at: number }
  | { type: 'run-applied'; step: StepNumber; at: number }
  | { type: 'run-checked'; step: StepNumber; checks: Check[]; at: number }
  | { type: 'run-failed'; step: StepNumber; error: Text; at: number }
  | { type: 'teardown-loading' }
  | { type: 'teardown-plan'; plan: NonNullable<TeardownView['plan']> }
  | { type: 'teardown-start' }
  | { type: 'teardown-done'; deleted: number; remaining: Found[] }
  | { type: 'teardown-failed'; error: Text }
  | { type: 'reset' };

export const EMPTY_WORLD: World = { resources: {}, runs: {}, log: [], kubectl: {}, notes: [], teardown: { phase: 'idle' } };

const LOG_LIMIT = 200;
function onEvent(world: World, event: EngineEvent, at: number): World {
  switch (event.type) {
    case 'step-start':
      return { ...world, active: event.step };
    case 'step-end':
      return world.active === event.step ? { ...world, active: undefined } : world;
    case 'call':
      return addLog(world, { type: 'call', service: event.service, operation: event.operation, at, ...stepField(world.active) });
    case 'resource': {
      if (event.kind === 'policy-attachment') return world;
      const before = world.resources[event.key];
      const slow = SLOW_KINDS.has(event.kind);
      let phase: Phase;
      switch (event.change) {
        case 'creating':
          phase = 'creating';
          break;
        case 'created':
        case 'adopted':
          phase = slow && before?.phase !== 'ready' ? 'creating' : 'ready';
          break;
        case 'deleting':
          phase = 'deleting';
          break;
        case 'deleted':
          phase = 'deleted';
          break;
        case 'kept':
          phase = before?.phase ?? 'ready';
          break;
      }
      const next: ResourceView = {
        ...(before ?? {}),
        key: event.key,
        kind: event.kind,
        phase,
        ...(event.id ? { id: event.id } : {}),
        ...(phase === 'deleted' ? { until: at } : {}),
      };
      if ((phase === 'creating' || phase === 'ready') && (before?.since === undefined || before.phase === 'deleted')) {
        next.since = at;
        delete next.until;
      }
      if (phase === 'creating' && event.change === 'creating') {
        delete next.status;
        delete next.statusAt;
      }
      const logged = addLog(world, {
        type: 'resource',
        key: event.key,
        kind: event.kind,
        change: event.change,
        at,
        ...(event.id ? { id: event.id } : {}),
        ...stepField(reportedStep(world, event.key)),
      });
      const resources = { ...world.resources, [event.key]: next };
      // The nodes go with their node group.
      if (event.kind === 'eks-nodegroup' && phase === 'deleted' && resources.nodes)
        resources.nodes = { ...resources.nodes, phase: 'deleted', until: at };
      return { ...logged, resources };
    }
    case 'status': {
      const before = world.resources[event.key];
      const phase = phaseOfStatus(event.status);
      const next: ResourceView = {
        ...(before ?? {}),
        key: event.key,
        kind: event.kind,
        id: before?.id || event.id,
        phase: phase === 'deleted' && before?.phase !== 'deleting' && before?.phase !== 'deleted' ? 'failed' : phase,
        status: event.status,
        elapsedMs: event.elapsedMs,
        expectedMs: event.expectedMs,
        statusAt: at,
        ...(before?.since === undefined && phase !== 'deleted' ? { since: at } : {}),
      };
      if (next.phase === 'deleted') next.until ??= at;
      const logged = addLog(world, {
        type: 'status',
        key: event.key,
        kind: event.kind,
        id: event.id,
        status: event.status,
        elapsedMs: event.elapsedMs,
        expectedMs: event.expectedMs,
        at,
        ...stepField(stepOfKey(event.key)),
      });
      return { ...logged, resources: { ...world.resources, [event.key]: next } };
    }
    case 'kubectl': {
      const step = event.args.includes('nodes') ? 5 : 4;
      return { ...world, kubectl: { ...world.kubectl, [step]: { args: event.args, output: event.output } } };
    }
    case 'checks': {
      const run = world.runs[event.step] ?? { phase: 'settling' };
      return { ...world, runs: { ...world.runs, [event.step]: { ...run, checks: event.checks } } };
    }
    case 'note':
      return addLog({ ...world, notes: [...world.notes, event.text] }, { type: 'note', text: event.text, at, ...stepField(world.active) });
    case 'retry':
      return addLog(world, {
        type: 'retry',
        operation: event.operation,
        reason: event.reason,
        attempt: event.attempt,
        elapsedMs: event.elapsedMs,
        at,
        ...stepField(world.active ?? reportedStep(world, event.key)),
      });
    default:
      return world;
  }
}

/** The step a resource is reported with: its own, or the step during which it is made early. */
function reportedStep(world: World, key: string): StepNumber | undefined {
  const own = stepOfKey(key);
  const during = own !== undefined ? world.early?.[own] : undefined;
  return during !== undefined ? during : own;
}

function stepField(step: StepNumber | undefined): { step?: StepNumber } {
  return step === undefined ? {} : { step };
}

function addLog(world: World, entry: LogEntry): World {
  const log = world.log.length >= LOG_LIMIT ? [...world.log.slice(-(LOG_LIMIT - 1)), entry] : [...world.log, entry];
  return { ...world, log };
}

function onInventory(world: World, found: (Found & { since?: number })[], at: number): World {
  const resources: Record<string, ResourceView> = {};
  const seen = new Set<string>();
  for (const f of found) {
    if (f.kind === 'policy-attachment') continue;
    seen.add(f.key);
    const before = world.resources[f.key];
    const phase = f.state ? phaseOfStatus(f.state) : 'ready';
    resources[f.key] = {
      ...(before ?? {}),
      key: f.key,
      kind: f.kind,
      id: f.id,
      // A wait in progress knows better than a snapshot.
      phase:
        before && (before.phase === 'deleting' || (before.phase === 'creating' && phase === 'ready' && before.statusAt !== undefined))
          ? before.phase
          : phase,
      ...(f.state ? { status: f.state } : {}),
      since: before?.since ?? f.since ?? at,
      ...(f.details ? { details: { ...(before?.details ?? {}), ...f.details } } : {}),
    };
    delete resources[f.key]!.until;
  }
  for (const [key, view] of Object.entries(world.resources)) {
    if (seen.has(key)) continue;
    if (!INVENTORIED.has(view.kind)) {
      resources[key] = view;
      continue;
    }
    // Not found any more: gone, unless it is still being made (its id may not be known yet).
    resources[key] = view.phase === 'ready' || view.phase === 'deleting' ? { ...view, phase: 'deleted', until: view.until ?? at } : view;
  }
  return { ...world, resources };
}

function clearEarly(world: World, step: StepNumber): World {
  if (world.early?.[step] === undefined) return world;
  const early = { ...world.early };
  delete early[step];
  return { ...world, early };
}

function setRun(world: World, step: StepNumber, run: Partial<StepRun>): World {
  const before = world.runs[step] ?? { phase: 'idle' };
  return { ...world, runs: { ...world.runs, [step]: { ...before, ...run } } };
}

/** The world as a pure reducer of engine events, inventories and the tutor's own run and teardown actions. */
export function worldReducer(world: World, action: WorldAction): World {
  switch (action.type) {
    case 'event':
      return onEvent(world, action.event, action.at);
    case 'inventory':
      return onInventory(world, action.found, action.at);
    case 'run-queued':
      return setRun(clearEarly(world, action.step), action.step, { phase: 'waiting' });
    case 'run-early':
      return { ...world, early: { ...world.early, [action.step]: action.during } };
    case 'run-cancelled': {
      const runs = { ...world.runs };
      delete runs[action.step];
      return { ...world, runs };
    }
    case 'run-start': {
      const next = setRun(world, action.step, { phase: 'applying', startedAt: action.at });
      const run = { ...next.runs[action.step]! };
      delete run.error;
      delete run.checks;
      delete run.appliedAt;
      delete run.endedAt;
      // What was cleaned up is no longer the whole story.
      const teardown = world.teardown.phase === 'done' || world.teardown.phase === 'ready' ? { phase: 'idle' as const } : world.teardown;
      return { ...next, teardown, runs: { ...next.runs, [action.step]: run } };
    }
    case 'run-applied':
      return setRun(world, action.step, { phase: 'settling', appliedAt: action.at });
    case 'run-checked':
      return setRun(world, action.step, { phase: 'checked', checks: action.checks, endedAt: action.at });
    case 'run-failed':
      return setRun(world, action.step, { phase: 'failed', error: action.error, endedAt: action.at });
    case 'teardown-loading':
      return { ...world, teardown: { phase: 'loading' } };
    case 'teardown-plan':
      return { ...world, teardown: { phase: 'ready', plan: action.plan } };
    case 'teardown-start':
      return { ...world, teardown: { ...world.teardown, phase: 'running' } };
    case 'teardown-done':
      return {
        ...world,
        runs: {},
        kubectl: {},
        teardown: { ...world.teardown, phase: 'done', deleted: action.deleted, remaining: action.remaining },
      };
    case 'teardown-failed':
      return { ...world, teardown: { ...world.teardown, phase: 'failed', error: action.error } };
    case 'reset':
      return EMPTY_WORLD;
  }
}
