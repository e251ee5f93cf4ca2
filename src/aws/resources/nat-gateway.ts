import type { CreateNatGatewayCommandInput, NatGateway } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { clusterFilter } from '../tags.js';
import { clientToken } from '../tokens.js';
import { waitFor } from '../wait.js';
import { tutorFound, type Found } from './found.js';
import { MINUTE } from './facts.js';
import { rowFor } from './prices.js';
import type { Ensurable } from './types.js';

const LIFE = { pollMs: 15_000, createMs: 90_000, deleteMs: MINUTE };

/** The request is made with the idempotency token of the NAT's intent: the same NAT gateway is never billed twice. */
export const natGatewayResource: Ensurable<'nat-gateway', { request: (clientToken: string) => CreateNatGatewayCommandInput }> = {
  kind: 'nat-gateway',
  keys: [{ prefix: 'nat', step: 2 }],
  deleteRank: 30,
  inventoried: true,
  lifecycle: LIFE,
  hourly: (_r, c) => rowFor(c.region).natGatewayHour,
  async find({ ctx }) {
    const { DescribeNatGatewaysCommand } = await import('@aws-sdk/client-ec2');
    const answer = await ctx.clients.ec2.send(new DescribeNatGatewaysCommand({ Filter: clusterFilter(ctx.config.clusterName) }));
    return (answer.NatGateways ?? [])
      .filter((g) => g.State !== 'deleted')
      .map((g) => tutorFound(ctx, 'nat-gateway', g.NatGatewayId, g.Tags, `nat/${g.NatGatewayId}`, g.State, { subnet: g.SubnetId ?? '' }))
      .filter((f): f is Found => Boolean(f));
  },
  async ensure(ctx, { request, ...target }) {
    const { CreateNatGatewayCommand, DescribeNatGatewaysCommand } = await import('@aws-sdk/client-ec2');
    return ensureTagged(ctx, target, {
      kind: 'nat-gateway',
      list: async (filters) =>
        (
          await ctx.clients.ec2.send(
            new DescribeNatGatewaysCommand({ Filter: [...filters, { Name: 'state', Values: ['pending', 'available'] }] }),
          )
        ).NatGateways,
      id: (g) => g.NatGatewayId,
      create: async () => {
        // The intent is kept by a resumed run, so its token is too.
        const token = clientToken(ctx.config.clusterName, target.key, ctx.ledger.get(target.key)?.intentAt ?? '');
        return (await ctx.clients.ec2.send(new CreateNatGatewayCommand(request(token)))).NatGateway?.NatGatewayId;
      },
    });
  },
  async destroy(ctx, f) {
    const { DeleteNatGatewayCommand, DescribeNatGatewaysCommand } = await import('@aws-sdk/client-ec2');
    const { ec2 } = ctx.clients;
    if (f.state !== 'deleting') await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: f.id }));
    await waitFor<NatGateway>(ctx, {
      key: f.key,
      kind: f.kind,
      id: f.id,
      read: async () => (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [f.id] }))).NatGateways?.[0],
      status: (g) => g?.State ?? 'deleted',
      done: (g) => !g || g.State === 'deleted',
      delayMs: LIFE.pollMs,
      expectedMs: LIFE.deleteMs,
      timeoutMs: 15 * 60_000,
    });
  },
};
