import type { KubeObject } from './kube-objects.js';
import { defaultPodSpec } from './kube-pods.js';
import type { ResourceType } from './kube-resources.js';
import { hash, isObject, serviceIp } from './kube-util.js';
import type { WriteContext } from './kube-writes.js';

/** What the API server checks and fills in when an object is created: its validation and its defaults. */

export function checks(resource: ResourceType, object: KubeObject): { field: string; message: string }[] {
  const spec = (object.spec ?? {}) as Record<string, any>;
  const causes: { field: string; message: string }[] = [];
  if (resource.kind === 'Deployment') {
    if (!isObject(spec.selector)) causes.push({ field: 'spec.selector', message: 'Required value' });
    const labels = spec.template?.metadata?.labels ?? {};
    const wanted = spec.selector?.matchLabels ?? {};
    if (Object.entries(wanted).some(([k, v]) => labels[k] !== v)) {
      causes.push({
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``,
      });
    }
    if (!Array.isArray(spec.template?.spec?.containers) || spec.template.spec.containers.length === 0) {
      causes.push({ field: 'spec.template.spec.containers', message: 'Required value' });
    }
  }
  if (resource.kind === 'Pod' && (!Array.isArray(spec.containers) || spec.containers.length === 0))
    causes.push({ field: 'spec.containers', message: 'Required value' });
  if (resource.kind === 'Service') {
    const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
    if (spec.type !== undefined && !types.includes(spec.type)) {
      causes.push({
        field: 'spec.type',
        message: `Unsupported value: "${spec.type}": supported values: ${types.map((t) => `"${t}"`).join(', ')}`,
      });
    }
    if (spec.type !== 'ExternalName' && (!Array.isArray(spec.ports) || spec.ports.length === 0))
      causes.push({ field: 'spec.ports', message: 'Required value' });
  }
  return causes;
}

export function withDefaults(ctx: WriteContext, resource: ResourceType, object: KubeObject): KubeObject {
  const spec = { ...((object.spec ?? {}) as Record<string, any>) };
  if (resource.kind === 'Namespace') {
    return {
      ...object,
      metadata: { ...object.metadata, labels: { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': object.metadata.name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
  }
  if (resource.kind === 'Deployment') {
    const template = spec.template ?? {};
    return {
      ...object,
      spec: {
        replicas: 1,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        ...spec,
        template: { ...template, metadata: { ...(template.metadata ?? {}) }, spec: defaultPodSpec(template.spec ?? {}) },
      },
    };
  }
  if (resource.kind === 'Pod') return { ...object, spec: defaultPodSpec(spec) };
  if (resource.kind === 'Service') {
    const type = spec.type ?? 'ClusterIP';
    const taken = new Set(ctx.world.services?.map((s) => (s.spec as { clusterIP?: string }).clusterIP));
    let nth = 2 + (hash(`svc ${object.metadata.namespace}/${object.metadata.name}`).readUInt32BE(0) % 60000);
    while (taken.has(serviceIp(ctx.picture.serviceCidr, nth)) || nth === 10) nth += 1;
    const clusterIP = spec.clusterIP ?? serviceIp(ctx.picture.serviceCidr, nth);
    const exposed = type === 'NodePort' || type === 'LoadBalancer';
    const ports = ((spec.ports ?? []) as Record<string, any>[]).map((p, i) => ({
      protocol: 'TCP',
      targetPort: p.port,
      ...p,
      ...(exposed && p.nodePort === undefined
        ? { nodePort: 30000 + (hash(`nodeport ${object.metadata.uid} ${i}`).readUInt16BE(0) % 2768) }
        : {}),
    }));
    return {
      ...object,
      spec: {
        clusterIP,
        clusterIPs: [clusterIP],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        ...(exposed ? { externalTrafficPolicy: 'Cluster' } : {}),
        ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: true } : {}),
        ...spec,
        type,
        ports,
      },
      status: object.status ?? { loadBalancer: {} },
    };
  }
  return object;
}
