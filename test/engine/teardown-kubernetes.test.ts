import { CreateSecurityGroupCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kubernetesHoldings } from '../../src/aws/teardown.js';
import type { EngineEvent, KubectlRunner } from '../../src/aws/types.js';
import { useMoto } from '../support/moto.js';
import { TEST_CREDENTIALS, makeEngine, tempDir } from '../support/engine.js';

const moto = useMoto();
const config = () => ({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

/**
 * Stands in for a cluster with one Service of type LoadBalancer (moto has no
 * Kubernetes): `get services` lists it with its load balancer's DNS name, and
 * deleting it removes the load balancer, as the cloud provider does.
 */
function clusterWithService(calls: string[][], lb: { name: string; dns: () => string }): KubectlRunner {
  let exists = true;
  return async (args) => {
    calls.push(args);
    const verb = args.slice(2);
    if (verb[0] === 'get' && verb[1] === 'services') {
      const items = exists
        ? [
            {
              metadata: { name: 'web', namespace: 'shop' },
              spec: { type: 'LoadBalancer' },
              status: { loadBalancer: { ingress: [{ hostname: lb.dns() }] } },
            },
          ]
        : [];
      return { stdout: JSON.stringify({ items }), stderr: '', exitCode: 0 };
    }
    if (verb[0] === 'get' && verb[1] === 'ingresses') return { stdout: '{"items":[]}', stderr: '', exitCode: 0 };
    if (verb[0] === 'delete' && verb[1] === 'service') {
      exists = false;
      const elb = new ElasticLoadBalancing(config());
      await elb.deleteLoadBalancer({ LoadBalancerName: lb.name });
      elb.destroy();
      return { stdout: 'service "web" deleted', stderr: '', exitCode: 0 };
    }
    return { stdout: '', stderr: `unexpected kubectl ${args.join(' ')}`, exitCode: 1 };
  };
}

describe('down deletes what Kubernetes made while the cluster still exists', () => {
  let saved: string | undefined;
  beforeEach(async () => {
    await moto.reset();
    saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = join(await tempDir(), 'config');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  });

  it('lists the Service with the load balancer it holds, deletes it through kubectl before the cluster, and waits for the load balancer', async () => {
    const calls: string[][] = [];
    let dns = '';
    const engine = await makeEngine(
      moto.url,
      { kubectl: true },
      { kubectl: clusterWithService(calls, { name: 'a1b2c3', dns: () => dns }) },
    );
    await engine.up(3);
    await engine.apply(4);
    const found = await engine.inventory();
    const subnets = found.filter((f) => f.kind === 'subnet' && f.key.startsWith('subnet/public/')).map((f) => f.id);
    const vpc = found.find((f) => f.kind === 'vpc')!.id;
    const ec2 = new EC2Client(config());
    const group = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'k8s-elb-a1b2c3',
        Description: 'Security group for Kubernetes ELB a1b2c3 (shop/web)',
        VpcId: vpc,
      }),
    );
    ec2.destroy();
    const elb = new ElasticLoadBalancing(config());
    const made = await elb.createLoadBalancer({
      LoadBalancerName: 'a1b2c3',
      Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 80, InstancePort: 31000 }],
      Subnets: subnets,
      SecurityGroups: [group.GroupId!],
      Tags: [
        { Key: 'kubernetes.io/cluster/tutor-test', Value: 'owned' },
        { Key: 'kubernetes.io/service-name', Value: 'shop/web' },
      ],
    });
    dns = made.DNSName!;

    const plan = await engine.teardownPlan();
    const service = plan.delete.find((f) => f.kind === 'kubernetes-service');
    expect(service).toMatchObject({ id: 'shop/web', details: { loadBalancers: 'a1b2c3' } });
    expect(plan.delete.find((f) => f.kind === 'load-balancer')).toMatchObject({ id: 'a1b2c3', details: { madeFor: 'service shop/web' } });
    expect(plan.delete[0]!.kind).toBe('kubernetes-service');
    // What the front ends show before asking: what the Service holds in AWS and what it costs.
    const [holding] = kubernetesHoldings(plan.delete, { region: 'us-east-1', instanceType: 't3.medium', nodes: 2, nat: 'single' });
    expect(holding).toMatchObject({ object: 'service', id: 'shop/web', loadBalancers: [{ id: 'a1b2c3', type: 'classic' }] });
    expect(holding!.hourly).toBeGreaterThanOrEqual(0.025);
    expect(holding!.text.en).toMatch(/^Service shop\/web holds the load balancer classic a1b2c3 \(about \$0\.0\d\d\/hour\)/);

    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    const result = await engine.down(plan.delete);
    expect(result.remaining).toEqual([]);
    // kubectl spoke to the tutor's own context, never to whatever is current.
    expect(calls.every((args) => args[0] === '--context')).toBe(true);
    const deletedService = events.findIndex((e) => e.type === 'resource' && e.kind === 'kubernetes-service' && e.change === 'deleted');
    const clusterDeleting = events.findIndex((e) => e.type === 'resource' && e.kind === 'eks-cluster' && e.change === 'deleting');
    expect(deletedService).toBeGreaterThanOrEqual(0);
    expect(deletedService).toBeLessThan(clusterDeleting);
    expect((await elb.describeLoadBalancers({})).LoadBalancerDescriptions ?? []).toEqual([]);
    elb.destroy();
  });

  it('with --no-kubectl it says so and still removes the load balancer after the cluster', async () => {
    const engine = await makeEngine(moto.url, { kubectl: false });
    await engine.up(3);
    const found = await engine.inventory();
    const subnets = found.filter((f) => f.kind === 'subnet' && f.key.startsWith('subnet/public/')).map((f) => f.id);
    const elb = new ElasticLoadBalancing(config());
    await elb.createLoadBalancer({
      LoadBalancerName: 'd4e5f6',
      Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 80, InstancePort: 31000 }],
      Subnets: subnets,
      Tags: [{ Key: 'kubernetes.io/cluster/tutor-test', Value: 'owned' }],
    });
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    const result = await engine.down();
    expect(result.remaining).toEqual([]);
    const notes = events.flatMap((e) => (e.type === 'note' ? [e.text.en] : []));
    expect(notes.join('\n')).toMatch(/--no-kubectl.*Services of type LoadBalancer/);
    expect((await elb.describeLoadBalancers({})).LoadBalancerDescriptions ?? []).toEqual([]);
    elb.destroy();
  });

  it('with --logging it names the control plane log group it leaves behind', async () => {
    const engine = await makeEngine(moto.url, { logging: true });
    await engine.up(3);
    const result = await engine.down();
    expect(result.leftBehind).toEqual(['/aws/eks/tutor-test/cluster']);
  });
});
