import type { TutorConfig } from '../../config.js';
import { resourceHourly } from '../../aws/cost.js';
import type { ResourceView } from './world.js';

/** The sandbox runs AWS's durations `timeScale` times as fast; this turns wall time back into the time AWS would take. */
export function timeRate(config: Pick<TutorConfig, 'mode' | 'timeScale'>): number {
  return config.mode === 'sandbox' && config.timeScale > 0 ? 1 / config.timeScale : 1;
}

/** What one resource costs per hour while it exists (list prices, an estimate). */
export function hourlyOf(view: Pick<ResourceView, 'kind' | 'details'>, config: Pick<TutorConfig, 'region' | 'instanceType' | 'nodes' | 'nat'>): number {
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

export function costNow(resources: readonly ResourceView[], config: TutorConfig, now: number): CostNow {
  const rate = timeRate(config);
  let hourly = 0;
  let total = 0;
  const running: CostNow['running'] = [];
  for (const view of resources) {
    const price = hourlyOf(view, config);
    if (price === 0 || view.since === undefined) continue;
    const end = Math.min(view.until ?? now, now);
    total += (price * Math.max(0, end - view.since) * rate) / 3_600_000;
    if (BILLED.has(view.phase)) {
      hourly += price;
      running.push({ view, hourly: price });
    }
  }
  return { hourly, total, running };
}
