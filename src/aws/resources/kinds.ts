import { eksClusterResource } from './eks-cluster.js';
import { eksNodegroupResource } from './eks-nodegroup.js';
import { elasticIpResource } from './elastic-ip.js';
import type { Kind, KindFacts, Lifecycle } from './facts.js';
import { iamRoleResource } from './iam-role.js';
import { internetGatewayResource } from './internet-gateway.js';
import { kubeconfigResource } from './kubeconfig.js';
import { kubernetesIngressResource, kubernetesServiceResource } from './kubernetes.js';
import { kubernetesNodesKind } from './kubernetes-nodes.js';
import { loadBalancerResource } from './load-balancer.js';
import { natGatewayResource } from './nat-gateway.js';
import { networkInterfaceResource } from './network-interface.js';
import { policyAttachmentKind } from './policy-attachment.js';
import { routeTableResource } from './route-table.js';
import { securityGroupResource } from './security-group.js';
import { subnetResource } from './subnet.js';
import type { KindDeclaration } from './types.js';
import { vpcResource } from './vpc.js';

export { DEPENDENCY_PATIENCE_MS, KEYS, type Kind, type KindFacts, type Lifecycle, type PriceConfig, type PriceInput } from './facts.js';

/**
 * Every kind of resource, each declared in its own file beside this one (facts,
 * find, ensure, destroy), in the order an inventory lists them. Loading them
 * does not load the AWS SDK: the screens, the waits and the sandbox's
 * time-lapse read their facts.
 */
export const DECLARED: readonly KindDeclaration[] = [
  kubernetesServiceResource,
  kubernetesIngressResource,
  loadBalancerResource,
  natGatewayResource,
  elasticIpResource,
  networkInterfaceResource,
  securityGroupResource,
  internetGatewayResource,
  subnetResource,
  routeTableResource,
  vpcResource,
  eksNodegroupResource,
  kubernetesNodesKind,
  eksClusterResource,
  iamRoleResource,
  policyAttachmentKind,
  kubeconfigResource,
];

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
 * after it (load balancers, network interfaces, security groups): deleted after
 * the cluster, and looked for again once it is gone.
 */
export const LEFT_BY_THE_CLUSTER: readonly Kind[] = (Object.keys(KINDS) as Kind[])
  .filter((k) => KINDS[k].ownedBy === 3 && KINDS[k].madeBy && KINDS[k].deleteRank > KINDS['eks-cluster'].deleteRank)
  .sort((a, b) => KINDS[a].deleteRank - KINDS[b].deleteRank);
/** Kinds an inventory reports. */
export const INVENTORIED_KINDS: ReadonlySet<string> = new Set(
  Object.entries(KINDS)
    .filter(([, f]) => f.inventoried)
    .map(([k]) => k),
);
