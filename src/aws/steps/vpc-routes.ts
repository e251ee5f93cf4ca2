import { CreateRouteCommand, DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import type { StepContext } from '../types.js';
import { defaultRouteRequest, natForAz, natKey, privateRtbKey } from './vpc-requests.js';

/**
 * The private route tables' default route to their NAT gateway, made once the
 * NAT gateway is available (as kops and Terraform do): a route to a NAT
 * gateway that is still pending can be refused, or lead nowhere for a while.
 * One DescribeRouteTables tells which routes a resumed run already made.
 */
export async function routePrivateTablesToNats(ctx: StepContext): Promise<void> {
  const wanted: { table: string; nat: string }[] = [];
  for (let i = 0; i < ctx.config.azs; i++) {
    const n = natForAz(ctx.config, i);
    const table = ctx.ledger.get(privateRtbKey(i))?.id;
    const nat = n === undefined ? undefined : ctx.ledger.get(natKey(n))?.id;
    if (table && nat) wanted.push({ table, nat });
  }
  if (wanted.length === 0) return;
  const answer = await ctx.clients.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: wanted.map((w) => w.table) }));
  for (const { table, nat } of wanted) {
    const routes = answer.RouteTables?.find((t) => t.RouteTableId === table)?.Routes ?? [];
    if (routes.some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) continue;
    await ctx.clients.ec2.send(new CreateRouteCommand(defaultRouteRequest(table, { NatGatewayId: nat })));
  }
}
