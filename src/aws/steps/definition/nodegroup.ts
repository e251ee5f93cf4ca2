import { eksNodegroupResource } from '../../resources/eks-nodegroup.js';
import { iamRoleResource } from '../../resources/iam-role.js';
import { kubernetesNodesKind } from '../../resources/kubernetes-nodes.js';
import { policyAttachmentKind } from '../../resources/policy-attachment.js';

/** Step 5: the node role, the managed node group, and the nodes Kubernetes reports Ready. */
export const NODEGROUP_STEP = {
  number: 5,
  id: 'nodegroup',
  kinds: [iamRoleResource, policyAttachmentKind, eksNodegroupResource, kubernetesNodesKind],
  leftBehind: [],
  load: async () => (await import('../nodegroup.js')).nodegroupStep,
} as const;
