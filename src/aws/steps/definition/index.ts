import { CLUSTER_ROLE_STEP } from './cluster-role.js';
import { CLUSTER_STEP } from './cluster.js';
import { KUBECONFIG_STEP } from './kubeconfig.js';
import { NODEGROUP_STEP } from './nodegroup.js';
import type { StepDefinition } from './types.js';
import { VPC_STEP } from './vpc.js';

export type { StepDefinition } from './types.js';
export { CLUSTER_STEP };

/**
 * The steps' definitions in the order they build the cluster (STEP_ORDER in
 * step-order.ts is their numbers). The registry of kinds is what they list.
 */
export const STEP_DEFINITIONS = [CLUSTER_ROLE_STEP, VPC_STEP, CLUSTER_STEP, KUBECONFIG_STEP, NODEGROUP_STEP] as const;

/** Every kind a step makes or answers for: the `Kind` union, read from the definitions by TypeScript. */
export type DeclaredKind = (typeof STEP_DEFINITIONS)[number]['kinds' | 'leftBehind'][number]['kind'];

/** The same list, as the registry reads it (and TypeScript checks that each definition has that shape). */
export const STEPS_DEFINED: readonly StepDefinition[] = STEP_DEFINITIONS;
