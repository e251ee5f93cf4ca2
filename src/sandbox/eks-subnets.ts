import type { EksView } from './eks-view.js';
import type { CallerScope } from './moto-client.js';
import { eksError, type ProxyAnswer } from './proxy-types.js';

/**
 * EKS refuses a node group whose subnets are not all in its cluster's VPC
 * (400 InvalidParameterException, "Specified subnets must belong to cluster's
 * vpc <vpc-id>"); moto accepts any subnet. Subnets that do not exist are left
 * to moto's own answer.
 */
export async function subnetsOutsideClusterVpc(
  view: EksView,
  scope: CallerScope,
  cluster: { name: string; vpcId: string | undefined },
  nodegroupName: string,
  subnetIds: unknown,
): Promise<ProxyAnswer | undefined> {
  const { name: clusterName, vpcId } = cluster;
  const ids = Array.isArray(subnetIds) ? subnetIds.map(String) : [];
  if (!vpcId || ids.length === 0) return undefined;
  const subnets = await view.subnets(scope, ids);
  if (!subnets.some((s) => s.vpcId && s.vpcId !== vpcId)) return undefined;
  return eksError(400, 'InvalidParameterException', `Specified subnets must belong to cluster's vpc ${vpcId}`, {
    clusterName,
    nodegroupName,
  });
}
