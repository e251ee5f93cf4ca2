import { PRICES, clusterHour, gp3Hour, instancePrice, loadBalancerHour, rowFor } from './prices.js';

/**
 * What is known about each kind of resource without asking AWS: which step owns
 * it, where it goes in a teardown, and how long its slow changes take. Plain
 * data, so the screens, the waits and the sandbox's time-lapse can read it
 * without loading the AWS SDK. How a kind is found, priced and destroyed lives
 * in its own file beside this one (`registry.ts` lists them).
 */

/**
 * Every kind the registry knows, the ones the ledger records among them. Some
 * are made by Kubernetes or EKS, not the tutor (load balancers, security groups,
 * network interfaces, Services, Ingresses); `kubernetes-nodes` is the Ready
 * count kubectl reports, not an AWS resource.
 */
export type Kind =
  | 'iam-role'
  | 'policy-attachment'
  | 'vpc'
  | 'subnet'
  | 'internet-gateway'
  | 'route-table'
  | 'elastic-ip'
  | 'nat-gateway'
  | 'eks-cluster'
  | 'eks-nodegroup'
  | 'kubeconfig'
  | 'load-balancer'
  | 'security-group'
  | 'network-interface'
  | 'kubernetes-service'
  | 'kubernetes-ingress'
  | 'kubernetes-nodes';

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

/** EKS's default disk for a managed node group, when DescribeNodegroup does not say. */
const DEFAULT_DISK_GB = 20;

export interface KindFacts {
  /** Ledger keys of this kind: a key equal to one of these or starting with it and `/`. */
  keys: readonly { prefix: string; step?: 1 | 2 | 3 | 4 | 5 }[];
  /** Lower goes first in a teardown. */
  deleteRank: number;
  /** Created first and usable later: the waits the learner watches. */
  lifecycle?: Lifecycle;
  /** An inventory lists it: a screen may take it as gone when an inventory does not. */
  inventoried: boolean;
  /** Who makes it when the tutor does not: Kubernetes (a Service) or EKS itself. */
  madeBy?: 'kubernetes' | 'eks';
  /**
   * The step that owns what the tutor does not make: the cluster's (3) for what
   * Kubernetes and EKS make for the cluster. Its keys name no step: a screen
   * does not count it among a step's resources.
   */
  ownedBy?: 3;
  /** USD per hour while it exists (list prices, an estimate); absent: free. */
  hourly?: (resource: PriceInput, config: PriceConfig) => number;
}

const MINUTE = 60_000;

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

export const KINDS: Record<Kind, KindFacts> = {
  // What a Service of type LoadBalancer or an Ingress made is deleted through Kubernetes first, while the cluster exists.
  'kubernetes-service': { keys: [{ prefix: 'svc' }], deleteRank: 5, inventoried: true, madeBy: 'kubernetes', ownedBy: 3 },
  'kubernetes-ingress': { keys: [{ prefix: 'ing' }], deleteRank: 6, inventoried: true, madeBy: 'kubernetes', ownedBy: 3 },
  'eks-nodegroup': {
    keys: [{ prefix: KEYS.nodegroup, step: 5 }],
    deleteRank: 10,
    inventoried: true,
    lifecycle: { pollMs: 30_000, createMs: 4 * MINUTE, deleteMs: 4 * MINUTE },
    hourly: nodegroupHourly,
  },
  'kubernetes-nodes': {
    keys: [{ prefix: KEYS.nodes, step: 5 }],
    deleteRank: 11,
    inventoried: false,
    lifecycle: { pollMs: 10_000, createMs: MINUTE, deleteMs: 0 },
  },
  'eks-cluster': {
    keys: [{ prefix: KEYS.cluster, step: 3 }],
    deleteRank: 20,
    inventoried: true,
    lifecycle: { pollMs: 30_000, createMs: 9 * MINUTE, deleteMs: 3 * MINUTE },
    hourly: (r) => clusterHour(r.details?.versionStatus),
  },
  // A load balancer made for a Service: DescribeLoadBalancers waiters poll every 15 s.
  'load-balancer': {
    keys: [{ prefix: 'lb' }],
    deleteRank: 25,
    inventoried: true,
    madeBy: 'kubernetes',
    ownedBy: 3,
    lifecycle: { pollMs: 15_000, createMs: 3 * MINUTE, deleteMs: MINUTE },
    hourly: (r, c) =>
      loadBalancerHour(c.region, {
        type: r.details?.type ?? '',
        zones: Number(r.details?.zones ?? 1) || 1,
        internetFacing: r.details?.scheme !== 'internal',
      }),
  },
  'nat-gateway': {
    keys: [{ prefix: 'nat', step: 2 }],
    deleteRank: 30,
    inventoried: true,
    lifecycle: { pollMs: 15_000, createMs: 90_000, deleteMs: MINUTE },
    hourly: (_r, c) => rowFor(c.region).natGatewayHour,
  },
  'elastic-ip': { keys: [{ prefix: 'eip', step: 2 }], deleteRank: 40, inventoried: true, hourly: () => PRICES.publicIpv4Hour },
  // Left by a load balancer or by EKS for minutes after the cluster: they hold subnets and security groups.
  'network-interface': {
    keys: [{ prefix: 'eni' }],
    deleteRank: 45,
    inventoried: true,
    madeBy: 'eks',
    ownedBy: 3,
    lifecycle: { pollMs: 10_000, createMs: 0, deleteMs: 2 * MINUTE },
    hourly: (r) => (r.details?.publicIp ? PRICES.publicIpv4Hour : 0),
  },
  'security-group': { keys: [{ prefix: 'sg' }], deleteRank: 47, inventoried: true, madeBy: 'kubernetes', ownedBy: 3 },
  'internet-gateway': { keys: [{ prefix: 'igw', step: 2 }], deleteRank: 50, inventoried: true },
  subnet: { keys: [{ prefix: 'subnet', step: 2 }], deleteRank: 60, inventoried: true },
  'route-table': { keys: [{ prefix: 'rtb', step: 2 }], deleteRank: 70, inventoried: true },
  vpc: { keys: [{ prefix: 'vpc', step: 2 }], deleteRank: 80, inventoried: true },
  'iam-role': {
    keys: [
      { prefix: KEYS.clusterRole, step: 1 },
      { prefix: KEYS.nodeRole, step: 5 },
    ],
    deleteRank: 90,
    inventoried: true,
  },
  'policy-attachment': { keys: [], deleteRank: 91, inventoried: false },
  kubeconfig: { keys: [{ prefix: KEYS.kubeconfig, step: 4 }], deleteRank: 100, inventoried: true },
};

/** Nodes: instance, gp3 disk, and (in public subnets) a public IPv4 address each; an instance type the table does not know counts 0. */
function nodegroupHourly(resource: PriceInput, config: PriceConfig): number {
  const desired = Number(resource.details?.desired ?? config.nodes) || config.nodes;
  const type = resource.details?.instanceType || config.instanceType;
  const disk = Number(resource.details?.diskSize ?? DEFAULT_DISK_GB) || DEFAULT_DISK_GB;
  const publicIp = config.nat === 'none' ? PRICES.publicIpv4Hour : 0;
  return desired * ((instancePrice(config.region, type) ?? 0) + gp3Hour(config.region, disk) + publicIp);
}

/** How long DependencyViolation is retried: AWS can take about 15 minutes to release what a cluster or a load balancer held. */
export const DEPENDENCY_PATIENCE_MS = 15 * MINUTE;

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
