/**
 * The registry of resource types: per kind, how it is found and destroyed
 * (the files beside this one), and its rank, timings and price (kinds.ts).
 *
 * A new kind is its name and facts in kinds.ts, its file here (find, destroy),
 * and one line in RESOURCES; the step that makes it keeps its create code
 * (ensure is not in the registry yet).
 */
import { eksClusterResource } from './eks-cluster.js';
import { eksNodegroupResource } from './eks-nodegroup.js';
import { elasticIpResource } from './elastic-ip.js';
import type { Found } from './found.js';
import { iamRoleResource } from './iam-role.js';
import { internetGatewayResource } from './internet-gateway.js';
import { deleteRank } from './kinds.js';
import { kubeconfigResource } from './kubeconfig.js';
import { kubernetesIngressResource, kubernetesServiceResource } from './kubernetes.js';
import { loadBalancerResource } from './load-balancer.js';
import { natGatewayResource } from './nat-gateway.js';
import { networkInterfaceResource } from './network-interface.js';
import { routeTableResource } from './route-table.js';
import { securityGroupResource } from './security-group.js';
import { subnetResource } from './subnet.js';
import type { ResourceType } from './types.js';
import { vpcResource } from './vpc.js';

export { KINDS, LEFT_BY_THE_CLUSTER, deleteRank, lifecycle, stepOf, type Kind } from './kinds.js';

/** In the order an inventory lists them. */
export const RESOURCES: readonly ResourceType[] = [
  kubernetesServiceResource,
  kubernetesIngressResource,
  loadBalancerResource,
  natGatewayResource,
  elasticIpResource,
  networkInterfaceResource,
  securityGroupResource,
  internetGatewayResource,
  subnetResource,
  routeTableResource,
  vpcResource,
  eksNodegroupResource,
  eksClusterResource,
  iamRoleResource,
  kubeconfigResource,
];

export function resourceType(kind: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

/** AWS's dependency order: what holds something goes before it; kinds of one rank keep their order. */
export function deleteOrder(found: readonly Found[]): Found[] {
  return [...found].sort((a, b) => deleteRank(a.kind) - deleteRank(b.kind));
}
