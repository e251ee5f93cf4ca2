import { TutorError } from '../errors.js';
import { text } from '../text.js';
import type { StepContext } from './types.js';

/** Delays between polls, as AWS's own waiters use them (ms of simulated time). */
export const POLL_DELAY = {
  cluster: 30_000,
  nodegroup: 30_000,
  natGateway: 15_000,
} as const;

/** How long the real thing usually takes, for "elapsed against expected". */
export const EXPECTED = {
  clusterCreate: 9 * 60_000,
  clusterDelete: 3 * 60_000,
  nodegroupCreate: 4 * 60_000,
  nodegroupDelete: 4 * 60_000,
  natCreate: 90_000,
  natDelete: 60_000,
} as const;

export interface WaitSpec<T> {
  key: string;
  kind: string;
  id: string;
  /** Reads the current state; `undefined` when the resource is gone. */
  read: () => Promise<T | undefined>;
  status: (value: T | undefined) => string;
  done: (value: T | undefined) => boolean;
  /** A state that will never become `done`. */
  failed?: (value: T | undefined) => boolean;
  delayMs: number;
  expectedMs: number;
  /** Give up after this long (simulated time). */
  timeoutMs: number;
}

/**
 * Polls until `done`, reporting every change of status with the elapsed time.
 * Follows the waiters' delays: never a tighter loop.
 */
export async function waitFor<T>(ctx: StepContext, spec: WaitSpec<T>): Promise<T | undefined> {
  const started = ctx.clock.now();
  let last: string | undefined;
  for (;;) {
    const value = await spec.read();
    const status = spec.status(value);
    const elapsedMs = ctx.clock.now() - started;
    if (status !== last) {
      ctx.emit({ type: 'status', key: spec.key, kind: spec.kind, id: spec.id, status, elapsedMs, expectedMs: spec.expectedMs });
      last = status;
    }
    if (spec.done(value)) return value;
    if (spec.failed?.(value)) {
      throw new TutorError(
        'AWS',
        text(`${spec.id} ended in status ${status} instead of finishing.`, `${spec.id} は完了せず、ステータス ${status} になりました。`),
      );
    }
    if (elapsedMs > spec.timeoutMs) {
      throw new TutorError(
        'TIMEOUT',
        text(
          `${spec.id} is still ${status} after ${Math.round(elapsedMs / 60_000)} minutes. Run the same command again later to continue waiting.`,
          `${spec.id} は ${Math.round(elapsedMs / 60_000)} 分たっても ${status} のままです。しばらくしてから同じコマンドを再実行すると、続きから待ちます。`,
        ),
      );
    }
    await ctx.clock.sleep(spec.delayMs, ctx.signal);
  }
}

/** Real time. */
export const realClock = {
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) => sleepFor(ms, signal),
};

/** The sandbox's time-lapse: simulated time runs `1 / scale` times faster. */
export function scaledClock(scale: number) {
  const origin = Date.now();
  return {
    now: () => (scale > 0 ? origin + (Date.now() - origin) / scale : Date.now()),
    sleep: (ms: number, signal?: AbortSignal) => sleepFor(ms * scale, signal),
  };
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(interrupted());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(interrupted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function interrupted(): TutorError {
  return new TutorError('INTERRUPTED', text('Interrupted.', '中断しました。'));
}
