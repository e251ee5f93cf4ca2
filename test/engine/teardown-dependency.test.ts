import { CreateNetworkInterfaceCommand, CreateSecurityGroupCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClients } from '../../src/aws/clients.js';
import { Engine } from '../../src/aws/engine.js';
import type { EngineEvent } from '../../src/aws/types.js';
import { Ledger } from '../../src/state/ledger.js';
import { failNext } from '../support/inject.js';
import { useMoto } from '../support/moto.js';
import { TEST_CREDENTIALS, tempDir, testConfig } from '../support/engine.js';

const moto = useMoto();

/** An engine whose clock moves only when it sleeps: elapsed times are the retry delays, exactly. */
async function steppedEngine() {
  const stateDir = await tempDir();
  const config = testConfig(stateDir);
  const clients = createClients({ region: config.region, endpointUrl: moto.url, credentials: TEST_CREDENTIALS });
  const ledger = await Ledger.open(stateDir, { clusterName: config.clusterName, mode: 'real', region: config.region, endpoint: moto.url });
  let t = 1_000_000;
  const engine = new Engine({
    config,
    clients,
    ledger,
    clock: { now: () => t, sleep: async (ms) => void (t += ms) },
    kubectl: async () => ({ stdout: '', stderr: 'off', exitCode: 1 }),
  });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  return { engine, clients, events };
}

const dependencyViolation = () =>
  Object.assign(new Error('The subnet has dependencies and cannot be deleted.'), { name: 'DependencyViolation' });

describe('DependencyViolation during down', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('is retried with the real elapsed time shown, then the delete goes through', async () => {
    const { engine, clients, events } = await steppedEngine();
    await engine.up(2);
    failNext(clients, 'ec2', 'DeleteSubnet', dependencyViolation, 3);
    const result = await engine.down();
    expect(result.remaining).toEqual([]);
    const retries = events.filter(
      (e): e is Extract<EngineEvent, { type: 'status' }> => e.type === 'status' && e.status.startsWith('DependencyViolation'),
    );
    expect(retries.map((e) => e.status)).toEqual([
      'DependencyViolation, retrying',
      'DependencyViolation, retrying',
      'DependencyViolation, retrying',
    ]);
    // Not "0:00" every time: the time since the first refusal, growing with each wait.
    expect(retries.map((e) => e.elapsedMs)).toEqual([0, 5_000, 15_000]);
    expect(retries[0]!.expectedMs).toBe(15 * 60_000);
  });

  it('after about 15 minutes it stops and names what holds the subnet, by its network interface', async () => {
    const { engine, clients, events } = await steppedEngine();
    await engine.up(2);
    const subnet = (await engine.inventory()).find((f) => f.key === 'subnet/public/0')!;
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    // A learner's instance in the tutor's subnet: its interface goes with the instance, the tutor leaves it.
    await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, SubnetId: subnet.id }));
    await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.id, Description: 'learner interface' }));
    ec2.destroy();
    failNext(clients, 'ec2', 'DeleteSubnet', dependencyViolation, 1_000);
    const error = await engine.down().then(
      () => undefined,
      (e: unknown) => e as { code?: string; message?: string },
    );
    expect(error?.code).toBe('DEPENDENCY');
    expect(error?.message).toMatch(/still in use after 1[45] minutes/);
    expect(error?.message).toMatch(/eni-[0-9a-f]+ \([^)]*i-[0-9a-f]+/);
    expect(error?.message).not.toMatch(/delete that Service/i);
    const retries = events.filter(
      (e): e is Extract<EngineEvent, { type: 'status' }> =>
        e.type === 'status' && e.key === subnet.key && e.status.startsWith('Dependency'),
    );
    expect(retries.at(-1)!.elapsedMs).toBeGreaterThan(13 * 60_000);
  });

  it('names a security group that still holds the VPC', async () => {
    const { engine, clients } = await steppedEngine();
    await engine.up(2);
    const plan = await engine.teardownPlan();
    const vpc = plan.delete.find((f) => f.kind === 'vpc')!;
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    // Made after the plan was shown: not in it, so it is still there when the VPC's turn comes.
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'made-meanwhile', Description: 'x', VpcId: vpc.id }));
    ec2.destroy();
    failNext(clients, 'ec2', 'DeleteVpc', dependencyViolation, 1_000);
    const error = await engine.down(plan.delete).then(
      () => undefined,
      (e: unknown) => e as { code?: string; message?: string },
    );
    expect(error?.code).toBe('DEPENDENCY');
    expect(error?.message).toMatch(/sg-[0-9a-f]+ \(security group made-meanwhile\)/);
  });
});
