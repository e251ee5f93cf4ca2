import { useUi } from '../contexts/ui.js';
import { useClockPace, useNow } from '../hooks/useNow.js';
import { clock } from '../format.js';
import { T } from './T.js';
import type { Tone } from '../theme.js';

/** A spinner that turns a step with each tick of the clock: waits never look frozen, and little is redrawn. */
export function Spinner({ tone = 'warn' }: { tone?: Tone }) {
  const { theme } = useUi();
  // Plain mode: nothing redraws on its own (a screen reader would read it out every second).
  const pace = useClockPace();
  const now = useNow(!theme.plain);
  const frames = theme.symbols.spinner;
  return <T tone={tone}>{frames[Math.floor(now / pace) % frames.length] ?? ''}</T>;
}

/**
 * Elapsed time of a wait against what it usually takes: from `since` (wall
 * clock), or from the last reported elapsed time run on by the clock.
 */
export function Elapsed({
  since,
  elapsedMs,
  at,
  expectedMs,
  rate = 1,
  running = true,
}: {
  since?: number;
  elapsedMs?: number;
  at?: number;
  expectedMs?: number;
  rate?: number;
  running?: boolean;
}) {
  const { theme } = useUi();
  const now = useNow(running && !theme.plain);
  const elapsed =
    elapsedMs !== undefined && at !== undefined ? elapsedMs + Math.max(0, now - at) * rate : since !== undefined ? (now - since) * rate : 0;
  return (
    <T tone="muted">
      {clock(elapsed)}
      {expectedMs ? ` / ~${clock(expectedMs)}` : ''}
    </T>
  );
}
