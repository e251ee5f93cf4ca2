import { TutorError } from '../errors.js';
import { text } from '../text.js';
import type { StepContext } from './types.js';
import { eksClusterResource } from './resources/eks-cluster.js';
import { eksNodegroupResource } from './resources/eks-nodegroup.js';
import { natGatewayResource } from './resources/nat-gateway.js';

// The timings are the kinds' own (src/aws/resources); these names are kept for the steps. They are read
// when asked for: the kinds' files use waitFor, so their facts may not be there yet while this file loads.
const LIVES = {
  'eks-cluster': () => eksClusterResource.lifecycle!,
  'eks-nodegroup': () => eksNodegroupResource.lifecycle!,
  'nat-gateway': () => natGatewayResource.lifecycle!,
};
const life = (kind: keyof typeof LIVES) => LIVES[kind]();

/** Delays between polls, as AWS's own waiters use them (ms of simulated time). */
export const POLL_DELAY = {
  get cluster() {
    return life('eks-cluster').pollMs;
  },
  get nodegroup() {
    return life('eks-nodegroup').pollMs;
  },
  get natGateway() {
    return life('nat-gateway').pollMs;
  },
};

/** How long the real thing usually takes, for "elapsed against expected". */
export const EXPECTED = {
  get clusterCreate() {
    return life('eks-cluster').createMs;
  },
  get clusterDelete() {
    return life('eks-cluster').deleteMs;
  },
  get nodegroupCreate() {
    return life('eks-nodegroup').createMs;
  },
  get nodegroupDelete() {
    return life('eks-nodegroup').deleteMs;
  },
  get natCreate() {
    return life('nat-gateway').createMs;
  },
  get natDelete() {
    return life('nat-gateway').deleteMs;
  },
};

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
  /**
   * Right after a create, a Describe may not list the new resource yet: for
   * this long `undefined` is asked again (status "not listed yet") instead of
   * being taken as missing.
   */
  notListedYetMs?: number;
  /** AWS's own reason for a failed state (health issues, FailureMessage), added to the error. */
  reason?: (value: T | undefined) => string | undefined;
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
    const elapsedMs = ctx.clock.now() - started;
    const unlisted = value === undefined && elapsedMs < (spec.notListedYetMs ?? 0);
    const status = unlisted ? 'not listed yet' : spec.status(value);
    if (status !== last) {
      ctx.emit({ type: 'status', key: spec.key, kind: spec.kind, id: spec.id, status, elapsedMs, expectedMs: spec.expectedMs });
      last = status;
    }
    if (spec.done(value)) return value;
    if (!unlisted && spec.failed?.(value)) {
      const reason = spec.reason?.(value);
      throw new TutorError(
        'AWS',
        text(
          `${spec.id} ended in status ${status} instead of finishing${reason ? `. AWS says: ${reason}` : '.'}`,
          `${spec.id} は完了せず、ステータス ${status} になりました${reason ? `。AWS の説明: ${reason}` : '。'}`,
        ),
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
