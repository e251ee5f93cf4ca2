import type { TutorConfig } from '../../config.js';
import { resourceHourly } from '../../aws/cost.js';
import type { ResourceView } from './world.js';

/** The sandbox runs AWS's durations `timeScale` times as fast; this turns wall time back into the time AWS would take. */
export function timeRate(config: Pick<TutorConfig, 'mode' | 'timeScale'>): number {
  return config.mode === 'sandbox' && config.timeScale > 0 ? 1 / config.timeScale : 1;
}

/** What one resource costs per hour while it exists (list prices, an estimate). */
export function hourlyOf(
  view: Pick<ResourceView, 'kind' | 'details'>,
  config: Pick<TutorConfig, 'region' | 'instanceType' | 'nodes' | 'nat'>,
): number {
  return resourceHourly(view, config);
}

const BILLED = new Set(['creating', 'ready', 'deleting', 'failed']);

export interface CostNow {
  /** USD per hour of what exists now. */
  hourly: number;
  /** USD since each resource started, up to now (or until it was deleted). */
  total: number;
  /** What is billed now, with its hourly price. */
  running: { view: ResourceView; hourly: number }[];
}

/**
 * How long AWS would have billed a resource by `end`. In the sandbox only the
 * waits run as a time-lapse: the reading time around them counts as it is,
 * and each wait as long as AWS would have taken (its reported elapsed time).
 */
function billedMs(view: ResourceView, config: Pick<TutorConfig, 'mode' | 'timeScale'>, end: number): number {
  const wall = Math.max(0, end - (view.since ?? end));
  if (config.mode !== 'sandbox' || view.elapsedMs === undefined) return wall;
  const waiting = (view.phase === 'creating' || view.phase === 'deleting') && view.statusAt !== undefined;
  const simulated = view.elapsedMs + (waiting ? Math.max(0, end - view.statusAt!) * timeRate(config) : 0);
  // The wall-clock part of the wait is already in `wall`.
  return wall + simulated - simulated * config.timeScale;
}

export function costNow(resources: readonly ResourceView[], config: TutorConfig, now: number): CostNow {
  let hourly = 0;
  let total = 0;
  const running: CostNow['running'] = [];
  for (const view of resources) {
    const price = hourlyOf(view, config);
    if (price === 0 || view.since === undefined) continue;
    const end = Math.min(view.until ?? now, now);
    total += (price * billedMs(view, config, end)) / 3_600_000;
    if (BILLED.has(view.phase)) {
      hourly += price;
      running.push({ view, hourly: price });
    }
  }
  return { hourly, total, running };
}
