import { describe, expect, it } from 'vitest';
import { clockPace } from '../../../src/screens/components/ClockPace.js';
import { SLOW_TICK_MS, TICK_MS } from '../../../src/screens/hooks/useNow.js';
import { EMPTY_WORLD, type World } from '../../../src/screens/state/world.js';

const creating = (kind: string, expectedMs: number): World => ({
  ...EMPTY_WORLD,
  resources: { [kind]: { key: kind, kind, phase: 'creating', status: 'CREATING', elapsedMs: 0, expectedMs, statusAt: 0 } },
});

describe('how often the clocks move', () => {
  it('every 5 s while a wait of minutes runs in an AWS account, every 2 s for a shorter one or none', () => {
    const real = { mode: 'real', timeScale: 1 };
    expect(clockPace(creating('eks-cluster', 9 * 60_000), real)).toBe(SLOW_TICK_MS);
    expect(clockPace(creating('nat-gateway', 90_000), real)).toBe(TICK_MS);
    expect(clockPace(EMPTY_WORLD, real)).toBe(TICK_MS);
  });

  it('in the sandbox by the time-lapse: nine AWS minutes at 1/60 are 9 s, so the clock keeps its 2 s tick', () => {
    expect(clockPace(creating('eks-cluster', 9 * 60_000), { mode: 'sandbox', timeScale: 1 / 60 })).toBe(TICK_MS);
    expect(clockPace(creating('eks-cluster', 9 * 60_000), { mode: 'sandbox', timeScale: 1 })).toBe(SLOW_TICK_MS);
  });

  it('a resource made is no wait: the tick goes back to 2 s', () => {
    const world = creating('eks-cluster', 9 * 60_000);
    const made: World = { ...world, resources: { 'eks-cluster': { ...world.resources['eks-cluster']!, phase: 'ready' } } };
    expect(clockPace(made, { mode: 'real', timeScale: 1 })).toBe(TICK_MS);
  });
});
