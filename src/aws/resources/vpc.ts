import { DeleteVpcCommand } from '@aws-sdk/client-ec2';
import { withDependencyRetry } from './dependency.js';
import { tutorFound, type Found } from './found.js';
import type { ResourceType } from './types.js';

export const vpcResource: ResourceType = {
  kind: 'vpc',
  async find(scan) {
    const found: (Found | undefined)[] = (await scan.vpcs()).map((v) =>
      tutorFound(scan.ctx, 'vpc', v.id, v.tags, `vpc/${v.id}`, undefined, { cidr: v.cidr }),
    );
    return found.filter((f): f is Found => Boolean(f));
  },
  async destroy(ctx, f) {
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteVpcCommand({ VpcId: f.id })));
  },
};
