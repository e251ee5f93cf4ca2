import { DeleteNatGatewayCommand, DescribeNatGatewaysCommand, type NatGateway } from '@aws-sdk/client-ec2';
import { clusterFilter } from '../tags.js';
import { waitFor } from '../wait.js';
import { tutorFound, type Found } from './found.js';
import { KINDS } from './kinds.js';
import type { ResourceType } from './types.js';

const LIFE = KINDS['nat-gateway'].lifecycle!;

export const natGatewayResource: ResourceType = {
  kind: 'nat-gateway',
  async find({ ctx }) {
    const answer = await ctx.clients.ec2.send(new DescribeNatGatewaysCommand({ Filter: clusterFilter(ctx.config.clusterName) }));
    return (answer.NatGateways ?? [])
      .filter((g) => g.State !== 'deleted')
      .map((g) => tutorFound(ctx, 'nat-gateway', g.NatGatewayId, g.Tags, `nat/${g.NatGatewayId}`, g.State, { subnet: g.SubnetId ?? '' }))
      .filter((f): f is Found => Boolean(f));
  },
  async destroy(ctx, f) {
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
