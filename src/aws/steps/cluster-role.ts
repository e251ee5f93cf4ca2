import { text } from '../../text.js';
import { ensureRole, planRole, roleName, verifyRole, type RoleSpec } from '../roles.js';
import type { Step } from '../types.js';

export const CLUSTER_ROLE_KEY = 'role/cluster';

export function clusterRoleSpec(clusterName: string): RoleSpec {
  return {
    key: CLUSTER_ROLE_KEY,
    step: 1,
    name: roleName(clusterName, 'cluster-role'),
    service: 'eks.amazonaws.com',
    policies: ['AmazonEKSClusterPolicy'],
  };
}

/** Step 1: the IAM role the EKS control plane acts as. */
export const clusterRoleStep: Step = {
  number: 1,
  id: 'clusterRole',
  plan({ config }) {
    const calls = planRole(clusterRoleSpec(config.clusterName), config.clusterName, config.region);
    calls[0]!.why = text(
      'EKS assumes this role to manage AWS resources for the cluster.',
      'EKS はこのロールを引き受けて、クラスターのために AWS リソースを操作します。',
    );
    return { step: 1, calls, hourlyCost: 0 };
  },
  async apply(ctx) {
    await ensureRole(ctx, clusterRoleSpec(ctx.config.clusterName));
  },
  verify(ctx) {
    return verifyRole(ctx, clusterRoleSpec(ctx.config.clusterName));
  },
};
