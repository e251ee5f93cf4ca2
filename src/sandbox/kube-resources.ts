/** The resources the sandbox's API serves, and the discovery documents kubectl reads to find them. */

export interface ResourceType {
  /** '' for the core group (`/api/v1`). */
  group: string;
  version: string;
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories?: string[] | undefined;
  /** Learners may create, change and delete these. */
  writable: boolean;
}

const core = (name: string, kind: string, namespaced: boolean, shortNames: string[], writable: boolean, all = false): ResourceType => ({
  group: '',
  version: 'v1',
  name,
  // `endpoints` is its own singular.
  singularName: kind === 'Endpoints' ? 'endpoints' : kind.toLowerCase(),
  kind,
  namespaced,
  shortNames,
  writable,
  ...(all ? { categories: ['all'] } : {}),
});
const apps = (name: string, kind: string, shortNames: string[], writable: boolean): ResourceType => ({
  group: 'apps',
  version: 'v1',
  name,
  singularName: kind.toLowerCase(),
  kind,
  namespaced: true,
  shortNames,
  writable,
  categories: ['all'],
});

export const RESOURCES: ResourceType[] = [
  core('namespaces', 'Namespace', false, ['ns'], true),
  core('nodes', 'Node', false, ['no'], false),
  core('services', 'Service', true, ['svc'], true, true),
  core('pods', 'Pod', true, ['po'], true, true),
  core('endpoints', 'Endpoints', true, ['ep'], false),
  core('events', 'Event', true, ['ev'], false),
  apps('deployments', 'Deployment', ['deploy'], true),
  apps('replicasets', 'ReplicaSet', ['rs'], false),
  apps('daemonsets', 'DaemonSet', ['ds'], false),
  { ...apps('endpointslices', 'EndpointSlice', [], false), group: 'discovery.k8s.io', categories: undefined },
  { ...apps('leases', 'Lease', [], false), group: 'coordination.k8s.io', categories: undefined },
];

export function findResource(group: string, version: string, name: string | undefined): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.name === name);
}

/** `deployments.apps` or `pods`: how Kubernetes names a resource in its messages. */
export const qualifiedName = (r: ResourceType): string => (r.group ? `${r.name}.${r.group}` : r.name);

const READ_VERBS = ['get', 'list', 'watch'];
const WRITE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function resourceList(group: string, version: string): Record<string, unknown> | undefined {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resources.map((r) => ({
      name: r.name,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.writable ? WRITE_VERBS : READ_VERBS,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    })),
  };
}

export function groupList(): Record<string, unknown> {
  const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => r.group))];
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupOf) };
}

export function groupOf(group: string): Record<string, unknown> {
  const gv = { groupVersion: `${group}/v1`, version: 'v1' };
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: [gv], preferredVersion: gv };
}
