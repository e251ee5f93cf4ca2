import { iamRoleResource } from '../../resources/iam-role.js';
import { policyAttachmentKind } from '../../resources/policy-attachment.js';

/** Step 1: the IAM role the EKS control plane acts as, with its managed policy. */
export const CLUSTER_ROLE_STEP = {
  number: 1,
  id: 'clusterRole',
  kinds: [iamRoleResource, policyAttachmentKind],
  leftBehind: [],
  load: async () => (await import('../cluster-role.js')).clusterRoleStep,
} as const;
