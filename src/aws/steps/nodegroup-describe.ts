import { DescribeNodegroupCommand, ResourceNotFoundException, type Nodegroup } from '@aws-sdk/client-eks';
import { text } from '../../text.js';
import type { NamedSpec } from '../ensure.js';
import { nodegroupName } from '../resources/eks-nodegroup.js';
import type { StepContext } from '../types.js';

/** DescribeNodegroup of one node group of the cluster by name; undefined when there is none. */
export async function describeNodegroupNamed(ctx: Pick<StepContext, 'config' | 'clients'>, name: string): Promise<Nodegroup | undefined> {
  try {
    return (await ctx.clients.eks.send(new DescribeNodegroupCommand({ clusterName: ctx.config.clusterName, nodegroupName: name })))
      .nodegroup;
  } catch (error) {
    if (error instanceof ResourceNotFoundException || (error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

const lastNodegroup = new WeakMap<StepContext['clients'], { name: string; at: number; group: Nodegroup | undefined }>();

/** DescribeNodegroup; with `maxAgeMs`, the answer of a call made within that time is reused instead of asking again. */
export async function describeNodegroup(ctx: StepContext, options: { maxAgeMs?: number } = {}): Promise<Nodegroup | undefined> {
  const name = `${ctx.config.clusterName}/${nodegroupName(ctx.config.clusterName)}`;
  const seen = lastNodegroup.get(ctx.clients);
  if (options.maxAgeMs && seen && seen.name === name && Date.now() - seen.at <= options.maxAgeMs) return seen.group;
  const group = await describeNodegroupNamed(ctx, nodegroupName(ctx.config.clusterName));
  lastNodegroup.set(ctx.clients, { name, at: Date.now(), group });
  return group;
}

/**
 * How ensureNamed finds a node group of the cluster by its name (step 5's, or a day-two one): one being
 * deleted is not there to adopt. The caller adds how it is made.
 */
export function namedNodegroup(
  key: string,
  name: string,
  describe: () => Promise<Nodegroup | undefined>,
): Omit<NamedSpec<Nodegroup>, 'create'> {
  return {
    key,
    kind: 'eks-nodegroup',
    step: 5,
    name,
    label: text('A node group', 'ノードグループ'),
    describe: async () => {
      const group = await describe();
      return group?.status === 'DELETING' ? undefined : group;
    },
    tags: (group) => group.tags,
    id: (group) => group.nodegroupArn ?? name,
    details: { name },
  };
}
