import type { Cluster } from '@aws-sdk/client-eks';
import { CLUSTER_TAG, KEY_TAG } from '../tags.js';
import type { StepContext } from '../types.js';
import type { Kind } from './facts.js';

/** A resource as teardown and status see it: found by tag, by ledger, or both. */
export interface Found {
  key: string;
  kind: Kind;
  id: string;
  /** Its ledger entry (any state) exists. */
  inLedger: boolean;
  /**
   * Its tag says it belongs to this cluster name. For what Kubernetes or EKS
   * made (load balancers, security groups, network interfaces): tagged for this
   * cluster, which the tutor built, or inside the tutor's own VPC.
   */
  tagged: boolean;
  /** Current state where AWS reports one (NAT gateway state, cluster status). */
  state?: string;
  details?: Record<string, string>;
}

export type Tags = { Key?: string; Value?: string }[] | undefined;

/** The tag the Kubernetes cloud provider (and EKS) put on what they make for a cluster. */
export const kubernetesClusterTag = (clusterName: string) => `kubernetes.io/cluster/${clusterName}`;

/** What one inventory shares between the kinds: each lookup is made once (scan.ts makes one). */
export interface Scan {
  ctx: StepContext;
  /** DescribeCluster, once. */
  cluster(): Promise<Cluster | undefined>;
  /** The VPCs tagged for this cluster name, with their tags. */
  vpcs(): Promise<{ id: string; tags: Tags; cidr: string }[]>;
  /** The VPCs that are provably the tutor's: tagged, and recorded (or, with no ledger at all, by tag alone). */
  tutorVpcIds(): Promise<string[]>;
  /** This cluster name is the tutor's: recorded in the ledger, or the cluster carries the tutor's tag. */
  clusterIsOurs(): Promise<boolean>;
}

/**
 * A resource the tutor tags: what the tags say is ours, joined with what the
 * ledger recorded. An endpoint may ignore a tag filter: only what is tagged for
 * us, or recorded by us, counts.
 */
export function tutorFound(
  ctx: StepContext,
  kind: Kind,
  id: string | undefined,
  tags: Tags,
  fallbackKey: string,
  state?: string,
  details?: Record<string, string>,
): Found | undefined {
  if (!id) return undefined;
  const name = ctx.config.clusterName;
  const tagged = (tags ?? []).some((t) => t.Key === CLUSTER_TAG && t.Value === name);
  const recorded = ctx.ledger.entries.some((e) => e.id === id);
  if (!tagged && !recorded) return undefined;
  const key = tags?.find((t) => t.Key === KEY_TAG)?.Value ?? ctx.ledger.entries.find((e) => e.id === id)?.key ?? fallbackKey;
  return {
    key,
    kind,
    id,
    inLedger: Boolean(ctx.ledger.get(key)) || recorded,
    tagged,
    ...(state ? { state } : {}),
    ...(details ? { details } : {}),
  };
}

/** True when AWS answered that the thing is not there (any service's way of saying it). */
export function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string; Code?: string }).name ?? (error as { Code?: string }).Code ?? '';
  return /NotFound|NoSuchEntity|LoadBalancerNotFound/.test(name);
}
