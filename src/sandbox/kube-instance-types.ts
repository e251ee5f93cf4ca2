/**
 * What a node of an instance type can hold. With the VPC CNI every pod that is
 * not on the host network takes a secondary address of one of the node's ENIs,
 * so the kubelet's pod limit comes from the ENI limits:
 * max pods = ENIs × (IPv4 addresses per ENI − 1) + 2
 * (each ENI's primary address is not given to pods; aws-node and kube-proxy use
 * the host network). t3.medium: 3 × (6 − 1) + 2 = 17.
 */

export interface InstanceType {
  vcpu: number;
  memoryGi: number;
  enis: number;
  ipsPerEni: number;
}

/** EC2's published limits for the types learners pick most (DescribeInstanceTypes: VCpuInfo, MemoryInfo, NetworkInfo). */
const INSTANCE_TYPES: Record<string, InstanceType> = {
  't3.micro': { vcpu: 2, memoryGi: 1, enis: 2, ipsPerEni: 2 },
  't3.small': { vcpu: 2, memoryGi: 2, enis: 3, ipsPerEni: 4 },
  't3.medium': { vcpu: 2, memoryGi: 4, enis: 3, ipsPerEni: 6 },
  't3.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 12 },
  't3.xlarge': { vcpu: 4, memoryGi: 16, enis: 4, ipsPerEni: 15 },
  't3.2xlarge': { vcpu: 8, memoryGi: 32, enis: 4, ipsPerEni: 15 },
  't3a.medium': { vcpu: 2, memoryGi: 4, enis: 3, ipsPerEni: 6 },
  't3a.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 12 },
  't4g.medium': { vcpu: 2, memoryGi: 4, enis: 3, ipsPerEni: 6 },
  't4g.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 12 },
  'm5.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 10 },
  'm5.xlarge': { vcpu: 4, memoryGi: 16, enis: 4, ipsPerEni: 15 },
  'm5.2xlarge': { vcpu: 8, memoryGi: 32, enis: 4, ipsPerEni: 15 },
  'm6i.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 10 },
  'm6i.xlarge': { vcpu: 4, memoryGi: 16, enis: 4, ipsPerEni: 15 },
  'm7i.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 10 },
  'm6g.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 10 },
  'm7g.large': { vcpu: 2, memoryGi: 8, enis: 3, ipsPerEni: 10 },
  'c5.large': { vcpu: 2, memoryGi: 4, enis: 3, ipsPerEni: 10 },
  'c6i.large': { vcpu: 2, memoryGi: 4, enis: 3, ipsPerEni: 10 },
  'r5.large': { vcpu: 2, memoryGi: 16, enis: 3, ipsPerEni: 10 },
};

/** For a type not in the table the sandbox assumes t3.medium's limits (the tutor's default type). */
export const DEFAULT_INSTANCE_TYPE = 't3.medium';

export function instanceType(name: string): InstanceType {
  return INSTANCE_TYPES[name] ?? INSTANCE_TYPES[DEFAULT_INSTANCE_TYPE]!;
}

export function maxPods(type: InstanceType): number {
  return type.enis * (type.ipsPerEni - 1) + 2;
}

/** Capacity and allocatable as the EKS AMIs' kubelet reports them (kube-reserved and a 100Mi eviction threshold). */
export function nodeResources(name: string): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const type = instanceType(name);
  const pods = maxPods(type);
  // The kernel and firmware keep a little of the memory the type is sold with.
  const memoryKi = Math.round(type.memoryGi * 1024 * 1024 * 0.96);
  const reservedMemoryKi = (255 + 11 * pods + 100) * 1024;
  // kube-reserved CPU: 6% of the first core, 1% of the second, 0.5% of the next two, 0.25% of the rest.
  const reservedMilli = [60, 10, 5, 5].slice(0, type.vcpu).reduce((a, b) => a + b, 0) + Math.max(0, type.vcpu - 4) * 2.5;
  const common = { 'ephemeral-storage': '20893676Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', pods: String(pods) };
  return {
    capacity: { cpu: String(type.vcpu), ...common, memory: `${memoryKi}Ki`, 'ephemeral-storage': '20893676Ki' },
    allocatable: {
      cpu: `${type.vcpu * 1000 - Math.ceil(reservedMilli)}m`,
      ...common,
      memory: `${memoryKi - reservedMemoryKi}Ki`,
      'ephemeral-storage': '18181869946',
    },
  };
}
