import { DeleteNetworkInterfaceCommand, DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { holderName, withDependencyRetry } from './dependency.js';
import { isNotFound, type Found } from './found.js';
import type { ResourceType } from './types.js';

/**
 * Network interfaces left in the tutor's VPC: a load balancer's, the ones EKS
 * put there for the control plane (they outlive DeleteCluster for minutes), or
 * one the VPC CNI leaked. An interface attached to an instance goes with the
 * instance and is not listed: the node group's are deleted with its nodes.
 */
export const networkInterfaceResource: ResourceType = {
  kind: 'network-interface',
  async find(scan) {
    const { ctx } = scan;
    const own = await scan.tutorVpcIds();
    if (own.length === 0) return [];
    const answer = await ctx.clients.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: own }] }));
    const found: Found[] = [];
    for (const eni of answer.NetworkInterfaces ?? []) {
      if (!eni.NetworkInterfaceId || !own.includes(eni.VpcId ?? '')) continue;
      if (eni.Attachment?.InstanceId && eni.Status === 'in-use') continue;
      found.push({
        key: `eni/${eni.NetworkInterfaceId}`,
        kind: 'network-interface',
        id: eni.NetworkInterfaceId,
        inLedger: false,
        tagged: true,
        ...(eni.Status ? { state: eni.Status } : {}),
        details: {
          holder: holderName(eni),
          description: eni.Description ?? '',
          subnet: eni.SubnetId ?? '',
          vpc: eni.VpcId ?? '',
          ...(eni.Association?.PublicIp ? { publicIp: eni.Association.PublicIp } : {}),
        },
      });
    }
    return found;
  },
  async destroy(ctx, f) {
    // One still in use (a load balancer's, EKS's) is released by its owner: the delete is sent again until then.
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: f.id }))).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  },
};
