import type { Engine } from '../aws/engine.js';
import type { Check, EngineEvent, StepNumber } from '../aws/types.js';

/** How long a failed run waits for the checks of steps already done before it reports. */
const DRAIN_MS = 20_000;

/**
 * The checks of each step as `up` prints them, kept in order with a failure:
 * when a later step fails, the checks of steps already in place that are still
 * being read back are waited for (briefly) and printed first; after that
 * nothing more is printed, so the failure is the last thing on screen.
 */
export class StepChecks {
  private readonly applied = new Set<StepNumber>();
  private readonly reported = new Set<StepNumber>();
  private muted = false;
  private wake: (() => void) | undefined;

  constructor(private readonly print: (step: StepNumber, checks: Check[]) => void) {}

  readonly listener = (event: EngineEvent): void => {
    if (event.type === 'step-end' && event.action === 'apply') this.applied.add(event.step);
  };

  readonly onChecks = (step: StepNumber, checks: Check[]): void => {
    this.reported.add(step);
    if (!this.muted) this.print(step, checks);
    this.wake?.();
  };

  /**
   * Waits for the checks of applied steps whose slow part has already settled
   * (their read-back is under way), at most DRAIN_MS; then prints nothing more.
   */
  async drain(engine: Engine): Promise<void> {
    const deadline = Date.now() + DRAIN_MS;
    const settled = async (step: StepNumber) => {
      // Already applied, so this is the step's own settle promise: no new call is made.
      const tick = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 0));
      return (
        (await Promise.race([
          engine.settle(step).then(
            () => 'ok' as const,
            () => 'failed' as const,
          ),
          tick,
        ])) === 'ok'
      );
    };
    for (;;) {
      const waiting: StepNumber[] = [];
      for (const step of this.applied) if (!this.reported.has(step) && (await settled(step))) waiting.push(step);
      const left = deadline - Date.now();
      if (waiting.length === 0 || left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.muted = true;
  }
}
