import { INVENTORIED_KINDS, SLOW_KINDS as SLOW, stepOf } from '../../aws/resources/kinds.js';
import type { StepNumber } from '../../aws/types.js';
import type { Phase, ResourceView, World } from './world-types.js';

/** Kinds that are created first and become usable later (the waits the learner watches): the registry's. */
export const SLOW_KINDS = SLOW;
/** Kinds an inventory reports: only these are taken as gone when an inventory does not list them. */
export const INVENTORIED = INVENTORIED_KINDS;

/** Which step a ledger key belongs to (the registry's `stepOf`). */
export function stepOfKey(key: string): StepNumber | undefined {
  return stepOf(key);
}

/** The nodes' status as their wait reports it from kubectl (`2/3 Ready`): how many are Ready of how many; undefined for any other status. */
export function readyOf(status: string | undefined): { ready: number; of: number } | undefined {
  const nodes = /^(\d+)\/(\d+) Ready$/.exec(status ?? '');
  return nodes ? { ready: Number(nodes[1]), of: Number(nodes[2]) } : undefined;
}

/** A status as AWS words it, as a phase. */
export function phaseOfStatus(status: string): Phase {
  const nodes = readyOf(status);
  if (nodes) return nodes.ready >= nodes.of ? 'ready' : 'creating';
  const s = status.toUpperCase();
  if (s === 'ACTIVE' || s === 'AVAILABLE') return 'ready';
  if (s === 'DELETING' || s.startsWith('DEPENDENCYVIOLATION')) return 'deleting';
  if (s === 'DELETED' || s === 'MISSING') return 'deleted';
  if (s.includes('FAILED')) return 'failed';
  return 'creating';
}

/** Checks passed: the presentation layer's rule, the same as the command line's. */
export { checksPassed } from '../../present/marks.js';

/** Resources still coming up: the learner is told they can read on meanwhile. */
export function settling(world: World): ResourceView[] {
  return Object.values(world.resources).filter((r) => r.phase === 'creating' && SLOW_KINDS.has(r.kind));
}

/** Elapsed time of a wait, run on from the last status by the wall clock (times the sandbox's time-lapse). */
export function elapsedNow(view: Pick<ResourceView, 'elapsedMs' | 'statusAt'>, now: number, rate: number): number | undefined {
  if (view.elapsedMs === undefined || view.statusAt === undefined) return undefined;
  return view.elapsedMs + Math.max(0, now - view.statusAt) * rate;
}
