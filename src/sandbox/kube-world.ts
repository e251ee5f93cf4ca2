import { podEvents } from './kube-events.js';
import { namespacesOf, nodeFactsOf, nodesOf, servicesOf, type ClusterPicture, type KubeObject } from './kube-objects.js';
import { schedulePods, type PodPlan } from './kube-pods.js';
import type { ClusterStore } from './kube-store.js';
import { systemDaemonSets, systemDeployments } from './kube-system.js';
import { timestamp, uid } from './kube-util.js';
import {
  barePodPlan,
  daemonSetPlans,
  deploymentWorkload,
  replicaRecord,
  withDaemonSetStatus,
  withDeploymentStatus,
  withReplicaSetStatus,
} from './kube-workloads.js';

/** Every object of a cluster at one moment, by resource (plural name, as in the URL). */
export type World = Record<string, KubeObject[]>;

const ofKind = (objects: KubeObject[], kind: string) => objects.filter((o) => o.kind === kind);
const byCreation = (a: KubeObject, b: KubeObject) =>
  a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name);

/**
 * What the API shows: the objects EKS makes (nodes, kube-system), what the
 * learner made (kept in the store), and what the controllers derive from them
 * (ReplicaSets, pods, endpoints) at `now` on the sandbox's clock.
 */
export function worldOf(picture: ClusterPicture, cluster: ClusterStore, now: number, timeScale: number): World {
  const nodes = nodeFactsOf(picture);
  const stored = [...cluster.objects].sort(byCreation);
  const daemonSets = systemDaemonSets(picture);
  const deployments = [...systemDeployments(picture), ...ofKind(stored, 'Deployment')];
  const workloads = deployments.map((d) => {
    const since = d.metadata.namespace === 'kube-system' ? picture.readySince : Date.parse(d.metadata.creationTimestamp);
    return { deployment: d, ...deploymentWorkload(d, replicaRecord(cluster, d, now, since)) };
  });
  const plans: PodPlan[] = [
    ...daemonSets.flatMap((ds) => daemonSetPlans(ds, nodes)),
    ...workloads.flatMap((w) => w.plans),
    ...ofKind(stored, 'Pod').map(barePodPlan),
  ];
  const pods = schedulePods(picture, nodes, plans, now, timeScale);
  const services = [...servicesOf(picture), ...ofKind(stored, 'Service')];
  const endpoints = services.map((s) => endpointsOf(s, pods));
  return {
    namespaces: [...namespacesOf(picture), ...ofKind(stored, 'Namespace')],
    nodes: nodesOf(picture),
    // Each kubelet renews its node's lease every few seconds.
    leases: nodes.map((n) => ({
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: {
        name: n.name,
        namespace: 'kube-node-lease',
        uid: uid(`lease ${n.name}`),
        resourceVersion: '400',
        creationTimestamp: timestamp(n.readySince),
      },
      spec: {
        holderIdentity: n.name,
        leaseDurationSeconds: 40,
        renewTime: new Date(Math.max(n.readySince, now - 5_000)).toISOString().replace('Z', '000Z'),
      },
    })),
    services,
    pods,
    endpoints,
    endpointslices: endpoints.map(sliceOf),
    // Only for pods the learner made: kube-system's are long settled.
    events: [...cluster.events, ...pods.filter((p) => p.metadata.namespace !== 'kube-system').flatMap(podEvents)],
    deployments: workloads.map((w) => withDeploymentStatus(w.deployment, w.replicaSet, pods, now)),
    replicasets: workloads.map((w) => withReplicaSetStatus(w.replicaSet, pods)),
    daemonsets: daemonSets.map((ds) => withDaemonSetStatus(ds, nodes, pods)),
  };
}

function matches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** The endpoints controller: a Service's selector picks the running pods' addresses. */
function endpointsOf(service: KubeObject, pods: KubeObject[]): KubeObject {
  const spec = service.spec as {
    selector?: Record<string, string>;
    ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string }[];
  };
  const { annotations: _annotations, ...metadata } = service.metadata;
  if (!spec.selector) return { kind: 'Endpoints', apiVersion: 'v1', metadata };
  const chosen = pods.filter(
    (p) => p.metadata.namespace === service.metadata.namespace && matches(spec.selector!, p.metadata.labels as Record<string, string>),
  );
  const address = (p: KubeObject) => ({
    ip: (p.status as { podIP?: string }).podIP,
    nodeName: (p.spec as { nodeName?: string }).nodeName,
    targetRef: { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
  });
  const ready = chosen.filter(
    (p) => (p.status as { podIP?: string; phase?: string }).phase === 'Running' && (p.status as { podIP?: string }).podIP,
  );
  const notReady = chosen.filter((p) => (p.spec as { nodeName?: string }).nodeName && !ready.includes(p));
  const ports = (spec.ports ?? []).map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
    protocol: p.protocol ?? 'TCP',
  }));
  return {
    kind: 'Endpoints',
    apiVersion: 'v1',
    metadata: {
      ...metadata,
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': timestamp(Date.parse(service.metadata.creationTimestamp)) },
    },
    ...(chosen.length > 0
      ? {
          subsets: [
            {
              ...(ready.length ? { addresses: ready.map(address) } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady.map(address) } : {}),
              ports,
            },
          ],
        }
      : {}),
  };
}

/** The same addresses as an EndpointSlice (what `kubectl describe service` reads). */
function sliceOf(endpoints: KubeObject): KubeObject {
  const subsets = (endpoints.subsets ?? []) as { addresses?: any[]; notReadyAddresses?: any[]; ports?: unknown[] }[];
  const entry = (a: any, ready: boolean) => ({
    addresses: [a.ip ?? ''],
    conditions: { ready, serving: ready, terminating: false },
    nodeName: a.nodeName,
    targetRef: a.targetRef,
  });
  return {
    kind: 'EndpointSlice',
    apiVersion: 'discovery.k8s.io/v1',
    metadata: {
      ...endpoints.metadata,
      name: `${endpoints.metadata.name}-${endpoints.metadata.uid.slice(0, 5)}`,
      uid: `${endpoints.metadata.uid.slice(0, -5)}slice`,
      labels: {
        'kubernetes.io/service-name': endpoints.metadata.name,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    },
    addressType: 'IPv4',
    endpoints: subsets.flatMap((s) => [
      ...(s.addresses ?? []).map((a) => entry(a, true)),
      ...(s.notReadyAddresses ?? []).map((a) => entry(a, false)),
    ]),
    ports: subsets[0]?.ports ?? [],
  };
}
