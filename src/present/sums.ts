/** The hourly price of steps not yet run, summed once for both front ends. */
import { STEP_ORDER } from '../aws/step-order.js';
import type { StepNumber, StepPlan } from '../aws/types.js';

/** USD per hour that these steps add once applied (list prices, an estimate): the sum of their plans. */
export function plannedHourly(plan: (step: StepNumber) => Pick<StepPlan, 'hourlyCost'>, steps: Iterable<StepNumber>): number {
  let sum = 0;
  for (const step of steps) sum += plan(step).hourlyCost;
  return sum;
}

/** Steps 1 to `through`, in order. */
export function stepsThrough(through: number): StepNumber[] {
  return STEP_ORDER.filter((n) => n <= through);
}
