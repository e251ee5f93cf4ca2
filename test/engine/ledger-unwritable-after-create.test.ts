import { DescribeNatGatewaysCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { InitializeMiddleware } from '@aws-sdk/types';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/aws/engine.js';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { TEST_CREDENTIALS, makeEngine, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { makeReadOnly } from '../support/read-only-dir.js';
import { seen } from '../support/seen.js';
import { rejection } from '../support/rejection.js';

/** The state directory turns read-only the moment AWS has answered a create, before the ledger records the new id. */

const moto = useMoto();
let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

/** Makes `dir` read-only as soon as `operation` has been answered, once. */
function readOnlyAfter(engine: Engine, operation: string, dir: string): void {
  const after: InitializeMiddleware<any, any> = (next, context) => async (args) => {
    const result = await next(args);
    if (context.commandName === `${operation}Command` && !restore) restore = await makeReadOnly(dir);
    return result;
  };
  engine.clients.ec2.middlewareStack.add(after, { step: 'initialize', name: 'readOnlyAfterCreate' });
}

const ec2 = () => new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

async function tutorVpcs(cluster: string): Promise<string[]> {
  const answer = await ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: `tag:${CLUSTER_TAG}`, Values: [cluster] }] }));
  return (answer.Vpcs ?? []).map((v) => v.VpcId!);
}

describe('the ledger cannot be written right after a create', () => {
  it('names the new VPC, its tags and that it is free; the same command then finds it by its tags, and down removes it', async () => {
    const stateDir = await tempDir();
    const dir = join(stateDir, 'real');
    await mkdir(dir);
    const engine = await makeEngine(moto.url, { clusterName: 'unwritable' }, { stateDir });
    readOnlyAfter(engine, 'CreateVpc', dir);
    const error = await rejection(engine.up(2));
    const vpcs = await tutorVpcs('unwritable');
    expect(vpcs).toHaveLength(1);
    const vpc = vpcs[0]!;
    // What the ledger on disk says: the intent only.
    const onDisk = JSON.parse(await readFile(join(dir, 'unwritable.json'), 'utf8')) as { entries: { key: string; state: string }[] };
    expect(onDisk.entries.find((e) => e.key === 'vpc')?.state).toBe('intent');

    const en = await seen(error, 'en');
    for (const shown of [en.cli, en.screen]) {
      expect(shown).toContain(`The vpc ${vpc} now exists in AWS (us-east-1), but the tutor could not record it in its ledger in ${dir}`);
      expect(shown).toMatch(/\((EROFS|EACCES)\)/);
      expect(shown).toContain("It carries the tutor's tags (eks-basics-tutor/cluster=unwritable, eks-basics-tutor/key=vpc)");
      expect(shown).toContain('`eks-basics-tutor down` find it by them. It costs nothing while it exists.');
      expect(shown).toContain(`Make ${dir} writable (or choose another --state-dir), then run the same command again`);
    }
    const ja = await seen(error, 'ja');
    expect(ja.cli).toContain(`vpc ${vpc} はAWS(us-east-1)に作成済みですが、${dir} の台帳に記録できませんでした`);
    expect(ja.cli).toContain('チューターのタグ(eks-basics-tutor/cluster=unwritable, eks-basics-tutor/key=vpc)が付いているので');
    expect(ja.cli).toContain('存在していても料金はかかりません。');

    await restore!();
    restore = undefined;
    const again = await makeEngine(moto.url, { clusterName: 'unwritable' }, { stateDir });
    await again.up(2);
    expect(again.ledger.get('vpc')).toMatchObject({ state: 'created', id: vpc });
    const down = await again.down();
    expect(down.remaining).toEqual([]);
    expect(await tutorVpcs('unwritable')).toEqual([]);
  });

  it('a full disk after AllocateAddress: names the Elastic IP and what it bills, and says to free some space', async () => {
    const stateDir = await tempDir();
    const engine = await makeEngine(moto.url, { clusterName: 'disk-full' }, { stateDir });
    const { ledger } = engine;
    // From then on every write fails as write(2) fails on a full disk: ENOSPC, naming no file.
    const full: InitializeMiddleware<any, any> = (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'AllocateAddressCommand') {
        ledger.save = () =>
          Promise.reject(
            Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }),
          );
      }
      return result;
    };
    engine.clients.ec2.middlewareStack.add(full, { step: 'initialize', name: 'diskFullAfterAllocate' });
    const error = await rejection(engine.up(2));
    const entry = ledger.get('eip/0');
    expect(entry?.id).toMatch(/^eipalloc-/);
    const { cli, screen } = await seen(error, 'en');
    for (const shown of [cli, screen]) {
      expect(shown).toContain(
        `The elastic-ip ${entry!.id} now exists in AWS (us-east-1), but the tutor could not record it in its ledger: no space is left on the device (ENOSPC).`,
      );
      expect(shown).toContain('eks-basics-tutor/key=eip/0');
      expect(shown).toContain('It bills about $0.005/hour while it exists');
      expect(shown).toContain(
        'Free some space on its disk, then run the same command again: it finds the elastic-ip and continues where it stopped.',
      );
    }
    expect((await seen(error, 'ja')).cli).toContain(`elastic-ip ${entry!.id} はAWS(us-east-1)に作成済みですが、台帳に記録できませんでした`);
    const again = await makeEngine(moto.url, { clusterName: 'disk-full' }, { stateDir });
    expect((await again.down()).remaining).toEqual([]);
  });

  it('after CreateNatGateway: says what the NAT gateway bills an hour', { timeout: 60_000 }, async () => {
    const stateDir = await tempDir();
    const dir = join(stateDir, 'real');
    await mkdir(dir);
    const engine = await makeEngine(moto.url, { clusterName: 'unwritable-nat' }, { stateDir });
    readOnlyAfter(engine, 'CreateNatGateway', dir);
    const error = await rejection(engine.up(2));
    const nat = (
      await ec2().send(new DescribeNatGatewaysCommand({ Filter: [{ Name: `tag:${CLUSTER_TAG}`, Values: ['unwritable-nat'] }] }))
    ).NatGateways!.find((g) => g.State !== 'deleted')!.NatGatewayId!;
    const { cli } = await seen(error, 'en');
    expect(cli).toContain(`The nat-gateway ${nat} now exists in AWS (us-east-1)`);
    expect(cli).toContain('eks-basics-tutor/key=nat/0');
    expect(cli).toContain('It bills about $0.045/hour while it exists (estimate, prices of');
    expect((await seen(error, 'ja')).cli).toContain('存在する間は 1 時間あたり約 $0.045 かかります');
    await restore!();
    restore = undefined;
    const again = await makeEngine(moto.url, { clusterName: 'unwritable-nat' }, { stateDir });
    expect((await again.down()).remaining).toEqual([]);
  });
});
