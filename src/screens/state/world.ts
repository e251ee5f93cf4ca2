import type { StepNumber } from '../../aws/types.js';
import { checkEnded, onEvent } from './world-events.js';
import { onInventory } from './world-inventory.js';
import { EMPTY_WORLD, type StepRun, type World, type WorldAction } from './world-types.js';

export { checksPassed, elapsedNow, phaseOfStatus, settling, stepOfKey } from './resources.js';
export { EMPTY_WORLD } from './world-types.js';
export type { KubectlRun, LogEntry, Phase, ResourceView, RunPhase, StepRun, TeardownView, World, WorldAction } from './world-types.js';

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
      return setRun(checkEnded(world, action.step), action.step, { phase: 'checked', checks: action.checks, endedAt: action.at });
    case 'run-failed':
      return setRun(checkEnded(world, action.step), action.step, { phase: 'failed', error: action.error, endedAt: action.at });
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
