import type { ReactNode } from 'react';
import { useTutorSession, useWorldState } from '../contexts/tutor.js';
import { ClockPaceContext, SLOW_TICK_MS, TICK_MS } from '../hooks/useNow.js';
import type { World } from '../state/world.js';

/** A wait at least this long in real time is read in minutes: its clocks take the slow tick. */
export const LONG_WAIT_MS = 2 * 60_000;

/**
 * The clocks' tick: the slow one while a resource being made or deleted is expected to take minutes of
 * the learner's time (AWS's duration, or the sandbox's time-lapse of it), the usual one otherwise.
 */
export function clockPace(world: World, config: { mode: string; timeScale: number }): number {
  const scale = config.mode === 'sandbox' ? config.timeScale : 1;
  const long = Object.values(world.resources).some(
    (view) => (view.phase === 'creating' || view.phase === 'deleting') && (view.expectedMs ?? 0) * scale >= LONG_WAIT_MS,
  );
  return long ? SLOW_TICK_MS : TICK_MS;
}

/** Gives the screens below it the clocks' tick; the screens are drawn again only when the tick changes. */
export function ClockPace({ children }: { children: ReactNode }) {
  const world = useWorldState();
  const { config } = useTutorSession();
  return <ClockPaceContext.Provider value={clockPace(world, config)}>{children}</ClockPaceContext.Provider>;
}
