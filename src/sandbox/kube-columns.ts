import type { KubeObject } from './kube-objects.js';

/** The columns the API server prints for workloads and events (k8s.io/kubernetes pkg/printers/internalversion). */

export interface Column {
  name: string;
  description: string;
  priority?: number;
  format?: string;
  cell(object: KubeObject, now: number, age: (ms: number) => string): string | number;
}

export const field = (o: unknown, path: string[]): any => path.reduce<any>((v, key) => (v == null ? undefined : v[key]), o);

const containers = (o: KubeObject): { name: string; image: string }[] => field(o, ['spec', 'template', 'spec', 'containers']) ?? [];
const selectorText = (selector: any): string => {
  const labels = (selector?.matchLabels ?? selector ?? {}) as Record<string, string>;
  return (
    Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',') || '<none>'
  );
};

const WIDE_TEMPLATE: Column[] = [
  {
    name: 'Containers',
    priority: 1,
    description: 'Names of each container in the template.',
    cell: (o) =>
      containers(o)
        .map((c) => c.name)
        .join(','),
  },
  {
    name: 'Images',
    priority: 1,
    description: 'Images referenced by each container in the template.',
    cell: (o) =>
      containers(o)
        .map((c) => c.image)
        .join(','),
  },
  { name: 'Selector', priority: 1, description: 'Label selector for pods.', cell: (o) => selectorText(field(o, ['spec', 'selector'])) },
];

/** What STATUS shows for a pod: Terminating, a container's waiting reason, or the phase. */
export function podStatusText(o: KubeObject): string {
  if (o.metadata.deletionTimestamp) return 'Terminating';
  const waiting = (field(o, ['status', 'containerStatuses']) ?? []).find((c: any) => c.state?.waiting)?.state.waiting.reason;
  return waiting ?? field(o, ['status', 'phase']) ?? 'Pending';
}

export function ageColumn(name: string, description: string, at: (o: KubeObject) => string | undefined): Column {
  return {
    name,
    description,
    cell: (o, now, age) => {
      const t = at(o);
      return t ? age(now - Date.parse(t)) : '<unknown>';
    },
  };
}

const AGE = ageColumn(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
  (o) => o.metadata.creationTimestamp,
);
const NAME: Column = { name: 'Name', format: 'name', description: 'Name must be unique within a namespace.', cell: (o) => o.metadata.name };

export const WORKLOAD_COLUMNS: Record<string, Column[]> = {
  Pod: [
    NAME,
    {
      name: 'Ready',
      description: 'The aggregate readiness state of this pod for accepting traffic.',
      cell: (o) => {
        const statuses = field(o, ['status', 'containerStatuses']) ?? [];
        const total = (field(o, ['spec', 'containers']) ?? []).length;
        return `${statuses.filter((c: { ready: boolean }) => c.ready).length}/${total}`;
      },
    },
    { name: 'Status', description: 'The aggregate status of the containers in this pod.', cell: podStatusText },
    {
      name: 'Restarts',
      description:
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      cell: (o) =>
        (field(o, ['status', 'containerStatuses']) ?? []).reduce((n: number, c: { restartCount: number }) => n + c.restartCount, 0),
    },
    AGE,
    {
      name: 'IP',
      priority: 1,
      description: 'The IP address the pod is reachable at.',
      cell: (o) => field(o, ['status', 'podIP']) ?? '<none>',
    },
    {
      name: 'Node',
      priority: 1,
      description: 'The node this pod is scheduled to.',
      cell: (o) => field(o, ['spec', 'nodeName']) ?? '<none>',
    },
    { name: 'Nominated Node', priority: 1, description: 'The node this pod is nominated to preempt.', cell: () => '<none>' },
    { name: 'Readiness Gates', priority: 1, description: 'The readiness gates of this pod.', cell: () => '<none>' },
  ],
  Deployment: [
    NAME,
    {
      name: 'Ready',
      description: 'Number of the pod with ready state',
      cell: (o) => `${field(o, ['status', 'readyReplicas']) ?? 0}/${field(o, ['spec', 'replicas']) ?? 1}`,
    },
    {
      name: 'Up-to-date',
      description: 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      cell: (o) => field(o, ['status', 'updatedReplicas']) ?? 0,
    },
    {
      name: 'Available',
      description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
      cell: (o) => field(o, ['status', 'availableReplicas']) ?? 0,
    },
    AGE,
    ...WIDE_TEMPLATE,
  ],
  ReplicaSet: [
    NAME,
    { name: 'Desired', description: 'Replicas is the number of desired replicas.', cell: (o) => field(o, ['spec', 'replicas']) ?? 0 },
    {
      name: 'Current',
      description: 'Replicas is the most recently observed number of replicas.',
      cell: (o) => field(o, ['status', 'replicas']) ?? 0,
    },
    {
      name: 'Ready',
      description: 'The number of ready replicas for this replica set.',
      cell: (o) => field(o, ['status', 'readyReplicas']) ?? 0,
    },
    AGE,
    ...WIDE_TEMPLATE,
  ],
  DaemonSet: [
    NAME,
    {
      name: 'Desired',
      description: 'The total number of nodes that should be running the daemon pod.',
      cell: (o) => field(o, ['status', 'desiredNumberScheduled']) ?? 0,
    },
    {
      name: 'Current',
      description: 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
      cell: (o) => field(o, ['status', 'currentNumberScheduled']) ?? 0,
    },
    {
      name: 'Ready',
      description: 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
      cell: (o) => field(o, ['status', 'numberReady']) ?? 0,
    },
    {
      name: 'Up-to-date',
      description: 'The total number of nodes that are running updated daemon pod',
      cell: (o) => field(o, ['status', 'updatedNumberScheduled']) ?? 0,
    },
    {
      name: 'Available',
      description:
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
      cell: (o) => field(o, ['status', 'numberAvailable']) ?? 0,
    },
    {
      name: 'Node Selector',
      description: 'NodeSelector is a selector which must be true for the pod to fit on a node.',
      cell: (o) => selectorText(field(o, ['spec', 'template', 'spec', 'nodeSelector'])),
    },
    AGE,
    ...WIDE_TEMPLATE,
  ],
  Event: [
    ageColumn('Last Seen', 'The time at which the most recent occurrence of this event was recorded.', (o) => o.lastTimestamp as string),
    { name: 'Type', description: 'Type of this event (Normal, Warning).', cell: (o) => String(o.type) },
    {
      name: 'Reason',
      description:
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      cell: (o) => String(o.reason),
    },
    {
      name: 'Object',
      description: 'The object that this event is about.',
      cell: (o) => `${String(field(o, ['involvedObject', 'kind'])).toLowerCase()}/${field(o, ['involvedObject', 'name'])}`,
    },
    {
      name: 'Source',
      priority: 1,
      description: 'The component reporting this event.',
      cell: (o) => field(o, ['source', 'component']) ?? '',
    },
    { name: 'Message', description: 'A human-readable description of the status of this operation.', cell: (o) => String(o.message) },
    { ...ageColumn('First Seen', 'The time at which the event was first recorded.', (o) => o.firstTimestamp as string), priority: 1 },
    { name: 'Count', priority: 1, description: 'The number of times this event has occurred.', cell: (o) => Number(o.count ?? 1) },
    { name: 'Name', priority: 1, description: 'Name must be unique within a namespace.', cell: (o) => o.metadata.name },
  ],
  Endpoints: [
    NAME,
    {
      name: 'Endpoints',
      description: 'Endpoints is the list of endpoints in the service.',
      cell: (o) => {
        const list = ((o.subsets as any[] | undefined) ?? []).flatMap((s) =>
          ((s.addresses ?? []) as { ip: string }[]).flatMap((a) => ((s.ports ?? []) as { port: number }[]).map((p) => `${a.ip}:${p.port}`)),
        );
        return list.length === 0
          ? '<none>'
          : list.length > 3
            ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...`
            : list.join(',');
      },
    },
    AGE,
  ],
};
