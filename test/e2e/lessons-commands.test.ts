import { execa } from 'execa';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/aws/engine.js';
import { CLUSTER_ROLE_KEY } from '../../src/aws/steps/cluster-role.js';
import { NODE_ROLE_KEY } from '../../src/aws/steps/nodegroup.js';
import { VPC_KEY, subnetKey } from '../../src/aws/steps/vpc-requests.js';
import { LESSONS, lessonById } from '../../src/lessons/index.js';
import { commandValues, fillCommand, placeholdersIn, type CommandValues } from '../../src/lessons/placeholders.js';
import { runCli } from '../support/cli.js';
import { makeEngine, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();

/** The region's zone names, as the screens fetch them (DescribeAvailabilityZones). */
async function zonesOf(region: string): Promise<string[]> {
  const result = await aws(
    ['ec2', 'describe-availability-zones', '--region', region, '--query', 'AvailabilityZones[].ZoneName', '--output', 'json'],
    '',
  );
  return JSON.parse(result.stdout) as string[];
}

/** Fills each command with the product's values and runs it; returns what failed. */
async function runAll(commands: { lesson: string; cli: string }[], values: CommandValues, dir: string): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...commands];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { lesson, cli } = next;
      const filled = fillCommand(cli, values);
      const words = filled.split(/\s+/);
      if (placeholdersIn(filled).length > 0 || words[0] !== 'aws') {
        failures.push(`${lesson}: not a runnable aws command: ${filled}`);
        continue;
      }
      const result = await aws(words.slice(1), join(dir, `lesson-kubeconfig-${lesson}`));
      if (result.exitCode !== 0) failures.push(`${lesson}: ${filled}\n${result.stderr}`);
    }
  };
  // The lessons only read, except the third AZ's subnet and its tag, which touch nothing else.
  await Promise.all([worker(), worker(), worker()]);
  return failures;
}

async function aws(args: string[], kubeconfig: string) {
  return execa('aws', ['--endpoint-url', moto.url, ...args], {
    reject: false,
    env: { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', KUBECONFIG: kubeconfig, AWS_DEFAULT_REGION: 'us-east-1' },
  });
}

describe('every command the lessons and the export show really runs', () => {
  let engine: Engine;
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    engine = await makeEngine(moto.url, { clusterName: 'lesson-run' }, { stateDir: dir });
    process.env.KUBECONFIG = join(dir, 'kubeconfig');
    await engine.up(5);
  }, 120_000);

  it('runs each lesson command against moto, filled as the learner sees it', { timeout: 240_000 }, async () => {
    const values = commandValues({ ledger: engine.ledger, config: engine.config, zones: await zonesOf('us-east-1') });
    // A 2-AZ build in us-east-1 takes a and b; the third AZ's private slot of 192.168.0.0/16 is free.
    expect(values).toMatchObject({ thirdAz: 'us-east-1c', freeCidr: '192.168.160.0/19', cluster: 'lesson-run', region: 'us-east-1' });
    expect(values).toMatchObject({
      vpcId: engine.ledger.get(VPC_KEY)!.id,
      privateSubnetId: engine.ledger.get(subnetKey('private', 0))!.id,
      clusterRoleArn: engine.ledger.get(CLUSTER_ROLE_KEY)!.id,
      nodeRoleArn: engine.ledger.get(NODE_ROLE_KEY)!.id,
    });
    const commands = LESSONS.flatMap((lesson) => (lesson.commands ?? []).map((c) => ({ lesson: lesson.id, cli: c.cli })));
    expect(commands.length).toBeGreaterThan(20);
    const failures = await runAll(commands, values, dir);
    expect(failures).toEqual([]);
  });

  it('the built program speaks Japanese when LANG is Japanese', async () => {
    const result = await runCli(['up', '--dry-run', '--region', 'ap-northeast-1', '--through', '2'], { LANG: 'ja_JP.UTF-8' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('ドライラン');
    expect(result.stdout).toContain('ステップ 1/5: クラスター IAM ロール');
    expect(result.stdout).toContain('ステップ 2/5: クラスター VPC');
  });
});

describe('the third-AZ exercise works for any build', () => {
  const thirdAz = lessonById('wrapup-third-az')!;

  it.each([
    { region: 'us-east-1', vpcCidr: '10.20.0.0/16', az: 'us-east-1c', cidr: '10.20.160.0/19' },
    { region: 'ap-northeast-1', vpcCidr: '192.168.0.0/16', az: 'ap-northeast-1d', cidr: '192.168.160.0/19' },
  ])('in $region with $vpcCidr', { timeout: 120_000 }, async ({ region, vpcCidr, az, cidr }) => {
    const dir = await tempDir();
    const engine = await makeEngine(moto.url, { clusterName: `third-az-${region}`, region, vpcCidr }, { stateDir: dir });
    await engine.up(2);
    const used = engine.ledger.entries.filter((e) => e.kind === 'subnet').map((e) => e.details?.['az']);
    const values = commandValues({ ledger: engine.ledger, config: engine.config, zones: await zonesOf(region) });
    expect(values.thirdAz).toBe(az);
    expect(used).not.toContain(values.thirdAz);
    expect(values.freeCidr).toBe(cidr);
    const failures = await runAll(
      (thirdAz.commands ?? []).map((c) => ({ lesson: thirdAz.id, cli: c.cli })),
      values,
      dir,
    );
    expect(failures).toEqual([]);
    const made = await aws(
      [
        'ec2',
        'describe-subnets',
        '--region',
        region,
        '--filters',
        `Name=vpc-id,Values=${values.vpcId}`,
        `Name=availability-zone,Values=${az}`,
        '--output',
        'json',
      ],
      '',
    );
    expect((JSON.parse(made.stdout) as { Subnets: { CidrBlock: string }[] }).Subnets.map((sub) => sub.CidrBlock)).toEqual([cidr]);
  });
});
