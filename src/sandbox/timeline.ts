import { TutorError } from '../errors.js';
import { text } from '../text.js';

/**
 * How long things take on AWS, and what the sandbox remembers about what it saw
 * being created and deleted, so moto's instant changes can be replayed at the
 * pace a learner would see on AWS (scaled by `timeScale`).
 */

/** Typical real durations, in milliseconds. */
export const REAL_DURATIONS_MS = {
  clusterCreate: 9 * 60_000,
  clusterDelete: 3 * 60_000,
  nodegroupCreate: 4 * 60_000,
  nodegroupDelete: 4 * 60_000,
  natGatewayCreate: 90_000,
  natGatewayDelete: 60_000,
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

const key = (...parts: string[]): string => parts.join('\u0000');

/** Everything the sandbox remembers, keyed by region and name. */
export class Memory {
  private readonly clusters = new Map<string, ClusterMemo>();
  private readonly nodegroups = new Map<string, NodegroupMemo>();
  private readonly natGateways = new Map<string, NatGatewayMemo>();

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
}
