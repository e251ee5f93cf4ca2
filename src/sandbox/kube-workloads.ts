import type { KubeObject, NodeFacts } from './kube-objects.js';
import type { PodPlan } from './kube-pods.js';
import type { ClusterStore, ReplicaRecord } from './kube-store.js';
import { nameSuffix, timestamp, uid } from './kube-util.js';

/**
 * The Deployment and DaemonSet controllers: a Deployment owns one ReplicaSet
 * per pod template (named after the template's hash), which owns the pods; a
 * DaemonSet owns one pod per node. Their status counts the pods that run.
 */

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, any> };

export function templateHash(template: unknown): string {
  return nameSuffix(`template ${JSON.stringify(template)}`, 10);
}

/** The record of a Deployment's pods, made or brought up to date (new template: new pods; scaled: pods added or removed). */
export function replicaRecord(cluster: ClusterStore, deployment: KubeObject, now: number, since: number = now): ReplicaRecord {
  const spec = deployment.spec as { replicas?: number; template?: Template };
  const hashNow = templateHash(spec.template);
  const replicas = Number(spec.replicas ?? 1);
  let record = cluster.replicas[deployment.metadata.uid];
  // A new template (or a Deployment seen for the first time) starts a new ReplicaSet; scaling up adds pods made now.
  const fresh = !record || record.templateHash !== hashNow;
  if (fresh) {
    record = { templateHash: hashNow, since: record ? now : since, pods: [], nextSeq: 0 };
    cluster.replicas[deployment.metadata.uid] = record;
  }
  const current = record!;
  while (current.pods.length < replicas) current.pods.push({ seq: current.nextSeq++, createdAt: fresh ? current.since : now });
  record = current;
  if (record.pods.length > replicas) record.pods.length = replicas;
  return record;
}

/** Replaces one pod of a Deployment, as its ReplicaSet does when the pod is deleted. */
export function replacePod(record: ReplicaRecord, rsName: string, podName: string, now: number): boolean {
  const index = record.pods.findIndex((p) => podNameOf(rsName, p.seq) === podName);
  if (index < 0) return false;
  record.pods[index] = { seq: record.nextSeq++, createdAt: now };
  return true;
}

const podNameOf = (rsName: string, seq: number) => `${rsName}-${nameSuffix(`${rsName} ${seq}`, 5)}`;
const owner = (o: KubeObject) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid });

export interface Workload {
  replicaSet: KubeObject;
  plans: PodPlan[];
}

export function deploymentWorkload(deployment: KubeObject, record: ReplicaRecord): Workload {
  const spec = deployment.spec as { replicas?: number; template?: Template; selector?: unknown };
  const name = `${deployment.metadata.name}-${record.templateHash}`;
  const labels = { ...(spec.template?.metadata?.labels ?? {}), 'pod-template-hash': record.templateHash };
  const replicaSet: KubeObject = {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: {
      name,
      namespace: deployment.metadata.namespace,
      uid: uid(`rs ${deployment.metadata.uid} ${record.templateHash}`),
      resourceVersion: deployment.metadata.resourceVersion,
      generation: 1,
      creationTimestamp: timestamp(record.since),
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(spec.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String(Math.ceil(Number(spec.replicas ?? 1) * 1.25)),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [{ ...owner(deployment), controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas: spec.replicas ?? 1,
      selector: {
        matchLabels: {
          ...((spec.selector as { matchLabels?: Record<string, string> })?.matchLabels ?? {}),
          'pod-template-hash': record.templateHash,
        },
      },
      template: { ...spec.template, metadata: { ...spec.template?.metadata, labels } },
    },
  };
  const plans = record.pods.map((p) => ({
    name: podNameOf(name, p.seq),
    namespace: deployment.metadata.namespace ?? 'default',
    createdAt: p.createdAt,
    labels,
    annotations: spec.template?.metadata?.annotations,
    spec: spec.template?.spec ?? {},
    owner: owner(replicaSet),
  }));
  return { replicaSet, plans };
}

export function daemonSetPlans(daemonSet: KubeObject, nodes: NodeFacts[]): PodPlan[] {
  const template = (daemonSet.spec as { template: Template }).template;
  const revision = nameSuffix(`revision ${daemonSet.metadata.uid} ${JSON.stringify(template)}`, 10);
  return nodes.map((node) => ({
    name: `${daemonSet.metadata.name}-${nameSuffix(`${daemonSet.metadata.uid} ${node.name}`, 5)}`,
    namespace: daemonSet.metadata.namespace ?? 'kube-system',
    createdAt: node.readySince,
    labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': revision, 'pod-template-generation': '1' },
    spec: {
      ...template.spec,
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.name] }] }],
          },
        },
      },
    },
    owner: owner(daemonSet),
    node,
  }));
}

const isReady = (pod: KubeObject) => (pod.status as { phase?: string }).phase === 'Running';
const ownedBy = (pods: KubeObject[], object: KubeObject) =>
  pods.filter((p) => ((p.metadata.ownerReferences as { uid: string }[] | undefined) ?? []).some((o) => o.uid === object.metadata.uid));

export function withReplicaSetStatus(rs: KubeObject, pods: KubeObject[]): KubeObject {
  const mine = ownedBy(pods, rs);
  const ready = mine.filter(isReady).length;
  return {
    ...rs,
    status: {
      replicas: mine.length,
      fullyLabeledReplicas: mine.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: 1,
    },
  };
}

export function withDeploymentStatus(deployment: KubeObject, rs: KubeObject, pods: KubeObject[], now: number): KubeObject {
  const mine = ownedBy(pods, rs);
  const ready = mine.filter(isReady).length;
  const wanted = Number((deployment.spec as { replicas?: number }).replicas ?? 1);
  const at = timestamp(now);
  const since = deployment.metadata.creationTimestamp;
  return {
    ...deployment,
    status: {
      observedGeneration: deployment.metadata.generation ?? 1,
      replicas: mine.length,
      updatedReplicas: mine.length,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < wanted ? { unavailableReplicas: wanted - ready } : {}),
      conditions: [
        ready >= wanted
          ? {
              type: 'Available',
              status: 'True',
              lastUpdateTime: at,
              lastTransitionTime: at,
              reason: 'MinimumReplicasAvailable',
              message: 'Deployment has minimum availability.',
            }
          : {
              type: 'Available',
              status: 'False',
              lastUpdateTime: since,
              lastTransitionTime: since,
              reason: 'MinimumReplicasUnavailable',
              message: 'Deployment does not have minimum availability.',
            },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: since,
          lastTransitionTime: since,
          reason: ready >= wanted ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
          message:
            ready >= wanted
              ? `ReplicaSet "${rs.metadata.name}" has successfully progressed.`
              : `ReplicaSet "${rs.metadata.name}" is progressing.`,
        },
      ],
    },
  };
}

export function withDaemonSetStatus(daemonSet: KubeObject, nodes: NodeFacts[], pods: KubeObject[]): KubeObject {
  const mine = ownedBy(pods, daemonSet);
  const ready = mine.filter(isReady).length;
  return {
    ...daemonSet,
    status: {
      currentNumberScheduled: nodes.length,
      desiredNumberScheduled: nodes.length,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready,
      ...(ready < nodes.length ? { numberUnavailable: nodes.length - ready } : {}),
      updatedNumberScheduled: nodes.length,
      observedGeneration: 1,
    },
  };
}

/** A pod made directly (`kubectl run`, or a Pod manifest) is planned as it was written. */
export function barePodPlan(pod: KubeObject): PodPlan {
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    createdAt: Date.parse(pod.metadata.creationTimestamp),
    labels: (pod.metadata.labels as Record<string, string> | undefined) ?? {},
    annotations: pod.metadata.annotations as Record<string, string> | undefined,
    spec: (pod.spec as Record<string, any>) ?? {},
    uid: pod.metadata.uid,
  };
}
