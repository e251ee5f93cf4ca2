import type { CreateVpcCommandInput } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { Ensurable } from './types.js';

/** Step 2's VPC. */
export const vpcResource: Ensurable<'vpc', { request: CreateVpcCommandInput }> = {
  kind: 'vpc',
  keys: [{ prefix: 'vpc', step: 2 }],
  deleteRank: 80,
  inventoried: true,
  async find(scan) {
    const found: (Found | undefined)[] = (await scan.vpcs()).map((v) =>
      tutorFound(scan.ctx, 'vpc', v.id, v.tags, `vpc/${v.id}`, undefined, { cidr: v.cidr }),
    );
    return found.filter((f): f is Found => Boolean(f));
  },
  async ensure(ctx, { request, ...target }) {
    const { CreateVpcCommand, DescribeVpcsCommand } = await import('@aws-sdk/client-ec2');
    return ensureTagged(ctx, target, {
      kind: 'vpc',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeVpcsCommand({ Filters }))).Vpcs,
      id: (v) => v.VpcId,
      create: async () => (await ctx.clients.ec2.send(new CreateVpcCommand(request))).Vpc?.VpcId,
    });
  },
  async destroy(ctx, f) {
    const { DeleteVpcCommand } = await import('@aws-sdk/client-ec2');
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteVpcCommand({ VpcId: f.id })));
  },
};
