import { eksClusterResource } from '../../resources/eks-cluster.js';
import { kubernetesIngressResource, kubernetesServiceResource } from '../../resources/kubernetes.js';
import { loadBalancerResource } from '../../resources/load-balancer.js';
import { networkInterfaceResource } from '../../resources/network-interface.js';
import { securityGroupResource } from '../../resources/security-group.js';

/**
 * Step 3: the EKS control plane. It answers for what Kubernetes and EKS make
 * for the cluster in the tutor's VPC (Services and Ingresses with their load
 * balancers, security groups, network interfaces).
 */
export const CLUSTER_STEP = {
  number: 3,
  id: 'cluster',
  kinds: [eksClusterResource],
  leftBehind: [kubernetesServiceResource, kubernetesIngressResource, loadBalancerResource, networkInterfaceResource, securityGroupResource],
  load: async () => (await import('../cluster.js')).clusterStep,
} as const;
