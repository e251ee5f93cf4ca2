import { DeleteClusterCommand, type Cluster } from '@aws-sdk/client-eks';
import { describeCluster } from '../steps/cluster.js';
import { isOurs } from '../tags.js';
import { waitFor } from '../wait.js';
import { KEYS, KINDS } from './kinds.js';
import type { ResourceType } from './types.js';

const LIFE = KINDS['eks-cluster'].lifecycle!;

export const eksClusterResource: ResourceType = {
  kind: 'eks-cluster',
  async find({ ctx, cluster: describe }) {
    const cluster = await describe();
    if (!cluster) return [];
    const resolved = (ctx as { kubernetes?: { version?: string; support?: string } }).kubernetes;
    const extended = resolved?.support === 'extended' && resolved.version === cluster.version;
    const details: Record<string, string> = { version: cluster.version ?? '', ...(extended ? { versionStatus: 'EXTENDED_SUPPORT' } : {}) };
    const sg = cluster.resourcesVpcConfig?.clusterSecurityGroupId;
    if (sg) details.securityGroup = sg;
    if (cluster.resourcesVpcConfig?.vpcId) details.vpc = cluster.resourcesVpcConfig.vpcId;
    return [
      {
        key: KEYS.cluster,
        kind: 'eks-cluster',
        id: cluster.name ?? ctx.config.clusterName,
        inLedger: Boolean(ctx.ledger.get(KEYS.cluster)),
        tagged: isOurs(cluster.tags, ctx.config.clusterName),
        state: cluster.status ?? '',
        details,
      },
    ];
  },
  async destroy(ctx, f) {
    if (f.state !== 'DELETING') await ctx.clients.eks.send(new DeleteClusterCommand({ name: ctx.config.clusterName }));
    await waitFor<Cluster>(ctx, {
      key: f.key,
      kind: f.kind,
      id: f.id,
      read: () => describeCluster(ctx),
      status: (c) => c?.status ?? 'deleted',
      done: (c) => !c,
      failed: (c) => c?.status === 'FAILED',
      delayMs: LIFE.pollMs,
      expectedMs: LIFE.deleteMs,
      timeoutMs: 30 * 60_000,
    });
  },
};
