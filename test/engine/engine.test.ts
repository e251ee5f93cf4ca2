import { CreateVpcCommand, DescribeNatGatewaysCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import type { StepNumber } from '../../src/aws/types.js';
import { useMoto } from '../support/moto.js';
import { TEST_CREDENTIALS, makeEngine, tempDir } from '../support/engine.js';

const moto = useMoto();
const client = <T>(C: new (config: object) => T) => new C({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

async function tagged(clusterName: string) {
  const ec2 = client(EC2Client);
  const filter = [{ Name: `tag:${CLUSTER_TAG}`, Values: [clusterName] }];
  const vpcs = (await ec2.send(new DescribeVpcsCommand({ Filters: filter }))).Vpcs ?? [];
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: filter }))).Subnets ?? [];
  const nats = ((await ec2.send(new DescribeNatGatewaysCommand({ Filter: filter }))).NatGateways ?? []).filter(
    (g) => g.State !== 'deleted',
  );
  return { vpcs, subnets, nats };
}

describe('the five steps against moto', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('builds steps 1-3 and every check that moto can answer passes', async () => {
    const engine = await makeEngine(moto.url);
    const results = await engine.up(3);
    for (const step of [1, 2, 3] as StepNumber[]) {
      const failed = (results.get(step) ?? []).filter((c) => !c.ok && !c.unknown);
      expect(failed.map((c) => c.id)).toEqual([]);
    }
    const { vpcs, subnets, nats } = await tagged('tutor-test');
    expect(vpcs).toHaveLength(1);
    expect(subnets).toHaveLength(4);
    expect(nats).toHaveLength(1);
    const cluster = await client(EKSClient).send(new DescribeClusterCommand({ name: 'tutor-test' }));
    expect(cluster.cluster?.resourcesVpcConfig?.subnetIds).toHaveLength(4);
    expect(cluster.cluster?.tags?.[CLUSTER_TAG]).toBe('tutor-test');
  });

  it('starts a step as up does: the node role during step 3’s wait when the build goes on to step 5, not in a build through step 3', async () => {
    const engine = await makeEngine(moto.url);
    const told: StepNumber[][] = [];
    await engine.up(3);
    expect(engine.ledger.get('role/node')).toBeUndefined();
    const { checks } = await engine.start(3, { through: 3, applied: (early) => told.push(early) });
    await checks;
    expect(engine.ledger.get('role/node')).toBeUndefined();
    const again = await engine.start(3, { applied: (early) => told.push(early) });
    expect((await again.checks).filter((c) => !c.ok && !c.unknown)).toEqual([]);
    expect(told).toEqual([[], [5]]);
    await vi.waitFor(() => expect(engine.ledger.get('role/node')?.state).toBe('created'));
    const roleName = engine.ledger.get('role/node')!.id!.split('/').pop()!;
    const role = await client(IAMClient).send(new GetRoleCommand({ RoleName: roleName }));
    expect(role.Role?.Tags?.find((t) => t.Key === CLUSTER_TAG)?.Value).toBe('tutor-test');
  });

  it('running the steps again adopts what exists instead of creating it twice', async () => {
    const stateDir = await tempDir();
    await (await makeEngine(moto.url, {}, { stateDir })).up(3);
    const again = await makeEngine(moto.url, {}, { stateDir });
    await again.up(3);
    const creates = [...again.clients.callCounts.keys()].filter((call) => /:(Create|Allocate|Attach)/.test(call));
    // Policies are attached again (AttachRolePolicy is idempotent); nothing is created twice.
    expect(creates.filter((c) => c !== 'iam:AttachRolePolicy' && c !== 'ec2:AttachInternetGateway')).toEqual([]);
    const { vpcs, subnets, nats } = await tagged('tutor-test');
    expect([vpcs.length, subnets.length, nats.length]).toEqual([1, 4, 1]);
  });

  it('records every resource in the ledger with its id, and no secret', async () => {
    const stateDir = await tempDir();
    await (await makeEngine(moto.url, { nat: 'ha' }, { stateDir })).up(2);
    const raw = await readFile(join(stateDir, 'real', 'tutor-test.json'), 'utf8');
    const ledger = JSON.parse(raw) as { entries: { key: string; state: string; id?: string }[] };
    expect(ledger.entries.filter((e) => e.state !== 'created')).toEqual([]);
    expect(ledger.entries.map((e) => e.key)).toEqual(expect.arrayContaining(['vpc', 'igw', 'nat/0', 'nat/1', 'eip/1', 'rtb/private/1']));
    expect(raw).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  it('--nat none makes no NAT gateway and gives private subnets no way out', async () => {
    const engine = await makeEngine(moto.url, { nat: 'none', azs: 3 });
    const results = await engine.up(2);
    expect((results.get(2) ?? []).filter((c) => !c.ok && !c.unknown)).toEqual([]);
    const { subnets, nats } = await tagged('tutor-test');
    expect(subnets).toHaveLength(6);
    expect(nats).toHaveLength(0);
  });

  for (const through of [1, 2, 3] as StepNumber[]) {
    it(`teardown after step ${through} leaves nothing tagged and leaves the test's own VPC alone`, async () => {
      const ec2 = client(EC2Client);
      const own = await ec2.send(new CreateVpcCommand({ CidrBlock: '192.168.0.0/16' }));
      const engine = await makeEngine(moto.url);
      await engine.up(through);
      const result = await engine.down();
      expect(result.remaining).toEqual([]);
      const { vpcs, subnets, nats } = await tagged('tutor-test');
      expect([vpcs.length, subnets.length, nats.length]).toEqual([0, 0, 0]);
      const still = await ec2.send(new DescribeVpcsCommand({ VpcIds: [own.Vpc!.VpcId!] }));
      expect(still.Vpcs).toHaveLength(1);
      await expect(client(IAMClient).send(new GetRoleCommand({ RoleName: 'tutor-test-cluster-role' }))).rejects.toThrow();
    });
  }

  it('teardown without a ledger finds the resources by their tag', async () => {
    await (await makeEngine(moto.url)).up(2);
    const fresh = await makeEngine(moto.url);
    const plan = await fresh.teardownPlan();
    expect(plan.byTagOnly).toBe(true);
    expect(plan.delete.map((f) => f.kind)).toEqual(expect.arrayContaining(['vpc', 'subnet', 'nat-gateway', 'iam-role']));
    const result = await fresh.down(plan.delete);
    expect(result.remaining).toEqual([]);
  });

  it('never deletes a role of the same name that the tutor did not make', async () => {
    const iam = client(IAMClient);
    const { CreateRoleCommand } = await import('@aws-sdk/client-iam');
    await iam.send(
      new CreateRoleCommand({ RoleName: 'tutor-test-cluster-role', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }),
    );
    const engine = await makeEngine(moto.url);
    await expect(engine.up(1)).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    const plan = await engine.teardownPlan();
    expect(plan.delete).toEqual([]);
    await engine.down(plan.delete);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'tutor-test-cluster-role' }))).resolves.toBeTruthy();
  });
});
