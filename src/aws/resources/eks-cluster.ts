import { DeleteClusterCommand, DescribeClusterCommand, type Cluster } from '@aws-sdk/client-eks';
import { secondClusterName } from '../day-two/second-cluster-names.js';
import { describeCluster } from '../steps/cluster.js';
import { KEY_TAG, isOurs } from '../tags.js';
import type { StepContext } from '../types.js';
import { waitFor } from '../wait.js';
import { isNotFound, type Found } from './found.js';
import { KEYS, KINDS } from './kinds.js';
import type { ResourceType } from './types.js';

const LIFE = KINDS['eks-cluster'].lifecycle!;

/** DescribeCluster of any name; undefined once it is gone. */
async function describeNamed(ctx: StepContext, name: string): Promise<Cluster | undefined> {
  if (name === ctx.config.clusterName) return describeCluster(ctx);
  return ctx.clients.eks.send(new DescribeClusterCommand({ name })).then(
    (answer) => answer.cluster,
    (error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    },
  );
}

/**
 * The build's other clusters (question 3's second one): those its ledger
 * records, and with no ledger at all the name the tutor gives the second one.
 */
function otherNames(ctx: StepContext): string[] {
  const own = ctx.config.clusterName;
  const recorded = ctx.ledger.live.filter((e) => e.kind === 'eks-cluster' && e.key !== KEYS.cluster).map((e) => e.details?.name ?? '');
  const guessed = ctx.ledger.entries.length === 0 ? [secondClusterName(own)] : [];
  return [...new Set([...recorded, ...guessed])].filter((name) => name && name !== own);
}

function foundOf(ctx: StepContext, cluster: Cluster, key: string): Found {
  const resolved = (ctx as { kubernetes?: { version?: string; support?: string } }).kubernetes;
  const extended = resolved?.support === 'extended' && resolved.version === cluster.version;
  const details: Record<string, string> = {
    name: cluster.name ?? '',
    version: cluster.version ?? '',
    ...(extended ? { versionStatus: 'EXTENDED_SUPPORT' } : {}),
  };
  const sg = cluster.resourcesVpcConfig?.clusterSecurityGroupId;
  if (sg) details.securityGroup = sg;
  if (cluster.resourcesVpcConfig?.vpcId) details.vpc = cluster.resourcesVpcConfig.vpcId;
  return {
    key,
    kind: 'eks-cluster',
    id: cluster.name ?? ctx.config.clusterName,
    inLedger: Boolean(ctx.ledger.get(key)),
    tagged: isOurs(cluster.tags, ctx.config.clusterName),
    state: cluster.status ?? '',
    details,
  };
}

export const eksClusterResource: ResourceType = {
  kind: 'eks-cluster',
  /** Every cluster of this build: the one of step 3, and the others it made, each tagged with the build's name. */
  async find({ ctx, cluster: describe }) {
    const found: Found[] = [];
    const main = await describe();
    if (main) found.push(foundOf(ctx, main, KEYS.cluster));
    for (const name of otherNames(ctx)) {
      const other = await describeNamed(ctx, name);
      if (!other) continue;
      const key =
        other.tags?.[KEY_TAG] ??
        ctx.ledger.live.find((e) => e.kind === 'eks-cluster' && e.details?.name === name)?.key ??
        `cluster/${name}`;
      found.push(foundOf(ctx, other, key));
    }
    return found;
  },
  async destroy(ctx, f) {
    const name = f.details?.name || f.id || ctx.config.clusterName;
    if (f.state !== 'DELETING') await ctx.clients.eks.send(new DeleteClusterCommand({ name }));
    await waitFor<Cluster>(ctx, {
      key: f.key,
      kind: f.kind,
      id: f.id,
      read: () => describeNamed(ctx, name),
      status: (c) => c?.status ?? 'deleted',
      done: (c) => !c,
      failed: (c) => c?.status === 'FAILED',
      delayMs: LIFE.pollMs,
      expectedMs: LIFE.deleteMs,
      timeoutMs: 30 * 60_000,
    });
  },
};
