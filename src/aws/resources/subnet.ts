import { DeleteSubnetCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { ResourceType } from './types.js';

export const subnetResource: ResourceType = {
  kind: 'subnet',
  async find({ ctx }) {
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
  async destroy(ctx, f) {
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteSubnetCommand({ SubnetId: f.id })));
  },
};
