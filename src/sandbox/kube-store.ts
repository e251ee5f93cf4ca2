import type { KubeObject } from './kube-objects.js';
import { timestamp, uid } from './kube-util.js';

/**
 * What learners make in a sandbox cluster (Deployments, Services, Pods,
 * Namespaces), the controllers' bookkeeping and the events they report. A
 * plain JSON object, so it can be saved and loaded as it is.
 */
export interface KubeStore {
  clusters: Record<string, ClusterStore>;
}

export interface ClusterStore {
  /** The cluster these objects belong to; a cluster made again under the same name starts empty. */
  incarnation: string;
  /** When the sandbox saw the cluster made (its Memory's clock), which a restart does not change, unlike moto's createdAt. */
  clusterCreatedAt?: number | undefined;
  resourceVersion: number;
  objects: KubeObject[];
  /** Per Deployment uid: its current ReplicaSet and when each of its pods was made. */
  replicas: Record<string, ReplicaRecord>;
  events: KubeObject[];
  /** Per Service uid: the load balancer the cloud provider made for it. */
  loadBalancers: Record<string, LoadBalancerRecord>;
}

export interface ReplicaRecord {
  templateHash: string;
  since: number;
  pods: { seq: number; createdAt: number }[];
  nextSeq: number;
}

export interface LoadBalancerRecord {
  name: string;
  type: 'classic' | 'nlb';
  namespace: string;
  service: string;
  internal: boolean;
  dnsName?: string | undefined;
  arn?: string | undefined;
  securityGroupId?: string | undefined;
  /** When the controller last tried and failed (sandbox clock), to retry as it backs off. */
  failedAt?: number | undefined;
}

export function emptyStore(): KubeStore {
  return { clusters: {} };
}

export function clusterStore(store: KubeStore, region: string, name: string, incarnation: string): ClusterStore {
  const key = `${region}/${name}`;
  let cluster = store.clusters[key];
  if (!cluster || cluster.incarnation !== incarnation) {
    cluster = { incarnation, resourceVersion: 5000, objects: [], replicas: {}, events: [], loadBalancers: {} };
    store.clusters[key] = cluster;
  }
  return cluster;
}

export function nextVersion(cluster: ClusterStore): string {
  cluster.resourceVersion += 1;
  return String(cluster.resourceVersion);
}

export function findObject(cluster: ClusterStore, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
  return cluster.objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);
}

export function removeObject(cluster: ClusterStore, object: KubeObject): void {
  cluster.objects = cluster.objects.filter((o) => o.metadata.uid !== object.metadata.uid);
  delete cluster.replicas[object.metadata.uid];
  cluster.events = cluster.events.filter((e) => (e.involvedObject as { uid?: string } | undefined)?.uid !== object.metadata.uid);
}

/** Records an event as a controller does: the same reason and message again counts up instead of adding one. */
export function recordEvent(
  cluster: ClusterStore,
  object: KubeObject,
  event: { type: 'Normal' | 'Warning'; reason: string; message: string; component: string },
  now: number,
): void {
  const involvedUid = object.metadata.uid;
  const same = cluster.events.find(
    (e) => (e.involvedObject as { uid: string }).uid === involvedUid && e.reason === event.reason && e.message === event.message,
  );
  if (same) {
    same.count = Number(same.count ?? 1) + 1;
    same.lastTimestamp = timestamp(now);
    same.metadata.resourceVersion = nextVersion(cluster);
    return;
  }
  const name = `${object.metadata.name}.${(now * 1000 + cluster.events.length).toString(16).slice(-16)}`;
  cluster.events.push({
    kind: 'Event',
    apiVersion: 'v1',
    metadata: {
      name,
      namespace: object.metadata.namespace ?? 'default',
      uid: uid(`event ${involvedUid} ${name}`),
      resourceVersion: nextVersion(cluster),
      creationTimestamp: timestamp(now),
    },
    involvedObject: {
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      uid: involvedUid,
      apiVersion: object.apiVersion,
      resourceVersion: object.metadata.resourceVersion,
    },
    reason: event.reason,
    message: event.message,
    source: { component: event.component },
    firstTimestamp: timestamp(now),
    lastTimestamp: timestamp(now),
    count: 1,
    type: event.type,
    eventTime: null,
    reportingComponent: event.component,
    reportingInstance: '',
  });
}
