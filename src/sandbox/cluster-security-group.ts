import { randomInt } from 'node:crypto';
import type { CallerScope, MotoClient } from './moto-client.js';
import { childText } from './xml.js';

const DESCRIPTION =
  'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.';

/**
 * EKS makes a security group of its own in the cluster's VPC (the "cluster
 * security group"), and removes it with the cluster. moto does neither, so the
 * sandbox does both; otherwise DeleteVpc could not trip over it as on AWS.
 */
export async function createClusterSecurityGroup(
  moto: MotoClient,
  scope: CallerScope,
  cluster: { name: string; vpcId: string; tags: Record<string, string> },
): Promise<string | undefined> {
  const tags: Record<string, string> = {
    ...cluster.tags,
    Name: `eks-cluster-sg-${cluster.name}`,
    'aws:eks:cluster-name': cluster.name,
    [`kubernetes.io/cluster/${cluster.name}`]: 'owned',
  };
  const params: Record<string, string> = {
    Action: 'CreateSecurityGroup',
    GroupName: `eks-cluster-sg-${cluster.name}-${randomInt(1_000_000_000, 2_147_483_647)}`,
    GroupDescription: DESCRIPTION,
    VpcId: cluster.vpcId,
    'TagSpecification.1.ResourceType': 'security-group',
  };
  Object.entries(tags).forEach(([key, value], i) => {
    params[`TagSpecification.1.Tag.${i + 1}.Key`] = key;
    params[`TagSpecification.1.Tag.${i + 1}.Value`] = value;
  });
  const created = await moto.ec2(scope, params);
  const groupId = childText(created.root, 'groupId');
  if (created.status !== 200 || !groupId) return undefined;
  // Members of the group may talk to each other, as on the group EKS makes.
  await moto.ec2(scope, {
    Action: 'AuthorizeSecurityGroupIngress',
    GroupId: groupId,
    'IpPermissions.1.IpProtocol': '-1',
    'IpPermissions.1.Groups.1.GroupId': groupId,
  });
  return groupId;
}

export async function deleteClusterSecurityGroup(moto: MotoClient, scope: CallerScope, groupId: string): Promise<void> {
  await moto.ec2(scope, { Action: 'DeleteSecurityGroup', GroupId: groupId });
}
