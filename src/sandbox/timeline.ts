import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { KINDS } from '../aws/resources/kinds.js';
import type {
  AccessEntryMemo,
  AddonMemo,
  ClusterMemo,
  FreshResource,
  IssuedCredentialMemo,
  Lived,
  NatGatewayMemo,
  NodegroupMemo,
  TokenMemo,
  UpdateMemo,
} from './memos.js';
export type {
  AccessEntryMemo,
  AccessPolicyMemo,
  AddonMemo,
  ClusterMemo,
  ClusterRequestMemo,
  FreshResource,
  IssuedCredentialMemo,
  Lived,
  NatGatewayMemo,
  NodegroupMemo,
  NodegroupRequestMemo,
  TokenMemo,
  UpdateMemo,
} from './memos.js';

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
  addonCreate: 60_000,
  addonDelete: 30_000,
  clusterUpdate: 8 * 60_000,
  nodegroupUpdate: 8 * 60_000,
} as const;

export type DurationName = keyof typeof REAL_DURATIONS_MS;

/** Where a resource is in its life, as far as the learner can tell. */
export type Lifecycle = 'creating' | 'active' | 'deleting' | 'gone';

export class Timeline {
  readonly timeScale: number;
  readonly now: () => number;

  constructor(timeScale: number, now: () => number = Date.now) {
    if (!Number.isFinite(timeScale) || timeScale < 0) {
      throw new TutorError(
        'BAD_INPUT',
        text(
          `The time scale must be a number of 0 or more, not ${timeScale}.`,
          `時間の倍率は 0 以上の数にしてください(指定値: ${timeScale})。`,
        ),
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

const key = (...parts: string[]): string => parts.join('\u0000');

/** Everything the sandbox remembers, keyed by region and name. */
export class Memory {
  private readonly clusters = new Map<string, ClusterMemo>();
  private readonly nodegroups = new Map<string, NodegroupMemo>();
  private readonly natGateways = new Map<string, NatGatewayMemo>();
  private readonly roleChanges = new Map<string, { trust?: number; policies?: number }>();
  private readonly fresh = new Map<string, FreshResource>();
  private readonly tokens = new Map<string, TokenMemo>();
  private readonly addons = new Map<string, AddonMemo>();
  private readonly accessEntries = new Map<string, AccessEntryMemo>();
  private readonly updates = new Map<string, UpdateMemo>();
  private readonly issued = new Map<string, IssuedCredentialMemo>();

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

  // Accessors for the Kubernetes API side (and anyone else reading what EKS holds that moto does not):
  // addonsOf(region, cluster) lists the cluster's API-made add-ons (name, version, createdAt/deletedAt: use
  // Timeline.lifecycle(memo, 'addonCreate', 'addonDelete') for CREATING/ACTIVE/DELETING); accessEntriesOf(region,
  // cluster) lists its access entries, each with its associated access policies and scopes; updatesOf(region,
  // cluster) lists its version updates. The cluster's bootstrapSelfManagedAddons is on its ClusterMemo's request.

  addon(region: string, clusterName: string, addonName: string): AddonMemo | undefined {
    return this.addons.get(key(region, clusterName, addonName));
  }

  setAddon(memo: AddonMemo): void {
    this.addons.set(key(memo.region, memo.clusterName, memo.addonName), memo);
  }

  removeAddon(memo: AddonMemo): void {
    this.addons.delete(key(memo.region, memo.clusterName, memo.addonName));
  }

  addonsOf(region: string, clusterName: string): AddonMemo[] {
    return [...this.addons.values()].filter((a) => a.region === region && a.clusterName === clusterName);
  }

  accessEntry(region: string, clusterName: string, principalArn: string): AccessEntryMemo | undefined {
    return this.accessEntries.get(key(region, clusterName, principalArn));
  }

  setAccessEntry(memo: AccessEntryMemo): void {
    this.accessEntries.set(key(memo.region, memo.clusterName, memo.principalArn), memo);
  }

  removeAccessEntry(memo: AccessEntryMemo): void {
    this.accessEntries.delete(key(memo.region, memo.clusterName, memo.principalArn));
  }

  accessEntriesOf(region: string, clusterName: string): AccessEntryMemo[] {
    return [...this.accessEntries.values()].filter((e) => e.region === region && e.clusterName === clusterName);
  }

  setUpdate(memo: UpdateMemo): void {
    this.updates.set(key(memo.region, memo.clusterName, memo.id), memo);
  }

  updatesOf(region: string, clusterName: string): UpdateMemo[] {
    return [...this.updates.values()].filter((u) => u.region === region && u.clusterName === clusterName);
  }

  allUpdates(): UpdateMemo[] {
    return [...this.updates.values()];
  }

  /** Remembers credentials the sandbox handed out, by access key id. */
  issue(memo: IssuedCredentialMemo): void {
    this.issued.set(memo.accessKeyId, memo);
  }

  issuedCredential(accessKeyId: string): IssuedCredentialMemo | undefined {
    return this.issued.get(accessKeyId);
  }

  /** Forgets what belonged to a cluster that is gone (its add-ons, access entries and updates). */
  forgetClusterExtras(region: string, clusterName: string): void {
    for (const map of [this.addons, this.accessEntries, this.updates] as Map<string, { region: string; clusterName: string }>[]) {
      for (const [k, v] of map) if (v.region === region && v.clusterName === clusterName) map.delete(k);
    }
  }
}
