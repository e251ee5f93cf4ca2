import type { AccessPicture } from './kube-access.js';
import { nodeResources } from './kube-instance-types.js';
import { kubeletVersion } from './kube-versions.js';
import { hash, pickAddress, privateDnsDomain, publicDnsName, publicIp, serviceIp, timestamp, uid } from './kube-util.js';

/** What the Kubernetes API of one cluster shows, gathered from EKS and EC2. */
export interface ClusterPicture {
  name: string;
  region: string;
  version: string;
  /** When the control plane came up (ms). */
  readySince: number;
  serviceCidr: string;
  /** The cluster's VPC, where the cloud provider looks for subnets for load balancers. */
  vpcId?: string | undefined;
  /** The access key the cluster was created with: what the sandbox acts as in the cluster's account. */
  creatorAccessKeyId: string;
  /** Changes when a cluster of the same name is made again. */
  incarnation: string;
  /** EKS add-ons made for the cluster: name to version. */
  addons?: Record<string, string> | undefined;
  /** False when CreateCluster asked EKS not to install vpc-cni, kube-proxy and coredns itself. */
  bootstrapSelfManagedAddons?: boolean | undefined;
  /** Who is calling and what their access entry allows; absent when the creator is admin without one (as before access entries). */
  access?: AccessPicture | undefined;
  nodegroups: NodegroupPicture[];
}

/** What the objects made from a node need to know about it. */
export interface NodeFacts {
  name: string;
  ip: string;
  subnetCidr: string;
  zone: string;
  instanceType: string;
  readySince: number;
  maxPods: number;
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
  subnets: { id: string; cidr: string; availabilityZone: string; availabilityZoneId: string; mapPublicIpOnLaunch?: boolean }[];
}

export type KubeObject = {
  kind: string;
  apiVersion: string;
  metadata: { name: string; namespace?: string; uid: string; resourceVersion: string; creationTimestamp: string; [key: string]: unknown };
  [key: string]: unknown;
};

function nodeSoftware(amiType: string): { osImage: string; kernelVersion: string; containerRuntimeVersion: string; architecture: string } {
  const architecture = /ARM_64/.test(amiType) ? 'arm64' : 'amd64';
  const machine = architecture === 'arm64' ? 'aarch64' : 'x86_64';
  if (amiType.startsWith('AL2_')) {
    return {
      osImage: 'Amazon Linux 2',
      kernelVersion: `5.10.244-240.965.amzn2.${machine}`,
      containerRuntimeVersion: 'containerd://1.7.27',
      architecture,
    };
  }
  if (amiType.startsWith('BOTTLEROCKET')) {
    return {
      osImage: 'Bottlerocket OS 1.50.0 (aws-k8s)',
      kernelVersion: '6.12.46',
      containerRuntimeVersion: 'containerd://2.1.4+bottlerocket',
      architecture,
    };
  }
  return {
    osImage: 'Amazon Linux 2023.9.20251110',
    kernelVersion: `6.12.53-69.119.amzn2023.${machine}`,
    containerRuntimeVersion: 'containerd://2.1.4',
    architecture,
  };
}

const TAINT_EFFECTS: Record<string, string> = {
  NO_SCHEDULE: 'NoSchedule',
  NO_EXECUTE: 'NoExecute',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
};

/** One node per desired node of each ACTIVE node group, with its address in one of the node group's subnets. */
export function nodeFactsOf(
  cluster: ClusterPicture,
): (NodeFacts & { seed: string; nodegroup: NodegroupPicture; subnet: NodegroupPicture['subnets'][number] })[] {
  const used = new Set<number>();
  const facts = [];
  for (const ng of [...cluster.nodegroups].sort((a, b) => a.name.localeCompare(b.name))) {
    for (let i = 0; i < ng.desiredSize && ng.subnets.length > 0; i += 1) {
      const subnet = ng.subnets[i % ng.subnets.length]!;
      const seed = `${cluster.region}/${cluster.name}/${ng.name}/${i}`;
      const ip = pickAddress(subnet.cidr, seed, used);
      const resources = nodeResources(ng.instanceType);
      facts.push({
        name: `ip-${ip.replace(/\./g, '-')}.${privateDnsDomain(cluster.region)}`,
        ip,
        subnetCidr: subnet.cidr,
        zone: subnet.availabilityZone,
        instanceType: ng.instanceType,
        readySince: ng.readySince,
        maxPods: Number(resources.capacity.pods),
        seed,
        nodegroup: ng,
        subnet,
      });
    }
  }
  return facts;
}

export function nodesOf(cluster: ClusterPicture): KubeObject[] {
  return nodeFactsOf(cluster).map((node, index) => {
    const { seed, nodegroup: ng, subnet, name, ip } = node;
    const instanceId = `i-0${hash(`instance ${seed}`).toString('hex').slice(0, 16)}`;
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
    const conditions = [
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ].map(([type, status, reason, message]) => ({
      type,
      status,
      lastHeartbeatTime: created,
      lastTransitionTime: created,
      reason,
      message,
    }));
    const { capacity, allocatable } = nodeResources(ng.instanceType);
    return {
      kind: 'Node',
      apiVersion: 'v1',
      metadata: {
        name,
        uid: uid(seed),
        resourceVersion: String(1000 + index),
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
          ? {
              taints: ng.taints.map((t) => ({
                key: t.key,
                ...(t.value ? { value: t.value } : {}),
                effect: TAINT_EFFECTS[t.effect] ?? t.effect,
              })),
            }
          : {}),
      },
      status: {
        capacity,
        allocatable,
        conditions,
        // A node in a subnet that maps public IPs has one, and the kubelet reports it as ExternalIP.
        addresses: [
          { type: 'InternalIP', address: ip },
          ...(subnet.mapPublicIpOnLaunch ? [{ type: 'ExternalIP', address: publicIp(seed) }] : []),
          { type: 'InternalDNS', address: name },
          { type: 'Hostname', address: name },
          ...(subnet.mapPublicIpOnLaunch ? [{ type: 'ExternalDNS', address: publicDnsName(publicIp(seed), cluster.region) }] : []),
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
    };
  });
}

/** The services every EKS cluster starts with: `kubernetes` and CoreDNS's `kube-dns`. */
export function servicesOf(cluster: ClusterPicture): KubeObject[] {
  const created = timestamp(cluster.readySince);
  const service = (
    namespace: string,
    name: string,
    nth: number,
    spec: Record<string, unknown>,
    labels: Record<string, string>,
  ): KubeObject => {
    const ip = serviceIp(cluster.serviceCidr, nth);
    return {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: {
        name,
        namespace,
        uid: uid(`${cluster.name}/svc/${namespace}/${name}`),
        resourceVersion: '200',
        creationTimestamp: created,
        labels,
      },
      spec: {
        clusterIP: ip,
        clusterIPs: [ip],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'None',
        type: 'ClusterIP',
        ...spec,
      },
      status: { loadBalancer: {} },
    };
  };
  return [
    service(
      'default',
      'kubernetes',
      1,
      { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }] },
      { component: 'apiserver', provider: 'kubernetes' },
    ),
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
      {
        'eks.amazonaws.com/component': 'kube-dns',
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
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
