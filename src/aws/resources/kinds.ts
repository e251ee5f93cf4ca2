import { CLUSTER_STEP, STEPS_DEFINED } from '../steps/definition/index.js';
import type { Kind, KindFacts, Lifecycle } from './facts.js';
import type { KindDeclaration } from './types.js';

export { DEPENDENCY_PATIENCE_MS, KEYS, type Kind, type KindFacts, type Lifecycle, type PriceConfig, type PriceInput } from './facts.js';

/**
 * Every kind of resource: what the steps' definitions list (steps/definition/),
 * each kind declared in its own file beside this one (facts, find, ensure,
 * destroy), once, in the order a teardown deletes them, which is the order an
 * inventory lists them. Loading them does not load the AWS SDK: the screens,
 * the waits and the sandbox's time-lapse read their facts.
 */
export const DECLARED: readonly KindDeclaration[] = [
  ...new Set(STEPS_DEFINED.flatMap((step) => [...step.kinds, ...step.leftBehind]) as KindDeclaration[]),
].sort((a, b) => a.deleteRank - b.deleteRank);

/** Each kind's facts by its name. */
export const KINDS = Object.fromEntries(DECLARED.map((d) => [d.kind, d])) as unknown as Record<Kind, KindFacts>;

export function isKind(kind: string): kind is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, kind);
}

/** Which step a ledger key (or an event's key) belongs to; undefined for what no step makes. */
export function stepOf(key: string): 1 | 2 | 3 | 4 | 5 | undefined {
  for (const facts of Object.values(KINDS)) {
    for (const k of facts.keys) if (key === k.prefix || key.startsWith(`${k.prefix}/`)) return k.step;
  }
  return undefined;
}

/** The kind's slow-change timings, if it has any. */
export function lifecycle(kind: string): Lifecycle | undefined {
  return isKind(kind) ? KINDS[kind].lifecycle : undefined;
}

/** Lower goes first; unknown kinds last. */
export function deleteRank(kind: string): number {
  return isKind(kind) ? KINDS[kind].deleteRank : Number.MAX_SAFE_INTEGER;
}

/** Kinds whose creates the learner waits for. */
export const SLOW_KINDS: ReadonlySet<string> = new Set(
  Object.entries(KINDS)
    .filter(([, f]) => f.lifecycle && f.lifecycle.createMs > 0)
    .map(([k]) => k),
);

/**
 * What Kubernetes or EKS made for the cluster in the tutor's VPC and AWS keeps
 * after it (load balancers, network interfaces, security groups): what the
 * cluster's step answers for that is deleted after the cluster, and looked for
 * again once it is gone.
 */
export const LEFT_BY_THE_CLUSTER: readonly Kind[] = [...(CLUSTER_STEP.leftBehind as readonly KindDeclaration[])]
  .filter((d) => d.madeBy && d.deleteRank > KINDS['eks-cluster'].deleteRank)
  .sort((a, b) => a.deleteRank - b.deleteRank)
  .map((d) => d.kind);

/** Kinds an inventory reports. */
export const INVENTORIED_KINDS: ReadonlySet<string> = new Set(
  Object.entries(KINDS)
    .filter(([, f]) => f.inventoried)
    .map(([k]) => k),
);
