import { KEYS } from '../../aws/resources/kinds.js';
import type { EngineEvent, StepNumber } from '../../aws/types.js';
import { SLOW_KINDS, phaseOfStatus, stepOfKey } from './resources.js';
import type { LogEntry, Phase, ResourceView, World } from './world-types.js';

/** Lines of the log kept: the oldest go first. */
const LOG_LIMIT = 200;

/** One engine event, folded into the world: resources, statuses, the log, kubectl's output and the checks. */
export function onEvent(world: World, event: EngineEvent, at: number): World {
  switch (event.type) {
    case 'step-start': {
      const started = { ...world, active: event.step };
      return event.action === 'verify' ? { ...started, checking: [...openChecks(world, event.step), event.step] } : started;
    }
    case 'step-end': {
      const ended = world.active === event.step ? { ...world, active: undefined } : world;
      return event.action === 'verify' ? checkEnded(ended, event.step) : ended;
    }
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
      const nodes = resources[KEYS.nodes];
      if (event.kind === 'eks-nodegroup' && phase === 'deleted' && nodes) resources[KEYS.nodes] = { ...nodes, phase: 'deleted', until: at };
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
      // kubectl runs in a step's check: its output is that check's (the latest begun, should two overlap).
      const step = world.checking?.[world.checking.length - 1] ?? world.active;
      if (step === undefined) return world;
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

function openChecks(world: World, step: StepNumber): StepNumber[] {
  return (world.checking ?? []).filter((s) => s !== step);
}

/** The step's check is over (its step-end, or its result or failure when the check threw before a step-end). */
export function checkEnded(world: World, step: StepNumber): World {
  if (!world.checking?.includes(step)) return world;
  const checking = openChecks(world, step);
  if (checking.length > 0) return { ...world, checking };
  const { checking: _closed, ...rest } = world;
  return rest;
}
