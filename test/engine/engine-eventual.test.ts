import { beforeEach, describe, expect, it } from 'vitest';
import { createClients } from '../../src/aws/clients.js';
import { Engine } from '../../src/aws/engine.js';
import { explainAwsError } from '../../src/aws/errors.js';
import type { EngineEvent } from '../../src/aws/types.js';
import { Ledger } from '../../src/state/ledger.js';
import { TEST_CREDENTIALS, tempDir, testConfig } from '../support/engine.js';
import { awsError, failNext } from '../support/inject.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();

/** An engine on moto whose clock moves only when the engine waits: elapsed times are the engine's own. */
async function engineWithClock(overrides: Parameters<typeof testConfig>[1] = {}) {
  const stateDir = await tempDir();
  const config = testConfig(stateDir, overrides);
  const clients = createClients({ region: config.region, endpointUrl: moto.url, credentials: TEST_CREDENTIALS });
  const ledger = await Ledger.open(stateDir, { clusterName: config.clusterName, mode: 'real', region: config.region, endpoint: moto.url });
  let now = 0;
  const engine = new Engine({
    config,
    clients,
    ledger,
    clock: { now: () => now, sleep: async (ms) => void (now += ms) },
    kubectl: async () => ({ stdout: '', stderr: '', exitCode: 1 }),
  });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  const retries = () => events.flatMap((e) => (e.type === 'retry' ? [e] : []));
  return { engine, events, retries, elapsed: () => now };
}

const iamRefusal = () =>
  awsError(
    'InvalidParameterException',
    'Role with arn: arn:aws:iam::123456789012:role/tutor-test-cluster-role, could not be assumed because the trusted entity is not correct',
  );

describe('eventual consistency: retried for a bounded time, visibly', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('CreateCluster refused while IAM propagates the new role is sent again, with the waiting shown', async () => {
    const { engine, retries } = await engineWithClock();
    const injected = failNext(engine.clients, 'eks', 'CreateCluster', iamRefusal, 3);
    await engine.up(3);
    expect(injected.failures).toBe(3);
    const seen = retries();
    expect(seen.map((r) => [r.key, r.operation, r.attempt])).toEqual([
      ['cluster', 'CreateCluster', 2],
      ['cluster', 'CreateCluster', 3],
      ['cluster', 'CreateCluster', 4],
    ]);
    expect(seen[0]!.reason.en).toBe('waiting for IAM to propagate the new role');
    expect(seen.map((r) => r.elapsedMs)).toEqual([0, 5_000, 15_000]);
    expect(engine.ledger.get('cluster')?.state).toBe('created');
  });

  it('CreateNodegroup refused for a trust relationship not yet visible is sent again', async () => {
    const { engine, retries } = await engineWithClock();
    failNext(
      engine.clients,
      'eks',
      'CreateNodegroup',
      () =>
        awsError(
          'InvalidParameterException',
          'Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole arn:aws:iam::123456789012:role/tutor-test-node-role',
        ),
      2,
    );
    await engine.up(5);
    expect(retries().map((r) => [r.key, r.operation])).toEqual([
      ['nodegroup', 'CreateNodegroup'],
      ['nodegroup', 'CreateNodegroup'],
    ]);
    expect(engine.ledger.get('nodegroup')?.state).toBe('created');
  });

  it('gives up after about two and a half minutes of refusals, with AWS’s words', async () => {
    const { engine, retries, elapsed } = await engineWithClock();
    failNext(engine.clients, 'eks', 'CreateCluster', iamRefusal, 1000);
    const error = await engine.up(3).catch((e: unknown) => e);
    expect(explainAwsError(error).text.en).toContain('could not be assumed because the trusted entity is not correct');
    expect(elapsed()).toBeGreaterThanOrEqual(120_000);
    expect(elapsed()).toBeLessThanOrEqual(180_000);
    expect(retries().length).toBeLessThan(15);
  });

  it('an EC2 NotFound right after a create is asked again; the VPC is built', async () => {
    const { engine, retries } = await engineWithClock();
    failNext(engine.clients, 'ec2', 'ModifyVpcAttribute', () => awsError('InvalidVpcID.NotFound', 'The vpc ID does not exist'), 2);
    failNext(
      engine.clients,
      'ec2',
      'CreateNatGateway',
      () => awsError('InvalidAllocationID.NotFound', 'The allocation ID does not exist'),
      1,
    );
    const checks = await engine.run(2);
    expect(checks.filter((c) => !c.ok && !c.unknown).map((c) => c.id)).toEqual([]);
    expect(retries().map((r) => [r.key, r.operation])).toEqual([
      ['vpc', 'ModifyVpcAttribute'],
      ['vpc', 'ModifyVpcAttribute'],
      ['nat/0', 'CreateNatGateway'],
    ]);
  });

  it('a NatGatewayNotFound while waiting for the new NAT gateway is asked again', async () => {
    const { engine, retries } = await engineWithClock();
    // Only the wait's look by id (the create's own lookup by tag comes first).
    let refused = 0;
    (engine.clients.ec2 as unknown as { middlewareStack: { add: (m: unknown, o: object) => void } }).middlewareStack.add(
      (next: (a: { input: { NatGatewayIds?: string[] } }) => Promise<unknown>, context: { commandName?: string }) =>
        async (args: { input: { NatGatewayIds?: string[] } }) => {
          if (context.commandName === 'DescribeNatGatewaysCommand' && args.input.NatGatewayIds && refused++ === 0) {
            throw awsError('NatGatewayNotFound', `NAT gateway ${args.input.NatGatewayIds[0]} was not found`);
          }
          return next(args);
        },
      { step: 'initialize', name: 'natNotFoundOnce' },
    );
    await engine.apply(2);
    await engine.settle(2);
    expect(refused).toBeGreaterThan(1);
    expect(retries().map((r) => [r.key, r.operation])).toEqual([['nat/0', 'DescribeNatGateways']]);
  });

  it('a node group not listed yet right after its create is waited for, not reported missing', async () => {
    const { engine, events } = await engineWithClock();
    // The first DescribeNodegroup is apply's own look (none yet); the second is the wait's first poll.
    failNext(
      engine.clients,
      'eks',
      'DescribeNodegroup',
      () => awsError('ResourceNotFoundException', 'No node group found for name: tutor-test-nodes.'),
      2,
    );
    await engine.up(5);
    const statuses = events.flatMap((e) => (e.type === 'status' && e.key === 'nodegroup' ? [e.status] : []));
    expect(statuses[0]).toBe('not listed yet');
    expect(statuses).toContain('ACTIVE');
  });

  it('a NotFound for something this run did not just create is not retried', async () => {
    const { engine, retries } = await engineWithClock();
    failNext(
      engine.clients,
      'ec2',
      'DescribeVpcs',
      () => awsError('InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist"),
      1,
    );
    await expect(engine.run(2)).rejects.toThrow('does not exist');
    expect(retries()).toEqual([]);
  });
});

describe('a create whose answer was lost', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('is looked for again when the first look by tag does not list it yet: no second VPC', async () => {
    const { engine } = await engineWithClock();
    const ec2 = engine.clients.ec2 as unknown as { middlewareStack: { add: (m: unknown, o: object) => void } };
    let lost = false;
    let hidden = false;
    ec2.middlewareStack.add(
      (next: (a: unknown) => Promise<{ output: { Vpcs?: unknown[] } }>, context: { commandName?: string }) => async (args: unknown) => {
        const out = await next(args);
        // CreateVpc is carried out, its answer lost once; the next look by tag misses the new VPC once.
        if (context.commandName === 'CreateVpcCommand' && !lost) {
          lost = true;
          throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
        }
        if (context.commandName === 'DescribeVpcsCommand' && lost && !hidden) {
          hidden = true;
          return { ...out, output: { ...out.output, Vpcs: [] } };
        }
        return out;
      },
      { step: 'deserialize', name: 'loseCreateVpcAnswer' },
    );
    await engine.apply(2);
    expect([lost, hidden]).toEqual([true, true]);
    expect(engine.clients.callCounts.get('ec2:CreateVpc')).toBe(1);
  });
});
