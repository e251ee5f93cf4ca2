import type { CreateSubnetCommandInput } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { Ensurable } from './types.js';

export const subnetResource: Ensurable<'subnet', { request: CreateSubnetCommandInput }> = {
  kind: 'subnet',
  keys: [{ prefix: 'subnet', step: 2 }],
  deleteRank: 60,
  inventoried: true,
  async find({ ctx }) {
    const { DescribeSubnetsCommand } = await import('@aws-sdk/client-ec2');
    const answer = await ctx.clients.ec2.send(new DescribeSubnetsCommand({ Filters: clusterFilter(ctx.config.clusterName) }));
    return (answer.Subnets ?? [])
      .map((s) =>
        tutorFound(ctx, 'subnet', s.SubnetId, s.Tags, `subnet/${s.SubnetId}`, undefined, {
          az: s.AvailabilityZone ?? '',
          cidr: s.CidrBlock ?? '',
          vpc: s.VpcId ?? '',
        }),
      )
      .filter((f): f is Found => Boolean(f));
  },
  async ensure(ctx, { request, ...target }) {
    const { CreateSubnetCommand, DescribeSubnetsCommand } = await import('@aws-sdk/client-ec2');
    return ensureTagged(ctx, target, {
      kind: 'subnet',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeSubnetsCommand({ Filters }))).Subnets,
      id: (s) => s.SubnetId,
      create: async () => (await ctx.clients.ec2.send(new CreateSubnetCommand(request))).Subnet?.SubnetId,
    });
  },
  async destroy(ctx, f) {
    const { DeleteSubnetCommand } = await import('@aws-sdk/client-ec2');
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteSubnetCommand({ SubnetId: f.id })));
  },
};
