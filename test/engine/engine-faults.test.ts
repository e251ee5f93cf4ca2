import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { explainAwsError } from '../../src/aws/errors.js';
import { clusterStep } from '../../src/aws/steps/cluster.js';
import type { EngineEvent, StepContext } from '../../src/aws/types.js';
import { createClients } from '../../src/aws/clients.js';
import { Ledger } from '../../src/state/ledger.js';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { useMoto } from '../support/moto.js';
import { TEST_CREDENTIALS, makeEngine, tempDir, testConfig } from '../support/engine.js';
import { awsError, failNext } from '../support/inject.js';

const moto = useMoto();

describe('states and faults moto cannot produce', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('reports CREATING, then ACTIVE, with the elapsed time, polling at the waiter delay', async () => {
    const clients = createClients({ region: 'us-east-1', credentials: TEST_CREDENTIALS });
    const eks = mockClient(clients.eks);
    eks
      .on(DescribeClusterCommand)
      .resolvesOnce({ cluster: { name: 'tutor-test', status: 'CREATING' } })
      .resolvesOnce({ cluster: { name: 'tutor-test', status: 'CREATING' } })
      .resolves({
        cluster: {
          name: 'tutor-test',
          status: 'ACTIVE',
          endpoint: 'https://example',
          arn: 'arn:aws:eks:us-east-1:123456789012:cluster/tutor-test',
        },
      });
    let now = 0;
    const sleeps: number[] = [];
    const events: EngineEvent[] = [];
    const dir = await tempDir();
    const ledger = Ledger.inMemory({ clusterName: 'tutor-test', mode: 'real', region: 'us-east-1' });
    await ledger.intend('cluster', 'eks-cluster', 3);
    const ctx: StepContext = {
      config: testConfig(dir),
      clients,
      ledger,
      clock: { now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) },
      emit: (e) => events.push(e),
      kubectl: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
    };
    await clusterStep.settle!(ctx);
    const statuses = events.flatMap((e) => (e.type === 'status' ? [[e.status, e.elapsedMs]] : []));
    expect(statuses).toEqual([
      ['CREATING', 0],
      ['ACTIVE', 60_000],
    ]);
    expect(sleeps).toEqual([30_000, 30_000]);
    eks.restore();
  });

  it('rebuilds the subnets in the zones EKS names when it refuses an availability zone', async () => {
    const engine = await makeEngine(moto.url);
    const notes: string[] = [];
    engine.on((e) => e.type === 'note' && notes.push(e.text.en));
    const injected = failNext(engine.clients, 'eks', 'CreateCluster', () =>
      awsError('UnsupportedAvailabilityZoneException', 'Cannot create cluster because us-east-1a does not have sufficient capacity', {
        validZones: ['us-east-1c', 'us-east-1d', 'us-east-1b'],
      }),
    );
    await engine.up(3);
    expect(injected.failures).toBe(1);
    expect(notes.join()).toContain('us-east-1b, us-east-1c');
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    const subnets =
      (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: `tag:${CLUSTER_TAG}`, Values: ['tutor-test'] }] }))).Subnets ?? [];
    expect(new Set(subnets.map((s) => s.AvailabilityZone))).toEqual(new Set(['us-east-1b', 'us-east-1c']));
    expect(subnets).toHaveLength(4);
    const cluster = await new EKSClient({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS }).send(
      new DescribeClusterCommand({ name: 'tutor-test' }),
    );
    expect([...(cluster.cluster?.resourcesVpcConfig?.subnetIds ?? [])].sort()).toEqual(subnets.map((s) => s.SubnetId).sort());
  });

  it('explains AccessDenied with the action and the principal, and a re-run completes the step', async () => {
    const stateDir = await tempDir();
    const engine = await makeEngine(moto.url, {}, { stateDir });
    failNext(engine.clients, 'iam', 'AttachRolePolicy', () =>
      awsError(
        'AccessDenied',
        'User: arn:aws:iam::123456789012:user/learner is not authorized to perform: iam:AttachRolePolicy on resource: role tutor-test-cluster-role',
      ),
    );
    const error = await engine.run(1).catch((e: unknown) => e);
    const explained = explainAwsError(error);
    expect(explained.code).toBe('ACCESS_DENIED');
    expect(explained.text.en).toContain('iam:AttachRolePolicy');
    expect(explained.text.en).toContain('arn:aws:iam::123456789012:user/learner');
    expect(engine.ledger.get('role/cluster')?.state).toBe('created');
    expect(engine.ledger.get('role/cluster/policy/AmazonEKSClusterPolicy')?.state).toBe('intent');
    const again = await makeEngine(moto.url, {}, { stateDir });
    const checks = await again.run(1);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('retries a DependencyViolation that clears, then deletes', async () => {
    const engine = await makeEngine(moto.url);
    await engine.up(2);
    const injected = failNext(
      engine.clients,
      'ec2',
      'DeleteVpc',
      () => awsError('DependencyViolation', 'The vpc has dependencies and cannot be deleted.'),
      2,
    );
    const retries: string[] = [];
    engine.on((e) => e.type === 'status' && e.status.startsWith('DependencyViolation') && retries.push(e.id));
    const result = await engine.down();
    expect(injected.failures).toBe(2);
    expect(retries).toHaveLength(2);
    expect(result.remaining).toEqual([]);
  });

  it('explains a DependencyViolation that does not clear, after retrying, and what to do', async () => {
    const engine = await makeEngine(moto.url);
    await engine.up(2);
    failNext(
      engine.clients,
      'ec2',
      'DeleteVpc',
      () => awsError('DependencyViolation', 'The vpc has dependencies and cannot be deleted.'),
      100,
    );
    await expect(engine.down()).rejects.toMatchObject({
      code: 'DEPENDENCY',
      text: { en: expect.stringMatching(/is still in use after \d+ minutes of retrying.*run down again/) },
    });
  });

  it('explains throttling and quotas in the learner’s words', () => {
    expect(explainAwsError(awsError('ThrottlingException', 'Rate exceeded')).code).toBe('THROTTLED');
    expect(explainAwsError(awsError('VpcLimitExceeded', 'The maximum number of VPCs has been reached.')).text.en).toContain('5 VPCs');
    expect(explainAwsError(awsError('AddressLimitExceeded', 'limit')).text.ja).toContain('Elastic IP');
  });

  it('a run that dies between a create call and recording its id is resolved by tag on the next run: no duplicate', async () => {
    const stateDir = await tempDir();
    const engine = await makeEngine(moto.url, {}, { stateDir });
    const ec2 = engine.clients.ec2 as unknown as { middlewareStack: { add: (m: unknown, o: object) => void } };
    ec2.middlewareStack.add(
      (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const out = await next(args);
        if (context.commandName === 'CreateVpcCommand') throw new Error('the process died here');
        return out;
      },
      { step: 'initialize', name: 'dieAfterCreateVpc' },
    );
    await expect(engine.run(2)).rejects.toThrow('the process died here');
    expect(engine.ledger.get('vpc')).toMatchObject({ state: 'intent' });
    expect(engine.ledger.get('vpc')?.id).toBeUndefined();
    const again = await makeEngine(moto.url, {}, { stateDir });
    await again.run(2);
    const vpcs = await new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS }).send(
      new (await import('@aws-sdk/client-ec2')).DescribeVpcsCommand({ Filters: [{ Name: `tag:${CLUSTER_TAG}`, Values: ['tutor-test'] }] }),
    );
    expect(vpcs.Vpcs).toHaveLength(1);
    expect(again.ledger.get('vpc')).toMatchObject({ state: 'created', id: vpcs.Vpcs![0]!.VpcId });
  });
});
