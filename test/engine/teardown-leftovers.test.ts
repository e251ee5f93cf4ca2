import {
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/aws/engine.js';
import type { Found } from '../../src/aws/inventory.js';
import { loadBalancers } from '../support/census.js';
import { useMoto } from '../support/moto.js';
import { TEST_CREDENTIALS, makeEngine } from '../support/engine.js';

const moto = useMoto();
const config = () => ({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
const CLUSTER_TAG = { Key: 'kubernetes.io/cluster/tutor-test', Value: 'owned' };

/** The tutor's VPC and its public subnets, from what the engine found. */
async function tutorNetwork(engine: Engine): Promise<{ vpc: string; subnets: string[] }> {
  const found = await engine.inventory();
  const vpc = found.find((f) => f.kind === 'vpc')!.id;
  const subnets = found.filter((f) => f.kind === 'subnet' && f.key.startsWith('subnet/public/')).map((f) => f.id);
  return { vpc, subnets };
}

/** What Kubernetes' cloud provider leaves in a VPC for a Service of type LoadBalancer, made straight in moto. */
async function leaveLikeKubernetes(vpc: string, subnets: string[], tagged: boolean, suffix: string) {
  const ec2 = new EC2Client(config());
  const elb = new ElasticLoadBalancing(config());
  const elbv2 = new ElasticLoadBalancingV2Client(config());
  const tags = tagged ? [CLUSTER_TAG, { Key: 'kubernetes.io/service-name', Value: `default/web-${suffix}` }] : [];
  const group = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `k8s-elb-${suffix}`,
      Description: 'Security group for Kubernetes ELB',
      VpcId: vpc,
      ...(tagged ? { TagSpecifications: [{ ResourceType: 'security-group', Tags: [CLUSTER_TAG] }] } : {}),
    }),
  );
  const classic = `classic${suffix}`;
  await elb.createLoadBalancer({
    LoadBalancerName: classic,
    Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 80, InstancePort: 30080 }],
    Subnets: subnets,
    SecurityGroups: [group.GroupId!],
    ...(tags.length ? { Tags: tags } : {}),
  });
  const alb = await elbv2.send(
    new CreateLoadBalancerCommand({
      Name: `alb${suffix}`,
      Subnets: subnets,
      SecurityGroups: [group.GroupId!],
      ...(tags.length ? { Tags: tags } : {}),
    }),
  );
  const eni = await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnets[0], Description: `ELB ${classic}` }));
  ec2.destroy();
  elb.destroy();
  elbv2.destroy();
  return { group: group.GroupId!, classic, alb: alb.LoadBalancers![0]!.LoadBalancerArn!, eni: eni.NetworkInterface!.NetworkInterfaceId! };
}

async function loadBalancerNames(): Promise<string[]> {
  return (await loadBalancers({ endpoint: moto.url })).map((l) => l.name).sort();
}

describe('down removes what Kubernetes left in the VPC', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('finds the load balancers, k8s-elb security group and network interface, prices them, deletes them, and leaves foreign ones alone', async () => {
    const ec2 = new EC2Client(config());
    // Someone else's VPC with the same kind of things, untagged: never touched.
    const foreignVpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }))).Vpc!.VpcId!;
    const foreignSubnets = [
      (await ec2.send(new CreateSubnetCommand({ VpcId: foreignVpc, CidrBlock: '10.50.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!
        .SubnetId!,
      (await ec2.send(new CreateSubnetCommand({ VpcId: foreignVpc, CidrBlock: '10.50.2.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet!
        .SubnetId!,
    ];
    const foreign = await leaveLikeKubernetes(foreignVpc, foreignSubnets, false, 'foreign');

    const engine = await makeEngine(moto.url);
    await engine.up(3);
    const { vpc, subnets } = await tutorNetwork(engine);
    const ours = await leaveLikeKubernetes(vpc, subnets, true, 'ours');
    // The node side's group allows the load balancer's group in: that rule must go before the group can.
    const nodes = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'learner-nodes', Description: 'nodes', VpcId: vpc }));
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: nodes.GroupId!,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 30080, ToPort: 30080, UserIdGroupPairs: [{ GroupId: ours.group }] }],
      }),
    );

    const plan = await engine.teardownPlan();
    const listed = (kind: string) => plan.delete.filter((f) => f.kind === kind).map((f) => f.id);
    expect(listed('load-balancer').sort()).toEqual(['albours', 'classicours']);
    expect(listed('security-group')).toEqual(expect.arrayContaining([ours.group, nodes.GroupId!]));
    expect(listed('network-interface')).toContain(ours.eni);
    const all = [...plan.delete, ...plan.leave].map((f) => f.id);
    for (const id of [foreign.classic, 'albforeign', foreign.group, foreign.eni]) expect(all).not.toContain(id);
    // The plan carries what they are, for the front ends to show and price.
    const classic = plan.delete.find((f) => f.id === 'classicours')!;
    expect(classic.details).toMatchObject({ type: 'classic', service: 'default/web-ours' });
    const eni = plan.delete.find((f) => f.id === ours.eni)!;
    expect(eni.details?.holder).toContain('ELB classicours');
    const { resourceHourly } = await import('../../src/aws/cost.js');
    expect(resourceHourly(classic, { region: 'us-east-1', instanceType: 't3.medium', nodes: 2, nat: 'single' })).toBeGreaterThan(0.025);

    const order = plan.delete.map((f) => f.kind);
    expect(order.indexOf('load-balancer')).toBeGreaterThan(order.indexOf('eks-cluster'));
    expect(order.indexOf('security-group')).toBeLessThan(order.indexOf('subnet'));

    const result = await engine.down(plan.delete);
    expect(result.remaining).toEqual([]);
    expect(await loadBalancerNames()).toEqual(['albforeign', 'classicforeign']);
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    expect(groups.map((g) => g.GroupId)).toContain(foreign.group);
    expect(groups.map((g) => g.GroupId)).not.toContain(ours.group);
    const enis = (await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? [];
    expect(enis.map((e) => e.NetworkInterfaceId)).toContain(foreign.eni);
    expect(enis.map((e) => e.NetworkInterfaceId)).not.toContain(ours.eni);
    ec2.destroy();
  });

  it("a cluster name that is not the tutor's: load balancers tagged for it are left alone", async () => {
    const ec2 = new EC2Client(config());
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16' }))).Vpc!.VpcId!;
    const subnets = [
      (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.60.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!
        .SubnetId!,
      (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.60.2.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet!
        .SubnetId!,
    ];
    // Tagged for a cluster called tutor-test, in a VPC that is not the tutor's, and no ledger or cluster of the tutor's.
    await leaveLikeKubernetes(vpc, subnets, true, 'theirs');
    const engine = await makeEngine(moto.url);
    const plan = await engine.teardownPlan();
    expect(plan.delete.map((f: Found) => f.kind)).toEqual([]);
    await engine.down(plan.delete);
    expect(await loadBalancerNames()).toEqual(['albtheirs', 'classictheirs']);
    ec2.destroy();
  });
});
