import { DeleteNodegroupCommand, type Nodegroup } from '@aws-sdk/client-eks';
import { describeNodegroup, nodegroupName } from '../steps/nodegroup.js';
import { isOurs } from '../tags.js';
import { waitFor } from '../wait.js';
import { KEYS, KINDS } from './kinds.js';
import type { ResourceType } from './types.js';

const LIFE = KINDS['eks-nodegroup'].lifecycle!;

export const eksNodegroupResource: ResourceType = {
  kind: 'eks-nodegroup',
  async find({ ctx, cluster }) {
    // A node group lives inside its cluster: no cluster, no node group to ask for.
    if (!(await cluster())) return [];
    const group = await describeNodegroup(ctx);
    if (!group) return [];
    return [
      {
        key: KEYS.nodegroup,
        kind: 'eks-nodegroup',
        id: group.nodegroupName ?? '',
        inLedger: Boolean(ctx.ledger.get(KEYS.nodegroup)),
        tagged: isOurs(group.tags, ctx.config.clusterName),
        state: group.status ?? '',
        details: {
          instanceType: group.instanceTypes?.[0] ?? '',
          desired: String(group.scalingConfig?.desiredSize ?? 0),
          ...(group.diskSize ? { diskSize: String(group.diskSize) } : {}),
        },
      },
    ];
  },
  async destroy(ctx, f) {
    const name = ctx.config.clusterName;
    if (f.state !== 'DELETING') await ctx.clients.eks.send(new DeleteNodegroupCommand({ clusterName: name, nodegroupName: nodegroupName(name) }));
    await waitFor<Nodegroup>(ctx, {
      key: f.key,
      kind: f.kind,
      id: f.id,
      read: () => describeNodegroup(ctx),
      status: (n) => n?.status ?? 'deleted',
      done: (n) => !n,
      failed: (n) => n?.status === 'DELETE_FAILED',
      delayMs: LIFE.pollMs,
      expectedMs: LIFE.deleteMs,
      timeoutMs: 30 * 60_000,
    });
  },
};
