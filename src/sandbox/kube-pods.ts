import type { ClusterPicture, KubeObject, NodeFacts } from './kube-objects.js';
import { hash, pickAddress, timestamp, uid } from './kube-util.js';

/**
 * Pods as the scheduler, the kubelet and the VPC CNI make them: each pod goes to
 * a node with room (a node holds as many pods as its ENIs have secondary
 * addresses, plus the two on the host network), waits Pending, then
 * ContainerCreating while the image is pulled, then runs. A pod on the host
 * network has the node's address; any other pod gets a secondary address of
 * the node's ENI, so its IP is in the node's subnet.
 */

/** Real durations; the sandbox's time scale shortens them like everything else. */
export const POD_TIMES_MS = { schedule: 1_000, start: 8_000 } as const;

export interface PodPlan {
  name: string;
  namespace: string;
  createdAt: number;
  labels: Record<string, string>;
  annotations?: Record<string, string> | undefined;
  spec: Record<string, any>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string } | undefined;
  /** A DaemonSet's pod belongs to one node. */
  node?: NodeFacts | undefined;
  uid?: string | undefined;
}

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

export function defaultContainer(container: Record<string, any>): Record<string, any> {
  const image = String(container.image ?? '');
  const tag = image.includes('@') ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? 'latest');
  return {
    imagePullPolicy: tag === 'latest' ? 'Always' : 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...container,
  };
}

export function defaultPodSpec(spec: Record<string, any>): Record<string, any> {
  return {
    dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccountName: 'default',
    serviceAccount: spec.serviceAccountName ?? 'default',
    terminationGracePeriodSeconds: 30,
    ...spec,
    containers: ((spec.containers ?? []) as Record<string, any>[]).map(defaultContainer),
  };
}

function podStatus(
  plan: PodPlan,
  node: NodeFacts | undefined,
  ip: string | undefined,
  now: number,
  timeScale: number,
  unschedulable: string,
) {
  const containers = (plan.spec.containers ?? []) as { name: string; image: string }[];
  const created = timestamp(plan.createdAt);
  if (!node) {
    return {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: created,
          reason: 'Unschedulable',
          message: unschedulable,
        },
      ],
      qosClass: 'BestEffort',
    };
  }
  const scheduledAt = Math.max(plan.createdAt, node.readySince) + POD_TIMES_MS.schedule * timeScale;
  const runningAt = scheduledAt + POD_TIMES_MS.start * timeScale;
  const host = { hostIP: node.ip, hostIPs: [{ ip: node.ip }] };
  if (now < scheduledAt) return { phase: 'Pending', qosClass: 'BestEffort' };
  const condition = (type: string, status: boolean, at: number) => ({
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: timestamp(at),
  });
  const running = now >= runningAt;
  const containerStatuses = containers.map((c) => ({
    name: c.name,
    image: c.image,
    imageID: running ? `${c.image.split(':')[0]}@sha256:${hash(`image ${c.image}`).toString('hex')}` : '',
    ready: running,
    started: running,
    restartCount: 0,
    state: running ? { running: { startedAt: timestamp(runningAt) } } : { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
    ...(running ? { containerID: `containerd://${hash(`container ${plan.name} ${c.name}`).toString('hex')}` } : {}),
  }));
  return {
    phase: running ? 'Running' : 'Pending',
    conditions: [
      condition('PodReadyToStartContainers', running, running ? runningAt : scheduledAt),
      condition('Initialized', true, scheduledAt),
      condition('Ready', running, running ? runningAt : scheduledAt),
      condition('ContainersReady', running, running ? runningAt : scheduledAt),
      condition('PodScheduled', true, scheduledAt),
    ].map((c) =>
      c.status === 'False'
        ? { ...c, reason: 'ContainersNotReady', message: `containers with unready status: [${containers.map((x) => x.name).join(' ')}]` }
        : c,
    ),
    ...host,
    ...(running && ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    startTime: timestamp(scheduledAt),
    containerStatuses,
    qosClass: 'BestEffort',
  };
}

/** Places every planned pod, in order, and gives it its status at `now`. */
export function schedulePods(cluster: ClusterPicture, nodes: NodeFacts[], plans: PodPlan[], now: number, timeScale: number): KubeObject[] {
  const count = new Map<string, number>();
  // The nodes' own addresses are taken; pods' addresses come from what is left of each subnet.
  const used = new Set<number>();
  for (const node of nodes) used.add(node.ip.split('.').reduce((n, part) => n * 256 + Number(part), 0));
  const pods: KubeObject[] = [];
  let spread = 0;
  for (const plan of plans) {
    let node = plan.node;
    if (!node && nodes.length > 0) {
      const start = (hash(plan.owner?.uid ?? plan.name).readUInt16BE(0) + spread) % nodes.length;
      spread += 1;
      for (let i = 0; i < nodes.length && !node; i += 1) {
        const candidate = nodes[(start + i) % nodes.length]!;
        if ((count.get(candidate.name) ?? 0) < candidate.maxPods) node = candidate;
      }
    }
    if (node) count.set(node.name, (count.get(node.name) ?? 0) + 1);
    const ip = node
      ? plan.spec.hostNetwork
        ? node.ip
        : pickAddress(node.subnetCidr, `pod ${cluster.name} ${plan.namespace}/${plan.name}`, used)
      : undefined;
    const unschedulable =
      nodes.length === 0
        ? 'no nodes available to schedule pods'
        : `0/${nodes.length} nodes are available: ${nodes.length} Too many pods. preemption: 0/${nodes.length} nodes are available: ${nodes.length} No preemption victims found for incoming pod.`;
    const metadataUid = plan.uid ?? uid(`pod ${cluster.name} ${plan.namespace}/${plan.name}`);
    const status = podStatus(plan, node, ip, now, timeScale, unschedulable);
    pods.push({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: plan.name,
        namespace: plan.namespace,
        uid: metadataUid,
        resourceVersion: String(3000 + (hash(`${metadataUid} ${JSON.stringify(status)}`).readUInt32BE(0) % 1_000_000)),
        creationTimestamp: timestamp(plan.createdAt),
        labels: plan.labels,
        ...(plan.annotations ? { annotations: plan.annotations } : {}),
        ...(plan.owner
          ? { generateName: `${plan.owner.name}-`, ownerReferences: [{ ...plan.owner, controller: true, blockOwnerDeletion: true }] }
          : {}),
      },
      spec: {
        ...defaultPodSpec(plan.spec),
        // The scheduler has bound the pod once it has a start time.
        ...(node && 'startTime' in status ? { nodeName: node.name } : {}),
        tolerations: plan.spec.tolerations ?? DEFAULT_TOLERATIONS,
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: plan.spec.priorityClassName ? 2000001000 : 0,
      },
      status,
    });
  }
  return pods;
}
