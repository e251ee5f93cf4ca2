import type { KindDeclaration } from '../../resources/types.js';
import type { Step, StepId, StepNumber } from '../../types.js';

/**
 * A step as the registry and the screens know it, without the AWS SDK: its
 * number, the kinds of resource it makes, and the kinds that Kubernetes or EKS
 * make for what it built and that it answers for in a teardown. Its body (plan,
 * apply, verify), which loads the SDK, is loaded when first asked for.
 */
export interface StepDefinition {
  readonly number: StepNumber;
  readonly id: StepId;
  /** The kinds this step makes or records (their ledger keys name this step). */
  readonly kinds: readonly KindDeclaration<string>[];
  /** What Kubernetes or EKS make for this step's resources and AWS may keep after them: found and deleted with them. */
  readonly leftBehind: readonly KindDeclaration<string>[];
  /** The step's body. */
  load(): Promise<Step>;
}
