import { describe, expect, it } from 'vitest';
import { chooseSubnets } from '../../src/sandbox/elb-controller.js';
import { instanceType, maxPods, nodeResources } from '../../src/sandbox/kube-instance-types.js';

describe('what a node holds', () => {
  it('takes max pods from the ENI limits: ENIs × (addresses per ENI − 1) + 2', () => {
    expect(maxPods(instanceType('t3.medium'))).toBe(17);
    expect(maxPods(instanceType('t3.small'))).toBe(11);
    expect(maxPods(instanceType('m5.large'))).toBe(29);
    expect(maxPods(instanceType('m5.xlarge'))).toBe(58);
    expect(nodeResources('t3.large').capacity).toMatchObject({ cpu: '2', pods: '35' });
  });

  it("assumes t3.medium's limits for a type it does not know", () => {
    expect(nodeResources('x9.huge')).toEqual(nodeResources('t3.medium'));
  });
});

describe('the subnets a load balancer goes in', () => {
  const subnet = (id: string, zone: string, tags: Record<string, string>) => ({ id, zone, tags });
  it('takes one subnet per zone among those tagged for the role, leaving out those another cluster claims', () => {
    const subnets = [
      subnet('subnet-b', 'us-east-1a', { 'kubernetes.io/role/elb': '1' }),
      subnet('subnet-a', 'us-east-1a', { 'kubernetes.io/role/elb': '1', 'kubernetes.io/cluster/demo': 'shared' }),
      subnet('subnet-c', 'us-east-1b', { 'kubernetes.io/role/elb': '', 'kubernetes.io/cluster/other': 'owned' }),
      subnet('subnet-d', 'us-east-1b', { 'kubernetes.io/role/internal-elb': '1' }),
      subnet('subnet-e', 'us-east-1c', { 'kubernetes.io/role/elb': '0' }),
    ];
    expect(chooseSubnets(subnets, 'demo', false)).toEqual(['subnet-a']);
    expect(chooseSubnets(subnets, 'demo', true)).toEqual(['subnet-d']);
    expect(chooseSubnets(subnets.slice(2, 3), 'other', false)).toEqual(['subnet-c']);
  });
});
