import type { EksView } from './eks-view.js';
import type { CallerScope } from './moto-client.js';
import { eksError, type ProxyAnswer } from './proxy-types.js';

/**
 * IAM propagation as EKS meets it: for a few seconds after a role's trust
 * policy or policies changed, EKS cannot assume it or does not see the
 * policies yet, and CreateCluster / CreateNodegroup answer
 * InvalidParameterException with the messages below (the ones
 * terraform-provider-aws and eksctl retry on).
 */

export const CLUSTER_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy';
export const NODE_POLICY_ARNS = [
  'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
  'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
];

const roleName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

export function clusterRoleMessage(roleArn: string, what: 'trust' | 'policies'): string {
  return what === 'trust'
    ? `Role with arn: ${roleArn}, could not be assumed because it does not exist or the trusted entity is not correct`
    : `The provided role doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the following policy is attached: ${CLUSTER_POLICY_ARN}`;
}

export function nodeRoleMessage(what: 'trust' | 'policies'): string {
  return what === 'trust'
    ? 'Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole'
    : `The provided role doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the following policies [${NODE_POLICY_ARNS.join(', ')}] are attached`;
}

/** Which change of the role EKS cannot see yet, if any (the trust policy first: without it nothing else counts). */
function unseenChange(view: EksView, scope: CallerScope, arn: unknown): 'trust' | 'policies' | undefined {
  if (typeof arn !== 'string' || !arn.includes(':role/')) return undefined;
  const change = view.memory.roleChange(scope.accessKeyId, roleName(arn));
  if (view.behaviours.within('iam-propagation', change.trust)) return 'trust';
  if (view.behaviours.within('iam-propagation', change.policies)) return 'policies';
  return undefined;
}

export function clusterRoleNotYetSeen(view: EksView, scope: CallerScope, roleArn: unknown, cluster: string): ProxyAnswer | undefined {
  const what = unseenChange(view, scope, roleArn);
  if (!what) return undefined;
  const message = clusterRoleMessage(String(roleArn), what);
  view.behaviours.fired(
    'iam-propagation',
    `CreateCluster ${cluster} (role ${roleName(String(roleArn))} changed moments ago)`,
    'InvalidParameterException',
    message,
  );
  return eksError(400, 'InvalidParameterException', message, { clusterName: cluster });
}

export function nodeRoleNotYetSeen(
  view: EksView,
  scope: CallerScope,
  nodeRole: unknown,
  cluster: string,
  nodegroup: string,
): ProxyAnswer | undefined {
  const what = unseenChange(view, scope, nodeRole);
  if (!what) return undefined;
  const message = nodeRoleMessage(what);
  view.behaviours.fired(
    'iam-propagation',
    `CreateNodegroup ${cluster}/${nodegroup} (role ${roleName(String(nodeRole))} changed moments ago)`,
    'InvalidParameterException',
    message,
  );
  return eksError(400, 'InvalidParameterException', message, { clusterName: cluster, nodegroupName: nodegroup });
}
