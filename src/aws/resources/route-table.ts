import type { CreateRouteTableCommandInput } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { Ensurable } from './types.js';

export const routeTableResource: Ensurable<'route-table', { request: CreateRouteTableCommandInput }> = {
  kind: 'route-table',
  keys: [{ prefix: 'rtb', step: 2 }],
  deleteRank: 70,
  inventoried: true,
  async find({ ctx }) {
    const { DescribeRouteTablesCommand } = await import('@aws-sdk/client-ec2');
    const answer = await ctx.clients.ec2.send(new DescribeRouteTablesCommand({ Filters: clusterFilter(ctx.config.clusterName) }));
    return (answer.RouteTables ?? [])
      .map((t) => tutorFound(ctx, 'route-table', t.RouteTableId, t.Tags, `rtb/${t.RouteTableId}`))
      .filter((f): f is Found => Boolean(f));
  },
  async ensure(ctx, { request, ...target }) {
    const { CreateRouteTableCommand, DescribeRouteTablesCommand } = await import('@aws-sdk/client-ec2');
    return ensureTagged(ctx, target, {
      kind: 'route-table',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeRouteTablesCommand({ Filters }))).RouteTables,
      id: (t) => t.RouteTableId,
      create: async () => (await ctx.clients.ec2.send(new CreateRouteTableCommand(request))).RouteTable?.RouteTableId,
    });
  },
  async destroy(ctx, f) {
    const { DeleteRouteTableCommand, DescribeRouteTablesCommand, DisassociateRouteTableCommand } = await import('@aws-sdk/client-ec2');
    const { ec2 } = ctx.clients;
    const table = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [f.id] }))).RouteTables?.[0];
    for (const association of table?.Associations ?? []) {
      if (!association.Main && association.RouteTableAssociationId) {
        await ec2.send(new DisassociateRouteTableCommand({ AssociationId: association.RouteTableAssociationId }));
      }
    }
    await withDependencyRetry(ctx, f, () => ec2.send(new DeleteRouteTableCommand({ RouteTableId: f.id })));
  },
};
