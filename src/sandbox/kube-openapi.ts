import { RESOURCES } from './kube-resources.js';

/**
 * Just enough OpenAPI v3 for kubectl: before `apply` or `create -f` it checks
 * that the server validates fields itself (a `fieldValidation` parameter on
 * the PATCH operation of the object's kind) and then leaves validation to the
 * server instead of downloading the whole schema.
 */

const groupVersions = (): string[] => [...new Set(RESOURCES.map((r) => (r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`)))];

export function openApiRoot(): Record<string, unknown> {
  return {
    paths: Object.fromEntries(
      groupVersions().map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${gv.replace(/\W/g, '').toUpperCase()}` }]),
    ),
  };
}

export function openApiGroupVersion(group: string, version: string): Record<string, unknown> | undefined {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const paths: Record<string, unknown> = {};
  for (const r of resources) {
    const path = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.name}/{name}` : `${prefix}/${r.name}/{name}`;
    paths[path] = {
      patch: {
        operationId: `patch${r.namespaced ? 'Namespaced' : ''}${r.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version, kind: r.kind },
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
        })),
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1' }, paths, components: { schemas: {} } };
}
