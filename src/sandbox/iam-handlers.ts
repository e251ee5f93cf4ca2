import type { EksView } from './eks-view.js';
import { ec2Params } from './ec2-handlers.js';
import type { Handler } from './proxy-types.js';
import { forward } from './proxy-types.js';
import { rememberAccessKey } from './issued-credentials.js';

/** IAM calls after which AWS takes seconds to let other services see the role as it now is. */
const CHANGES: Record<string, 'trust' | 'policies'> = {
  CreateRole: 'trust',
  UpdateAssumeRolePolicy: 'trust',
  AttachRolePolicy: 'policies',
  PutRolePolicy: 'policies',
};

/**
 * IAM (Query protocol): every call goes to moto as it came; the sandbox only
 * notes when a role's trust or policies changed, so EKS can refuse to see the
 * change for a few seconds (iam-propagation, answered in eks-iam.ts).
 */
export function iamHandler(view: EksView): Handler {
  return async (request) => {
    const params = ec2Params(request);
    if (params.get('Action') === 'CreateAccessKey') return rememberAccessKey(view, request);
    const what = CHANGES[params.get('Action') ?? ''];
    const roleName = params.get('RoleName');
    if (!what || !roleName) return undefined;
    const answer = await forward(view.moto, request);
    if (answer.status === 200) view.memory.roleChanged(request.scope.accessKeyId, roleName, what, view.timeline.now());
    return answer;
  };
}
