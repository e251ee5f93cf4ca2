import { ec2Filters, type CallerScope, type MotoClient } from './moto-client.js';
import { setChildText, type XmlElement, childText, items } from './xml.js';

/**
 * The network interfaces EKS puts in the cluster's subnets for its control
 * plane (description "Amazon EKS <cluster>", managed by AWS, not by the
 * caller). They are made real in moto so that, as on AWS, they hold the
 * subnets, the cluster security group and the VPC for a while after the
 * cluster is gone (lingering-enis).
 */

export const EKS_INTERFACE_PREFIX = 'Amazon EKS ';
/** EKS puts its control-plane interfaces in up to this many of the cluster's subnets. */
const MAX_INTERFACES = 4;
/** The account that shows as requester of EKS's interfaces (a placeholder; AWS shows its own service account). */
const EKS_REQUESTER_ID = 'amazon-eks';

export async function createClusterInterfaces(
  moto: MotoClient,
  scope: CallerScope,
  cluster: { name: string; subnetIds: string[]; securityGroupId?: string | undefined },
): Promise<string[]> {
  const ids: string[] = [];
  for (const subnetId of cluster.subnetIds.slice(0, MAX_INTERFACES)) {
    const params: Record<string, string> = {
      Action: 'CreateNetworkInterface',
      SubnetId: subnetId,
      Description: `${EKS_INTERFACE_PREFIX}${cluster.name}`,
    };
    if (cluster.securityGroupId) params['SecurityGroupId.1'] = cluster.securityGroupId;
    const created = await moto.ec2(scope, params);
    const id = childText(
      created.root?.children.find((c) => c.name === 'networkInterface'),
      'networkInterfaceId',
    );
    if (id) ids.push(id);
  }
  return ids;
}

/** Deletes EKS's interfaces of a cluster: those the sandbox made, or (made by an earlier sandbox) those found by description. */
export async function deleteClusterInterfaces(
  moto: MotoClient,
  scope: CallerScope,
  clusterName: string,
  ids: string[] | undefined,
): Promise<void> {
  let found = ids;
  if (found === undefined) {
    const answer = await moto.ec2(scope, {
      Action: 'DescribeNetworkInterfaces',
      ...ec2Filters({ description: [`${EKS_INTERFACE_PREFIX}${clusterName}`] }),
    });
    found = items(answer.root, 'networkInterfaceSet').map((item) => childText(item, 'networkInterfaceId'));
  }
  for (const id of found) await moto.ec2(scope, { Action: 'DeleteNetworkInterface', NetworkInterfaceId: id });
}

/** Marks EKS's interfaces in a DescribeNetworkInterfaces answer as AWS shows them: requester-managed. */
export function patchInterfaces(root: XmlElement | undefined): boolean {
  let changed = false;
  for (const item of items(root, 'networkInterfaceSet')) {
    if (!childText(item, 'description').startsWith(EKS_INTERFACE_PREFIX)) continue;
    setChildText(item, 'requesterManaged', 'true');
    setChildText(item, 'requesterId', EKS_REQUESTER_ID);
    changed = true;
  }
  return changed;
}
