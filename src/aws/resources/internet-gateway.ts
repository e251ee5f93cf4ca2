import type { CreateInternetGatewayCommandInput } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { Ensurable } from './types.js';

export const internetGatewayResource: Ensurable<'internet-gateway', { request: CreateInternetGatewayCommandInput }> = {
  kind: 'internet-gateway',
  keys: [{ prefix: 'igw', step: 2 }],
  deleteRank: 50,
  inventoried: true,
  async find({ ctx }) {
    const { DescribeInternetGatewaysCommand } = await import('@aws-sdk/client-ec2');
    const answer = await ctx.clients.ec2.send(new DescribeInternetGatewaysCommand({ Filters: clusterFilter(ctx.config.clusterName) }));
    return (answer.InternetGateways ?? [])
      .map((g) =>
        tutorFound(ctx, 'internet-gateway', g.InternetGatewayId, g.Tags, `igw/${g.InternetGatewayId}`, undefined, {
          vpc: g.Attachments?.map((a) => a.VpcId).join(',') ?? '',
        }),
      )
      .filter((f): f is Found => Boolean(f));
  },
  async ensure(ctx, { request, ...target }) {
    const { CreateInternetGatewayCommand, DescribeInternetGatewaysCommand } = await import('@aws-sdk/client-ec2');
    return ensureTagged(ctx, target, {
      kind: 'internet-gateway',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeInternetGatewaysCommand({ Filters }))).InternetGateways,
      id: (g) => g.InternetGatewayId,
      create: async () => (await ctx.clients.ec2.send(new CreateInternetGatewayCommand(request))).InternetGateway?.InternetGatewayId,
    });
  },
  async destroy(ctx, f) {
    const { DeleteInternetGatewayCommand, DescribeInternetGatewaysCommand, DetachInternetGatewayCommand } =
      await import('@aws-sdk/client-ec2');
    const { ec2 } = ctx.clients;
    const igw = (await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [f.id] }))).InternetGateways?.[0];
    for (const attachment of igw?.Attachments ?? []) {
      // Detaching while public addresses are still mapped in the VPC answers DependencyViolation.
      await withDependencyRetry(ctx, f, () =>
        ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: f.id, VpcId: attachment.VpcId })),
      );
    }
    await withDependencyRetry(ctx, f, () => ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: f.id })));
  },
};
