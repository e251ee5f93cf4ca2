import { DeleteNodegroupCommand, ListNodegroupsCommand, type Nodegroup } from '@aws-sdk/client-eks';
import { describeNodegroup, describeNodegroupNamed, nodegroupName } from '../steps/nodegroup.js';
import { KEY_TAG, isOurs } from '../tags.js';
import type { StepContext } from '../types.js';
import { waitFor } from '../wait.js';
import type { Found } from './found.js';
import { KEYS, KINDS } from './kinds.js';
import type { ResourceType } from './types.js';

const LIFE = KINDS['eks-nodegroup'].lifecycle!;

/** DescribeNodegroup of one node group of the cluster by name; undefined once it is gone. */
async function describeNamed(ctx: StepContext, name: string): Promise<Nodegroup | undefined> {
  return name === nodegroupName(ctx.config.clusterName) ? describeNodegroup(ctx) : describeNodegroupNamed(ctx, name);
}

/** The cluster's other node groups (day-two third-az adds one): listed, and counted when tagged for us or recorded. */
async function otherGroups(ctx: StepContext): Promise<Nodegroup[]> {
  const main = nodegroupName(ctx.config.clusterName);
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.eks.send(
      new ListNodegroupsCommand({ clusterName: ctx.config.clusterName, ...(nextToken ? { nextToken } : {}) }),
    );
    names.push(...(page.nodegroups ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const recorded = (name: string) => ctx.ledger.entries.some((e) => e.kind === 'eks-nodegroup' && e.details?.name === name);
  const groups: Nodegroup[] = [];
  for (const name of names.filter((n) => n !== main)) {
    const group = await describeNamed(ctx, name);
    if (group && (isOurs(group.tags, ctx.config.clusterName) || recorded(name))) groups.push(group);
  }
  return groups;
}

function found(ctx: StepContext, group: Nodegroup): Found {
  const name = group.nodegroupName ?? '';
  const entry = ctx.ledger.entries.find((e) => e.kind === 'eks-nodegroup' && e.details?.name === name);
  const key =
    name === nodegroupName(ctx.config.clusterName) ? KEYS.nodegroup : (group.tags?.[KEY_TAG] ?? entry?.key ?? `${KEYS.nodegroup}/${name}`);
  return {
    key,
    kind: 'eks-nodegroup',
    id: name,
    inLedger: Boolean(ctx.ledger.get(key)) || Boolean(entry),
    tagged: isOurs(group.tags, ctx.config.clusterName),
    state: group.status ?? '',
    details: {
      instanceType: group.instanceTypes?.[0] ?? '',
      desired: String(group.scalingConfig?.desiredSize ?? 0),
      ...(group.diskSize ? { diskSize: String(group.diskSize) } : {}),
    },
  };
}

export const eksNodegroupResource: ResourceType = {
  kind: 'eks-nodegroup',
  async find({ ctx, cluster }) {
    // A node group lives inside its cluster: no cluster, no node group to ask for.
    if (!(await cluster())) return [];
    const group = await describeNodegroup(ctx);
    return [...(group ? [group] : []), ...(await otherGroups(ctx))].map((g) => found(ctx, g));
  },
  async destroy(ctx, f) {
    const name = f.id || nodegroupName(ctx.config.clusterName);
    if (f.state !== 'DELETING')
      await ctx.clients.eks.send(new DeleteNodegroupCommand({ clusterName: ctx.config.clusterName, nodegroupName: name }));
    await waitFor<Nodegroup>(ctx, {
      key: f.key,
      kind: f.kind,
      id: f.id,
      read: () => describeNamed(ctx, name),
      status: (n) => n?.status ?? 'deleted',
      done: (n) => !n,
      failed: (n) => n?.status === 'DELETE_FAILED',
      delayMs: LIFE.pollMs,
      expectedMs: LIFE.deleteMs,
      timeoutMs: 30 * 60_000,
    });
  },
};
