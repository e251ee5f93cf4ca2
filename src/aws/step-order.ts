import type { StepNumber } from './types.js';

/** The steps in the order they build the cluster; the engine's steps are keyed by these numbers. */
export const STEP_ORDER: readonly StepNumber[] = [1, 2, 3, 4, 5];

/** The last step: its check (the Ready nodes) is what the course builds up to. */
export const LAST_STEP: StepNumber = STEP_ORDER[STEP_ORDER.length - 1]!;
