import type { KubeObject } from './kube-objects.js';
import { uid } from './kube-util.js';

/** The events the scheduler and the kubelet report about a pod as it starts, read off its status. */
export function podEvents(pod: KubeObject): KubeObject[] {
  const spec = pod.spec as { nodeName?: string; containers?: { name: string; image: string }[] };
  const status = pod.status as {
    conditions?: { type: string; status: string; lastTransitionTime: string; message?: string }[];
    containerStatuses?: { state?: { running?: { startedAt: string } } }[];
  };
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (!scheduled) return [];
  const ns = pod.metadata.namespace ?? 'default';
  const event = (
    n: number,
    type: string,
    reason: string,
    message: string,
    at: string,
    component: string,
    fieldPath?: string,
  ): KubeObject => ({
    kind: 'Event',
    apiVersion: 'v1',
    metadata: {
      name: `${pod.metadata.name}.${(Date.parse(at) * 1000 + n).toString(16)}`,
      namespace: ns,
      uid: uid(`event ${pod.metadata.uid} ${reason} ${n}`),
      resourceVersion: pod.metadata.resourceVersion,
      creationTimestamp: at,
    },
    involvedObject: {
      kind: 'Pod',
      namespace: ns,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      apiVersion: 'v1',
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source: { component, ...(component === 'kubelet' && spec.nodeName ? { host: spec.nodeName } : {}) },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? (spec.nodeName ?? '') : '',
  });
  if (scheduled.status !== 'True')
    return [event(0, 'Warning', 'FailedScheduling', scheduled.message ?? '', scheduled.lastTransitionTime, 'default-scheduler')];
  const events = [
    event(
      0,
      'Normal',
      'Scheduled',
      `Successfully assigned ${ns}/${pod.metadata.name} to ${spec.nodeName}`,
      scheduled.lastTransitionTime,
      'default-scheduler',
    ),
  ];
  (spec.containers ?? []).forEach((c, i) => {
    const path = `spec.containers{${c.name}}`;
    events.push(event(1 + i * 4, 'Normal', 'Pulling', `Pulling image "${c.image}"`, scheduled.lastTransitionTime, 'kubelet', path));
    const started = status.containerStatuses?.[i]?.state?.running?.startedAt;
    if (!started) return;
    const seconds = Math.max(1, (Date.parse(started) - Date.parse(scheduled.lastTransitionTime)) / 1000);
    events.push(
      event(
        2 + i * 4,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in ${seconds}s (${seconds}s including waiting)`,
        started,
        'kubelet',
        path,
      ),
    );
    events.push(event(3 + i * 4, 'Normal', 'Created', `Created container: ${c.name}`, started, 'kubelet', path));
    events.push(event(4 + i * 4, 'Normal', 'Started', `Started container ${c.name}`, started, 'kubelet', path));
  });
  return events;
}
