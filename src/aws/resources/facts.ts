/**
 * The plain facts of a kind of resource, declared in each kind's file beside
 * this one (the step that makes it or answers for it lists it in its
 * definition, steps/definition/): where it goes in a teardown, how long its slow
 * changes take, what it costs. Nothing here (nor in a kind's file, when it is
 * loaded) loads the AWS SDK, so the screens, the waits and the sandbox's
 * time-lapse can read them.
 */
import type { DeclaredKind } from '../steps/definition/index.js';

/**
 * Every kind the registry knows, the ones the ledger records among them: the
 * kinds the steps' definitions (steps/definition/) list, each declared in its
 * own file beside this one. Some are made by Kubernetes or EKS, not the tutor
 * (load balancers, security groups, network interfaces, Services, Ingresses);
 * `kubernetes-nodes` is the Ready count kubectl reports, not an AWS resource.
 */
export type Kind = DeclaredKind;

/** How long a kind's slow changes take on real AWS, and how often AWS's own waiters poll it. */
export interface Lifecycle {
  pollMs: number;
  createMs: number;
  deleteMs: number;
}

/** What a price depends on: the resource's own details, else the build's settings. */
export interface PriceInput {
  details?: Record<string, string> | undefined;
}
export interface PriceConfig {
  region: string;
  instanceType: string;
  nodes: number;
  nat: string;
}

export interface KindFacts {
  /**
   * Ledger keys of this kind: a key equal to one of these or starting with it
   * and `/`, with the step that makes it. What a step only answers for (what
   * Kubernetes and EKS leave behind) names no step: a screen does not count it
   * among a step's resources.
   */
  keys: readonly { prefix: string; step?: 1 | 2 | 3 | 4 | 5 }[];
  /** Lower goes first in a teardown. */
  deleteRank: number;
  /** Created first and usable later: the waits the learner watches. */
  lifecycle?: Lifecycle;
  /** An inventory lists it: a screen may take it as gone when an inventory does not. */
  inventoried: boolean;
  /** Who makes it when the tutor does not: Kubernetes (a Service) or EKS itself. */
  madeBy?: 'kubernetes' | 'eks';
  /** USD per hour while it exists (list prices, an estimate); absent: free. */
  hourly?: (resource: PriceInput, config: PriceConfig) => number;
}

export const MINUTE = 60_000;

/**
 * The ledger keys of the one-of-a-kind resources (step 2's keys are in
 * steps/vpc-requests.ts). The steps' own constants (CLUSTER_KEY, …) are the same strings.
 */
export const KEYS = {
  clusterRole: 'role/cluster',
  nodeRole: 'role/node',
  cluster: 'cluster',
  nodegroup: 'nodegroup',
  nodes: 'nodes',
  kubeconfig: 'kubeconfig',
} as const;

/** How long DependencyViolation is retried: AWS can take about 15 minutes to release what a cluster or a load balancer held. */
export const DEPENDENCY_PATIENCE_MS = 15 * MINUTE;
