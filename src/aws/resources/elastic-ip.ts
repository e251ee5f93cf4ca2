import { DescribeAddressesCommand, ReleaseAddressCommand } from '@aws-sdk/client-ec2';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { ResourceType } from './types.js';

export const elasticIpResource: ResourceType = {
  kind: 'elastic-ip',
  async find({ ctx }) {
    const answer = await ctx.clients.ec2.send(new DescribeAddressesCommand({ Filters: clusterFilter(ctx.config.clusterName) }));
    return (answer.Addresses ?? [])
      .map((a) =>
        tutorFound(
          ctx,
          'elastic-ip',
          a.AllocationId,
          a.Tags,
          `eip/${a.AllocationId}`,
          undefined,
          a.PublicIp ? { publicIp: a.PublicIp } : undefined,
        ),
      )
      .filter((f): f is Found => Boolean(f));
  },
  async destroy(ctx, f) {
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new ReleaseAddressCommand({ AllocationId: f.id })));
  },
};
