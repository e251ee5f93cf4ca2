import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { KINDS } from '../aws/resources/kinds.js';

/**
 * How long things take on AWS, and what the sandbox remembers about what it saw
 * being created and deleted, so moto's instant changes can be replayed at the
 * pace a learner would see on AWS (scaled by `timeScale`).
 */

/** Typical real durations, in milliseconds: the registry's (src/aws/resources/kinds.ts). */
export const REAL_DURATIONS_MS = {
  clusterCreate: KINDS['eks-cluster'].lifecycle!.createMs,
  clusterDelete: KINDS['eks-cluster'].lifecycle!.deleteMs,
  nodegroupCreate: KINDS['eks-nodegroup'].lifecycle!.createMs,
  nodegroupDelete: KINDS['eks-nodegroup'].lifecycle!.deleteMs,
  natGatewayCreate: KINDS['nat-gateway'].lifecycle!.createMs,
  natGatewayDelete: KINDS['nat-gateway'].lifecycle!.deleteMs,
} as const;

export type DurationName = keyof typeof REAL_DURATIONS_MS;

/** Where a resource is in its life, as far as the learner can tell. */
export type Lifecycle = 'creating' | 'active' | 'deleting' | 'gone';

export interface Lived {
  /** When the sandbox saw the create call succeed; absent for things created before it started. */
  createdAt?: number | undefined;
  /** When the sandbox saw the delete call succeed. */
  deletedAt?: number | undefined;
}

export class Timeline {
  readonly timeScale: number;
  readonly now: () => number;

  constructor(timeScale: number, now: () => number = Date.now) {
    if (!Number.isFinite(timeScale) || timeScale < 0) {
      throw new TutorError(
        'BAD_INPUT',
        text(`The time scale must be a number of 0 or more, not ${timeScale}.`, `時間の倍率は 0 以上の数にしてください(指定値: ${timeScale})。`),
      );
    }
    this.timeScale = timeScale;
    this.now = now;
  }

  durationMs(name: DurationName): number {
    return REAL_DURATIONS_MS[name] * this.timeScale;
  }

  lifecycle(thing: Lived, create: DurationName, remove: DurationName): Lifecycle {
    const now = this.now();
    if (thing.deletedAt !== undefined) return now < thing.deletedAt + this.durationMs(remove) ? 'deleting' : 'gone';
    if (thing.createdAt !== undefined && now < thing.createdAt + this.durationMs(create)) return 'creating';
    return 'active';
  }

  /** When a thing became (or will become) active; undefined when it was never seen being created. */
  activeSince(thing: Lived, create: DurationName): number | undefined {
    return thing.createdAt === undefined ? undefined : thing.createdAt + this.durationMs(create);
  }
}

/** What CreateCluster asked for that moto forgets. */
export interface ClusterRequestMemo {
  version: string;
  accessConfig: { authenticationMode: string; bootstrapClusterCreatorAdminPermissions: boolean };
  upgradePolicy: { supportType: string };
  serviceIpv4Cidr?: string | undefined;
  /** Whether EKS put in vpc-cni, coredns and kube-proxy as self-managed add-ons (true unless asked otherwise). */
  bootstrapSelfManagedAddons?: boolean | undefined;
}

export interface ClusterMemo extends Lived {
  region: string;
  name: string;
  /** The access key the cluster was created with: moto keeps one account per key. */
  accessKeyId: string;
  request?: ClusterRequestMemo | undefined;
  vpcId?: string | undefined;
  securityGroupId?: string | undefined;
  securityGroupRemoved?: boolean | undefined;
  /** The subnets CreateCluster named. */
  subnetIds?: string[] | undefined;
  /** The ENIs EKS put in the cluster subnets once the control plane was up (lingering-enis). */
  networkInterfaceIds?: string[] | undefined;
  /** The cluster as last described, kept to answer while it is being deleted. */
  lastSeen?: Record<string, unknown> | undefined;
}

export interface NodegroupRequestMemo {
  version?: string | undefined;
  releaseVersion?: string | undefined;
  amiType?: string | undefined;
  remoteAccess: boolean;
}

export interface NodegroupMemo extends Lived {
  region: string;
  clusterName: string;
  name: string;
  request?: NodegroupRequestMemo | undefined;
  lastSeen?: Record<string, unknown> | undefined;
}

export interface NatGatewayMemo extends Lived {
  region: string;
  id: string;
  accessKeyId: string;
  /** EIP associations to undo once the NAT gateway is really deleted, as AWS does. */
  associationIds: string[];
  addressesReleased?: boolean | undefined;
}

/** A resource the sandbox saw being created, for eventual consistency: it is missed once, soon after. */
export interface FreshResource {
  id: string;
  createdAt: number;
  missed: boolean;
}

/** What a client token was first used for: the request's fingerprint and what it answered. */
export interface TokenMemo {
  fingerprint: string;
  /** EC2: the XML answered the first time. EKS: where to find the resource again. */
  answer: string;
}

const key = (...parts: string[]): string => parts.join('\u0000');

/** Everything the sandbox remembers, keyed by region and name. */
export class Memory {
  private readonly clusters = new Map<string, ClusterMemo>();
  private readonly nodegroups = new Map<string, NodegroupMemo>();
  private readonly natGateways = new Map<string, NatGatewayMemo>();
  private readonly roleChanges = new Map<string, { trust?: number; policies?: number }>();
  private readonly fresh = new Map<string, FreshResource>();
  private readonly tokens = new Map<string, TokenMemo>();

  cluster(region: string, name: string): ClusterMemo | undefined {
    return this.clusters.get(key(region, name));
  }

  setCluster(memo: ClusterMemo): void {
    this.clusters.set(key(memo.region, memo.name), memo);
  }

  allClusters(): ClusterMemo[] {
    return [...this.clusters.values()];
  }

  nodegroup(region: string, clusterName: string, name: string): NodegroupMemo | undefined {
    return this.nodegroups.get(key(region, clusterName, name));
  }

  setNodegroup(memo: NodegroupMemo): void {
    this.nodegroups.set(key(memo.region, memo.clusterName, memo.name), memo);
  }

  nodegroupsOf(region: string, clusterName: string): NodegroupMemo[] {
    return [...this.nodegroups.values()].filter((n) => n.region === region && n.clusterName === clusterName);
  }

  natGateway(region: string, id: string): NatGatewayMemo | undefined {
    return this.natGateways.get(key(region, id));
  }

  setNatGateway(memo: NatGatewayMemo): void {
    this.natGateways.set(key(memo.region, memo.id), memo);
  }

  allNatGateways(): NatGatewayMemo[] {
    return [...this.natGateways.values()];
  }

  /** When a role's trust policy (CreateRole, UpdateAssumeRolePolicy) or its policies last changed; IAM is global, so keyed by account key. */
  roleChanged(accessKeyId: string, roleName: string, what: 'trust' | 'policies', at: number): void {
    const k = key(accessKeyId, roleName);
    this.roleChanges.set(k, { ...this.roleChanges.get(k), [what]: at });
  }

  roleChange(accessKeyId: string, roleName: string): { trust?: number; policies?: number } {
    return this.roleChanges.get(key(accessKeyId, roleName)) ?? {};
  }

  sawEc2Created(region: string, id: string, at: number): void {
    this.fresh.set(key(region, id), { id, createdAt: at, missed: false });
  }

  freshEc2(region: string, id: string): FreshResource | undefined {
    return this.fresh.get(key(region, id));
  }

  token(scope: { accessKeyId: string; region: string }, operation: string, token: string): TokenMemo | undefined {
    return this.tokens.get(key(scope.accessKeyId, scope.region, operation, token));
  }

  setToken(scope: { accessKeyId: string; region: string }, operation: string, token: string, memo: TokenMemo): void {
    this.tokens.set(key(scope.accessKeyId, scope.region, operation, token), memo);
  }
}
