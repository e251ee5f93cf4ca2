import type { AllocateAddressCommandInput } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import { PRICES } from './prices.js';
import type { Ensurable } from './types.js';

export const elasticIpResource: Ensurable<'elastic-ip', { request: AllocateAddressCommandInput }> = {
  kind: 'elastic-ip',
  keys: [{ prefix: 'eip', step: 2 }],
  deleteRank: 40,
  inventoried: true,
  hourly: () => PRICES.publicIpv4Hour,
  async find({ ctx }) {
    const { DescribeAddressesCommand } = await import('@aws-sdk/client-ec2');
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
  async ensure(ctx, { request, ...target }) {
    const { AllocateAddressCommand, DescribeAddressesCommand } = await import('@aws-sdk/client-ec2');
    return ensureTagged(ctx, target, {
      kind: 'elastic-ip',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeAddressesCommand({ Filters }))).Addresses,
      id: (a) => a.AllocationId,
      create: async () => (await ctx.clients.ec2.send(new AllocateAddressCommand(request))).AllocationId,
    });
  },
  async destroy(ctx, f) {
    const { ReleaseAddressCommand } = await import('@aws-sdk/client-ec2');
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new ReleaseAddressCommand({ AllocationId: f.id })));
  },
};
