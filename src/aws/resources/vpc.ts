import { CreateVpcCommand, DeleteVpcCommand, DescribeVpcsCommand, type CreateVpcCommandInput } from '@aws-sdk/client-ec2';
import { ensureTagged } from '../ensure.js';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { Ensurable } from './types.js';

export const vpcResource: Ensurable<{ request: CreateVpcCommandInput }> = {
  kind: 'vpc',
  async find(scan) {
    const found: (Found | undefined)[] = (await scan.vpcs()).map((v) =>
      tutorFound(scan.ctx, 'vpc', v.id, v.tags, `vpc/${v.id}`, undefined, { cidr: v.cidr }),
    );
    return found.filter((f): f is Found => Boolean(f));
  },
  ensure: (ctx, { request, ...target }) =>
    ensureTagged(ctx, target, {
      kind: 'vpc',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeVpcsCommand({ Filters }))).Vpcs,
      id: (v) => v.VpcId,
      create: async () => (await ctx.clients.ec2.send(new CreateVpcCommand(request))).Vpc?.VpcId,
    }),
  async destroy(ctx, f) {
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteVpcCommand({ VpcId: f.id })));
  },
};
