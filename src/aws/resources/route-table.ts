import { DeleteRouteTableCommand, DescribeRouteTablesCommand, DisassociateRouteTableCommand } from '@aws-sdk/client-ec2';
import { clusterFilter } from '../tags.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { ResourceType } from './types.js';

export const routeTableResource: ResourceType = {
  kind: 'route-table',
  async find({ ctx }) {
    const answer = await ctx.clients.ec2.send(new DescribeRouteTablesCommand({ Filters: clusterFilter(ctx.config.clusterName) }));
    return (answer.RouteTables ?? [])
      .map((t) => tutorFound(ctx, 'route-table', t.RouteTableId, t.Tags, `rtb/${t.RouteTableId}`))
      .filter((f): f is Found => Boolean(f));
  },
  async destroy(ctx, f) {
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
