import { field, WORKLOAD_COLUMNS, type Column } from './kube-columns.js';
import type { KubeObject } from './kube-objects.js';

/**
 * Server-side printing: kubectl asks for `application/json;as=Table;v=v1;g=meta.k8s.io`
 * and prints the cells it gets, so the columns here are what `kubectl get` shows.
 */

/** How Kubernetes prints an age (k8s.io/apimachinery duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${Math.floor(days / 365)}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

const NAME: Column = {
  name: 'Name',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  cell: (o) => o.metadata.name,
};
const AGE: Column = {
  name: 'Age',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (o, now) => humanDuration(now - Date.parse(o.metadata.creationTimestamp)),
};

const COLUMNS: Record<string, Column[]> = {
  ...WORKLOAD_COLUMNS,
  Node: [
    NAME,
    {
      name: 'Status',
      description: 'The status of the node',
      cell: (o) => {
        const ready = (field(o, ['status', 'conditions']) ?? []).find((c: { type: string }) => c.type === 'Ready');
        const status = ready?.status === 'True' ? 'Ready' : 'NotReady';
        return field(o, ['spec', 'unschedulable']) ? `${status},SchedulingDisabled` : status;
      },
    },
    {
      name: 'Roles',
      description: 'The roles of the node',
      cell: (o) => {
        const roles = Object.keys((o.metadata.labels as Record<string, string> | undefined) ?? {})
          .filter((l) => l.startsWith('node-role.kubernetes.io/'))
          .map((l) => l.slice('node-role.kubernetes.io/'.length));
        return roles.length > 0 ? roles.sort().join(',') : '<none>';
      },
    },
    AGE,
    {
      name: 'Version',
      description: 'Kubelet Version reported by the node.',
      cell: (o) => field(o, ['status', 'nodeInfo', 'kubeletVersion']),
    },
    {
      name: 'Internal-IP',
      priority: 1,
      description: 'List of addresses reachable to the node. Queried from cloud provider, if available.',
      cell: (o) => (field(o, ['status', 'addresses']) ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '<none>',
    },
    {
      name: 'External-IP',
      priority: 1,
      description: 'List of addresses reachable to the node. Queried from cloud provider, if available.',
      cell: (o) => (field(o, ['status', 'addresses']) ?? []).find((a: { type: string }) => a.type === 'ExternalIP')?.address ?? '<none>',
    },
    {
      name: 'OS-Image',
      priority: 1,
      description: 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
      cell: (o) => field(o, ['status', 'nodeInfo', 'osImage']),
    },
    {
      name: 'Kernel-Version',
      priority: 1,
      description: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      cell: (o) => field(o, ['status', 'nodeInfo', 'kernelVersion']),
    },
    {
      name: 'Container-Runtime',
      priority: 1,
      description: 'Container runtime version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      cell: (o) => field(o, ['status', 'nodeInfo', 'containerRuntimeVersion']),
    },
  ],
  Service: [
    NAME,
    { name: 'Type', description: 'type determines how the Service is exposed.', cell: (o) => field(o, ['spec', 'type']) },
    { name: 'Cluster-IP', description: 'clusterIP is the IP address of the service.', cell: (o) => field(o, ['spec', 'clusterIP']) },
    {
      name: 'External-IP',
      description: 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
      cell: (o) => {
        const ingress = ((field(o, ['status', 'loadBalancer', 'ingress']) ?? []) as { ip?: string; hostname?: string }[]).map(
          (i) => i.ip ?? i.hostname,
        );
        const external = [...((field(o, ['spec', 'externalIPs']) ?? []) as string[]), ...ingress];
        if (external.length > 0) return external.join(',');
        return field(o, ['spec', 'type']) === 'LoadBalancer' ? '<pending>' : '<none>';
      },
    },
    {
      name: 'Port(s)',
      description: 'The list of ports that are exposed by this service.',
      cell: (o) =>
        (field(o, ['spec', 'ports']) ?? [])
          .map((p: { port: number; protocol: string; nodePort?: number }) =>
            p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`,
          )
          .join(',') || '<none>',
    },
    AGE,
    {
      name: 'Selector',
      priority: 1,
      description: 'Route service traffic to pods with label keys and values matching this selector.',
      cell: (o) =>
        Object.entries((field(o, ['spec', 'selector']) as Record<string, string> | undefined) ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    },
  ],
  Namespace: [NAME, { name: 'Status', description: 'The status of the namespace', cell: (o) => field(o, ['status', 'phase']) }, AGE],
};

/** `includeObject`: None, Metadata (the default) or Object. */
export function toTable(kind: string, objects: KubeObject[], now: number, includeObject: string | null): Record<string, unknown> {
  const columns = COLUMNS[kind] ?? [NAME, AGE];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: listResourceVersion(objects) },
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.name === 'Restarts' || c.name === 'Count' ? 'integer' : 'string',
      format: c.format ?? '',
      description: c.description,
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o, now, humanDuration)),
      ...(includeObject === 'None'
        ? {}
        : {
            object: includeObject === 'Object' ? o : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
          }),
    })),
  };
}

export function toList(kind: string, objects: KubeObject[]): Record<string, unknown> {
  return { kind: `${kind}List`, apiVersion: 'v1', metadata: { resourceVersion: listResourceVersion(objects) }, items: objects };
}

function listResourceVersion(objects: KubeObject[]): string {
  return String(objects.reduce((max, o) => Math.max(max, Number(o.metadata.resourceVersion) || 0), 1));
}

export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}
