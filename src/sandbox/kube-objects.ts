import { createHash } from 'node:crypto';
import { kubeletVersion } from './kube-versions.js';

/** What the Kubernetes API of one cluster shows, gathered from EKS and EC2. */
export interface ClusterPicture {
  name: string;
  region: string;
  version: string;
  /** When the control plane came up (ms). */
  readySince: number;
  serviceCidr: string;
  nodegroups: NodegroupPicture[];
}

export interface NodegroupPicture {
  name: string;
  desiredSize: number;
  instanceType: string;
  capacityType: string;
  amiType: string;
  version: string;
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: string }[];
  /** When the node group became ACTIVE (ms). */
  readySince: number;
  subnets: { id: string; cidr: string; availabilityZone: string; availabilityZoneId: string }[];
}

export type KubeObject = {
  kind: string;
  apiVersion: string;
  metadata: { name: string; namespace?: string; uid: string; resourceVersion: string; creationTimestamp: string; [key: string]: unknown };
  [key: string]: unknown;
};

function hash(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

function uid(seed: string): string {
  const h = hash(seed).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const timestamp = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const ipToInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const intToIp = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** The usable host addresses of a subnet as AWS hands them out (first four and the last are reserved). */
function usableRange(cidr: string): { first: number; count: number } {
  const [base = '0.0.0.0', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const network = ipToInt(base) - (ipToInt(base) % size);
  return { first: network + 4, count: Math.max(1, size - 5) };
}

/** The nth address of the cluster's service CIDR (1 is the `kubernetes` service, 10 is DNS). */
export function serviceIp(cidr: string, nth: number): string {
  const [base = '10.100.0.0'] = cidr.split('/');
  return intToIp(ipToInt(base) + nth);
}

/** EC2's private DNS domain: us-east-1 keeps the old `ec2.internal`. */
export function privateDnsDomain(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

const CAPACITY: Record<string, { cpu: number; memoryGi: number; pods: number }> = {
  't3.small': { cpu: 2, memoryGi: 2, pods: 11 },
  't3.medium': { cpu: 2, memoryGi: 4, pods: 17 },
  't3.large': { cpu: 2, memoryGi: 8, pods: 35 },
  't3.xlarge': { cpu: 4, memoryGi: 16, pods: 58 },
  'm5.large': { cpu: 2, memoryGi: 8, pods: 29 },
  'm5.xlarge': { cpu: 4, memoryGi: 16, pods: 58 },
};

function nodeSoftware(amiType: string): { osImage: string; kernelVersion: string; containerRuntimeVersion: string; architecture: string } {
  const architecture = /ARM_64/.test(amiType) ? 'arm64' : 'amd64';
  const machine = architecture === 'arm64' ? 'aarch64' : 'x86_64';
  if (amiType.startsWith('AL2_')) {
    return { osImage: 'Amazon Linux 2', kernelVersion: `5.10.244-240.965.amzn2.${machine}`, containerRuntimeVersion: 'containerd://1.7.27', architecture };
  }
  if (amiType.startsWith('BOTTLEROCKET')) {
    return { osImage: 'Bottlerocket OS 1.50.0 (aws-k8s)', kernelVersion: '6.12.46', containerRuntimeVersion: 'containerd://2.1.4+bottlerocket', architecture };
  }
  return { osImage: 'Amazon Linux 2023.9.20251110', kernelVersion: `6.12.53-69.119.amzn2023.${machine}`, containerRuntimeVersion: 'containerd://2.1.4', architecture };
}

const TAINT_EFFECTS: Record<string, string> = { NO_SCHEDULE: 'NoSchedule', NO_EXECUTE: 'NoExecute', PREFER_NO_SCHEDULE: 'PreferNoSchedule' };

/** One Ready node per desired node of each ACTIVE node group, named and addressed as EKS would. */
export function nodesOf(cluster: ClusterPicture): KubeObject[] {
  const used = new Set<number>();
  const nodes: KubeObject[] = [];
  const nodegroups = [...cluster.nodegroups].sort((a, b) => a.name.localeCompare(b.name));
  for (const ng of nodegroups) {
    for (let i = 0; i < ng.desiredSize && ng.subnets.length > 0; i += 1) {
      const subnet = ng.subnets[i % ng.subnets.length]!;
      const seed = `${cluster.region}/${cluster.name}/${ng.name}/${i}`;
      const { first, count } = usableRange(subnet.cidr);
      let offset = hash(seed).readUInt32BE(0) % count;
      while (used.has(first + offset)) offset = (offset + 1) % count;
      used.add(first + offset);
      const ip = intToIp(first + offset);
      const name = `ip-${ip.replace(/\./g, '-')}.${privateDnsDomain(cluster.region)}`;
      const instanceId = `i-0${hash(`instance ${seed}`).toString('hex').slice(0, 16)}`;
      const capacity = CAPACITY[ng.instanceType] ?? CAPACITY['t3.medium']!;
      const software = nodeSoftware(ng.amiType);
      const created = timestamp(ng.readySince);
      const labels: Record<string, string> = {
        'beta.kubernetes.io/arch': software.architecture,
        'beta.kubernetes.io/instance-type': ng.instanceType,
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/capacityType': ng.capacityType,
        'eks.amazonaws.com/nodegroup': ng.name,
        'eks.amazonaws.com/nodegroup-image': `ami-0${hash(`ami ${ng.amiType} ${ng.version}`).toString('hex').slice(0, 16)}`,
        'failure-domain.beta.kubernetes.io/region': cluster.region,
        'failure-domain.beta.kubernetes.io/zone': subnet.availabilityZone,
        'k8s.io/cloud-provider-aws': hash(`cloud ${cluster.name}`).toString('hex').slice(0, 32),
        'kubernetes.io/arch': software.architecture,
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': ng.instanceType,
        'topology.k8s.aws/zone-id': subnet.availabilityZoneId,
        'topology.kubernetes.io/region': cluster.region,
        'topology.kubernetes.io/zone': subnet.availabilityZone,
        ...ng.labels,
      };
      const memoryKi = capacity.memoryGi * 1024 * 1024 - 150_000;
      const quantities = (cpu: string, memory: number) => ({
        cpu,
        'ephemeral-storage': '20893676Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${memory}Ki`,
        pods: String(capacity.pods),
      });
      const conditions = [
        ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
        ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
        ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
        ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
      ].map(([type, status, reason, message]) => ({ type, status, lastHeartbeatTime: created, lastTransitionTime: created, reason, message }));
      nodes.push({
        kind: 'Node',
        apiVersion: 'v1',
        metadata: {
          name,
          uid: uid(seed),
          resourceVersion: String(1000 + nodes.length),
          creationTimestamp: created,
          labels,
          annotations: {
            'alpha.kubernetes.io/provided-node-ip': ip,
            'node.alpha.kubernetes.io/ttl': '0',
            'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
          },
        },
        spec: {
          providerID: `aws:///${subnet.availabilityZone}/${instanceId}`,
          ...(ng.taints.length > 0
            ? { taints: ng.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: TAINT_EFFECTS[t.effect] ?? t.effect })) }
            : {}),
        },
        status: {
          capacity: quantities(String(capacity.cpu), capacity.memoryGi * 1024 * 1024),
          allocatable: quantities(`${capacity.cpu * 1000 - 70}m`, memoryKi - 550_000),
          conditions,
          addresses: [
            { type: 'InternalIP', address: ip },
            { type: 'InternalDNS', address: name },
            { type: 'Hostname', address: name },
          ],
          daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
          nodeInfo: {
            machineID: hash(`machine ${seed}`).toString('hex').slice(0, 32),
            systemUUID: uid(`system ${seed}`),
            bootID: uid(`boot ${seed}`),
            kernelVersion: software.kernelVersion,
            osImage: software.osImage,
            containerRuntimeVersion: software.containerRuntimeVersion,
            kubeletVersion: kubeletVersion(ng.version),
            kubeProxyVersion: kubeletVersion(ng.version),
            operatingSystem: 'linux',
            architecture: software.architecture,
          },
        },
      });
    }
  }
  return nodes;
}

/** The services every EKS cluster starts with: `kubernetes` and CoreDNS's `kube-dns`. */
export function servicesOf(cluster: ClusterPicture): KubeObject[] {
  const created = timestamp(cluster.readySince);
  const service = (namespace: string, name: string, nth: number, spec: Record<string, unknown>, labels: Record<string, string>): KubeObject => {
    const ip = serviceIp(cluster.serviceCidr, nth);
    return {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name, namespace, uid: uid(`${cluster.name}/svc/${namespace}/${name}`), resourceVersion: '200', creationTimestamp: created, labels },
      spec: { clusterIP: ip, clusterIPs: [ip], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', type: 'ClusterIP', ...spec },
      status: { loadBalancer: {} },
    };
  };
  return [
    service('default', 'kubernetes', 1, { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }] }, { component: 'apiserver', provider: 'kubernetes' }),
    service(
      'kube-system',
      'kube-dns',
      10,
      {
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
      },
      { 'eks.amazonaws.com/component': 'kube-dns', 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    ),
  ];
}

export function namespacesOf(cluster: ClusterPicture): KubeObject[] {
  return ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) => ({
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: uid(`${cluster.name}/ns/${name}`),
      resourceVersion: '100',
      creationTimestamp: timestamp(cluster.readySince),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}
