import type { ClusterPicture } from './kube-objects.js';
import { findResource } from './kube-resources.js';
import { statusBody, type Answer } from './kube-writes.js';

/**
 * EKS's authorizer for access entries: the caller's IAM principal needs an
 * access entry (none: 401, as if the token were bad), and one of its access
 * policies must allow the request in its scope (none does: 403 with
 * Kubernetes' RBAC message). Discovery is open to anyone with an entry.
 * kubernetesGroups would need RBAC bindings the sandbox does not have, so
 * they grant nothing here.
 */

export interface AccessPicture {
  /** The cluster's authentication mode; with CONFIG_MAP, or for a cluster made before the sandbox knew, the creator is admin. */
  mode: string;
  principalArn: string;
  /** Whether the caller signs with the sandbox's own keys (the cluster's creator); with CONFIG_MAP only the creator gets in, as aws-auth is not served. */
  creator?: boolean | undefined;
  entry?:
    { username: string; policies: { policyArn: string; accessScope: { type: string; namespaces?: string[] | undefined } }[] } | undefined;
}

const POLICY = 'arn:aws:eks::aws:cluster-access-policy/';
const READ = ['get', 'list', 'watch'];
/** What each policy lets its holder do (EKS maps them to cluster-admin, admin, edit and view). */
const ALLOWS: Record<string, (verb: string, resource: string) => boolean> = {
  AmazonEKSClusterAdminPolicy: () => true,
  AmazonEKSAdminPolicy: (_verb, resource) => resource !== 'nodes' || READ.includes(_verb),
  AmazonEKSEditPolicy: (verb, resource) => READ.includes(verb) || !['nodes', 'namespaces'].includes(resource),
  AmazonEKSViewPolicy: (verb) => READ.includes(verb),
};

export const UNAUTHORIZED_BODY = statusBody(401, 'Unauthorized', 'Unauthorized');

export function verbOf(method: string, params: Record<string, string>, query: URLSearchParams): string {
  if (method === 'GET')
    return params.name !== undefined ? 'get' : query.get('watch') === 'true' || query.get('watch') === '1' ? 'watch' : 'list';
  return (
    { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: params.name !== undefined ? 'delete' : 'deletecollection' }[method] ??
    method.toLowerCase()
  );
}

/** Whether the caller may use the API at all: undefined when yes, the 401 when it has no access entry. */
export function authenticate(picture: ClusterPicture): Answer | undefined {
  const access = picture.access;
  if (!access || access.entry || (access.mode === 'CONFIG_MAP' && access.creator !== false)) return undefined;
  return { code: 401, body: UNAUTHORIZED_BODY };
}

/** Whether the caller's access policies allow this request to a resource: undefined when yes, the 403 when not. */
export function authorize(
  picture: ClusterPicture,
  method: string,
  params: Record<string, string>,
  query: URLSearchParams,
): Answer | undefined {
  const access = picture.access;
  if (!access?.entry || (access.mode === 'CONFIG_MAP' && access.creator !== false) || params.resource === undefined) return undefined;
  const group = params.group ?? '';
  const resource = params.resource;
  const verb = verbOf(method, params, query);
  const namespace = params.namespace ?? (resource === 'namespaces' ? params.name : undefined);
  const allowed = access.entry.policies.some((p) => {
    const rule = ALLOWS[p.policyArn.startsWith(POLICY) ? p.policyArn.slice(POLICY.length) : ''];
    if (!rule || !rule(verb, resource)) return false;
    if (p.accessScope.type !== 'namespace') return true;
    const namespaced = findResource(group, params.version ?? 'v1', resource)?.namespaced ?? true;
    return (
      namespaced &&
      namespace !== undefined &&
      (p.accessScope.namespaces ?? []).some((n) => n === namespace || (n.endsWith('*') && namespace.startsWith(n.slice(0, -1))))
    );
  });
  if (allowed) return undefined;
  const qualified = group ? `${resource}.${group}` : resource;
  const where = params.namespace !== undefined ? `in the namespace "${params.namespace}"` : 'at the cluster scope';
  const message = `${qualified}${params.name !== undefined ? ` "${params.name}"` : ''} is forbidden: User "${access.entry.username}" cannot ${verb} resource "${resource}" in API group "${group}" ${where}`;
  return {
    code: 403,
    body: statusBody(403, 'Forbidden', message, {
      ...(params.name !== undefined ? { name: params.name } : {}),
      ...(group ? { group } : {}),
      kind: resource,
    }),
  };
}
