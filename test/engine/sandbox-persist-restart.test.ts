import { CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryToJson, restoreMemory } from '../../src/sandbox/persist.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { Memory } from '../../src/sandbox/timeline.js';
import { sandboxClients, useTempDir } from '../support/sandbox.js';

const tmp = useTempDir();
const portOf = (url: string) => Number(new URL(url).port);

async function withSandbox<T>(dir: string, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ timeScale: 0, region: 'us-east-1', persistDir: dir });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.stop();
  }
}

describe('a sandbox with a directory keeps what it holds', () => {
  it('gives back the same VPC, subnets and role, with the same ids, on the same port, after a stop', { timeout: 180_000 }, async () => {
    const dir = join(tmp.path, 'same');
    const before = await withSandbox(dir, async (sandbox) => {
      const { ec2, iam } = sandboxClients(sandbox);
      const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc!.VpcId!;
      const subnets = [];
      for (const [i, zone] of ['us-east-1a', 'us-east-1b'].entries()) {
        subnets.push(
          (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.1.${i}.0/24`, AvailabilityZone: zone }))).Subnet!.SubnetId!,
        );
      }
      // Reads in between are part of what the ids depend on; they are replayed too.
      await ec2.send(new DescribeVpcsCommand({}));
      const role = (
        await iam.send(
          new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }),
        )
      ).Role!.RoleId!;
      return { vpc, subnets, role, endpoint: sandbox.endpointUrl };
    });
    const ca = await readFile(join(dir, 'ca.crt'), 'utf8');
    const after = await withSandbox(dir, async (sandbox) => {
      const { ec2, iam } = sandboxClients(sandbox);
      const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [before.vpc] }] }))).Subnets ?? [];
      const role = (await iam.send(new GetRoleCommand({ RoleName: 'kept' }))).Role!.RoleId!;
      expect(sandbox.replayed).toBeGreaterThan(0);
      expect(sandbox.moved).toEqual([]);
      return { vpc: before.vpc, subnets: subnets.map((s) => s.SubnetId!).sort(), role, endpoint: sandbox.endpointUrl };
    });
    expect(after).toEqual({ ...before, subnets: [...before.subnets].sort() });
    expect(await readFile(join(dir, 'ca.crt'), 'utf8')).toBe(ca);
  });

  it('takes another port when its own is taken, and says which', { timeout: 120_000 }, async () => {
    const dir = join(tmp.path, 'moved');
    const first = await withSandbox(dir, async (sandbox) => sandbox.endpointUrl);
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(portOf(first), '127.0.0.1', () => resolve()));
    try {
      await withSandbox(dir, async (sandbox) => {
        expect(sandbox.endpointUrl).not.toBe(first);
        expect(sandbox.moved).toEqual([{ what: 'proxy', from: portOf(first), to: portOf(sandbox.endpointUrl) }]);
      });
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});

describe("the sandbox's Memory on disk", () => {
  it('keeps every map it holds, whatever they are named', () => {
    const memory = new Memory();
    memory.setCluster({ region: 'us-east-1', name: 'demo', accessKeyId: 'AKIA', createdAt: 1, deletedAt: 2 });
    memory.setNatGateway({ region: 'us-east-1', id: 'nat-1', accessKeyId: 'AKIA', associationIds: ['eipassoc-1'] });
    (memory as unknown as { later: Map<string, unknown> }).later = new Map([['k', { at: 3 }]]);
    const saved = JSON.parse(JSON.stringify(memoryToJson(memory))) as Record<string, unknown[]>;
    const restored = new Memory();
    (restored as unknown as { later: Map<string, unknown> }).later = new Map();
    restoreMemory(restored, saved);
    expect(restored.cluster('us-east-1', 'demo')).toEqual({
      region: 'us-east-1',
      name: 'demo',
      accessKeyId: 'AKIA',
      createdAt: 1,
      deletedAt: 2,
    });
    expect(restored.natGateway('us-east-1', 'nat-1')?.associationIds).toEqual(['eipassoc-1']);
    expect((restored as unknown as { later: Map<string, unknown> }).later.get('k')).toEqual({ at: 3 });
  });
});
