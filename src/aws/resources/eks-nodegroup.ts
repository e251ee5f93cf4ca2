import type { Nodegroup } from '@aws-sdk/client-eks';
import { KEY_TAG, isOurs } from '../tags.js';
import type { StepContext } from '../types.js';
import { waitFor } from '../wait.js';
import type { Found } from './found.js';
import { KEYS, MINUTE, type PriceConfig, type PriceInput } from './facts.js';
import { PRICES, gp3Hour, instancePrice } from './prices.js';
import type { ResourceType } from './types.js';

const LIFE = { pollMs: 30_000, createMs: 4 * MINUTE, deleteMs: 4 * MINUTE };
/** EKS's default disk for a managed node group, when DescribeNodegroup does not say. */
const DEFAULT_DISK_GB = 20;

/** Nodes: instance, gp3 disk, and (in public subnets) a public IPv4 address each; an instance type the table does not know counts 0. */
function nodegroupHourly(resource: PriceInput, config: PriceConfig): number {
  const desired = Number(resource.details?.desired ?? config.nodes) || config.nodes;
  const type = resource.details?.instanceType || config.instanceType;
  const disk = Number(resource.details?.diskSize ?? DEFAULT_DISK_GB) || DEFAULT_DISK_GB;
  const publicIp = config.nat === 'none' ? PRICES.publicIpv4Hour : 0;
  return desired * ((instancePrice(config.region, type) ?? 0) + gp3Hour(config.region, disk) + publicIp);
}

/** The node group step 5 makes: the cluster's name and `-nodes`, within EKS's 63 characters. */
export function nodegroupName(clusterName: string): string {
  return `${clusterName}-nodes`.slice(0, 63);
}

/** DescribeNodegroup of one node group of the cluster by name; undefined once it is gone. */
async function describeNamed(ctx: StepContext, name: string): Promise<Nodegroup | undefined> {
  const { describeNodegroup, describeNodegroupNamed } = await import('../steps/nodegroup-describe.js');
  return name === nodegroupName(ctx.config.clusterName) ? describeNodegroup(ctx) : describeNodegroupNamed(ctx, name);
}

/** The cluster's other node groups (day-two third-az adds one): listed, and counted when tagged for us or recorded. */
async function otherGroups(ctx: StepContext): Promise<Nodegroup[]> {
  const { ListNodegroupsCommand } = await import('@aws-sdk/client-eks');
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

/** Step 5's node group, and the cluster's other node groups the build made. */
export const eksNodegroupResource: ResourceType<'eks-nodegroup'> = {
  kind: 'eks-nodegroup',
  keys: [{ prefix: KEYS.nodegroup, step: 5 }],
  deleteRank: 10,
  inventoried: true,
  lifecycle: LIFE,
  hourly: nodegroupHourly,
  async find({ ctx, cluster }) {
    // A node group lives inside its cluster: no cluster, no node group to ask for.
    if (!(await cluster())) return [];
    const group = await describeNamed(ctx, nodegroupName(ctx.config.clusterName));
    return [...(group ? [group] : []), ...(await otherGroups(ctx))].map((g) => found(ctx, g));
  },
  async destroy(ctx, f) {
    const name = f.id || nodegroupName(ctx.config.clusterName);
    const { DeleteNodegroupCommand } = await import('@aws-sdk/client-eks');
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
