import { execa } from 'execa';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCli, exportEksctl } from '../src/aws/export.js';
import type { Engine } from '../src/aws/engine.js';
import { CLUSTER_ROLE_KEY } from '../src/aws/steps/cluster-role.js';
import { NODE_ROLE_KEY, nodegroupName } from '../src/aws/steps/nodegroup.js';
import { VPC_KEY, natKey, subnetKey } from '../src/aws/steps/vpc-requests.js';
import { LESSONS } from '../src/lessons/index.js';
import { runCli } from './support/cli.js';
import { makeEngine, tempDir } from './support/engine.js';
import { useMoto } from './support/moto.js';

const moto = useMoto();

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

  it('runs each lesson command against moto with the ids of this build', { timeout: 240_000 }, async () => {
    const ledger = engine.ledger;
    const values: Record<string, string> = {
      cluster: 'lesson-run',
      region: 'us-east-1',
      vpcId: ledger.get(VPC_KEY)!.id!,
      publicSubnetId: ledger.get(subnetKey('public', 0))!.id!,
      privateSubnetId: ledger.get(subnetKey('private', 0))!.id!,
      clusterRoleName: 'lesson-run-cluster-role',
      clusterRoleArn: ledger.get(CLUSTER_ROLE_KEY)!.id!,
      nodeRoleName: 'lesson-run-node-role',
      nodeRoleArn: ledger.get(NODE_ROLE_KEY)!.id!,
      natGatewayId: ledger.get(natKey(0))!.id!,
      nodegroup: nodegroupName('lesson-run'),
    };
    const commands = LESSONS.flatMap((lesson) => (lesson.commands ?? []).map((c) => ({ lesson: lesson.id, cli: c.cli })));
    expect(commands.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const queue = [...commands];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { lesson, cli } = next;
        const filled = cli.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
        const words = filled.split(/\s+/);
        if (/\{\w+\}/.test(filled) || words[0] !== 'aws') {
          failures.push(`${lesson}: not a runnable aws command: ${filled}`);
          continue;
        }
        const result = await aws(words.slice(1), join(dir, `lesson-kubeconfig-${lesson}`));
        if (result.exitCode !== 0) failures.push(`${lesson}: ${filled}\n${result.stderr}`);
      }
    };
    // The lessons only read, except the third AZ's subnet and its tag, which touch nothing else.
    await Promise.all([worker(), worker(), worker()]);
    expect(failures).toEqual([]);
  });

  it('export eksctl names the same subnets, roles and version', () => {
    const document = parse(exportEksctl(engine)) as Record<string, any>;
    const ledger = engine.ledger;
    expect(document.kind).toBe('ClusterConfig');
    expect(document.metadata).toMatchObject({ name: 'lesson-run', region: 'us-east-1', version: ledger.facts.kubernetesVersion });
    expect(document.iam.serviceRoleARN).toBe(ledger.get(CLUSTER_ROLE_KEY)!.id);
    expect(document.vpc.id).toBe(ledger.get(VPC_KEY)!.id);
    const ids = (tier: string) => Object.values(document.vpc.subnets[tier] as Record<string, { id: string }>).map((s) => s.id).sort();
    expect(ids('public')).toEqual([ledger.get(subnetKey('public', 0))!.id, ledger.get(subnetKey('public', 1))!.id].sort());
    expect(ids('private')).toEqual([ledger.get(subnetKey('private', 0))!.id, ledger.get(subnetKey('private', 1))!.id].sort());
    expect(document.vpc.nat.gateway).toBe('Single');
    expect(document.managedNodeGroups[0]).toMatchObject({ name: 'lesson-run-nodes', instanceType: 't3.medium', desiredCapacity: 2, privateNetworking: true });
    expect(document.managedNodeGroups[0].iam.instanceRoleARN).toBe(ledger.get(NODE_ROLE_KEY)!.id);
  });

  it('export cli is a script whose aws commands run, in order, on a fresh server', { timeout: 240_000 }, async () => {
    await moto.reset();
    const fresh = await makeEngine(moto.url, { clusterName: 'script-run' });
    const script = exportCli(fresh);
    expect(script.startsWith('#!/bin/sh')).toBe(true);
    // Ids that only exist once an earlier command ran are filled from that command's answer.
    const ids: Record<string, string> = { 'account-id': '123456789012' };
    const failures: string[] = [];
    for (const line of script.split('\n').filter((l) => l.startsWith('aws '))) {
      const filled = line.replace(/<([\w-]+)>/g, (m, name: string) => ids[name] ?? (name.startsWith('client-token') ? `token-${name}` : m));
      expect(filled, 'every placeholder is known by the time it is used').not.toMatch(/<[\w-]+>/);
      const words = (filled.match(/'(?:[^']|'\\'')*'|\S+/g) ?? []).map((w) => (w.startsWith("'") ? w.slice(1, -1).replace(/'\\''/g, "'") : w));
      const result = await aws([...words.slice(1), '--output', 'json'], join(await tempDir(), 'kc'));
      if (result.exitCode !== 0) {
        failures.push(`${filled}\n${result.stderr}`);
        continue;
      }
      const out = result.stdout.trim().startsWith('{') ? (JSON.parse(result.stdout) as Record<string, any>) : {};
      const key = /"eks-basics-tutor\/key","Value":"([^"]+)"/.exec(filled)?.[1];
      const id = out.Vpc?.VpcId ?? out.InternetGateway?.InternetGatewayId ?? out.Subnet?.SubnetId ?? out.RouteTable?.RouteTableId ?? out.AllocationId ?? out.NatGateway?.NatGatewayId;
      if (key && id) {
        const name = { vpc: 'vpc-id', igw: 'igw-id', 'rtb/public': 'rtb-public' }[key] ?? key.replace(/^subnet\//, 'subnet-').replace(/^rtb\//, 'rtb-').replace(/^eip\//, 'eipalloc-').replace(/^nat\//, 'nat-').replace('/', '-');
        ids[name] = id;
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys(ids)).toEqual(expect.arrayContaining(['vpc-id', 'subnet-private-1', 'nat-0', 'rtb-private-1']));
  });

  it('the built program speaks Japanese when LANG is Japanese', async () => {
    const result = await runCli(['up', '--dry-run', '--region', 'ap-northeast-1', '--through', '2'], { LANG: 'ja_JP.UTF-8' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('ドライラン');
    expect(result.stdout).toContain('ステップ 1/5: クラスター IAM ロール');
    expect(result.stdout).toContain('ステップ 2/5: クラスター VPC');
  });
});
