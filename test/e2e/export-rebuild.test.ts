import { Ajv } from 'ajv';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/aws/engine.js';
import { sandboxChildEnv } from '../../src/sandbox/index.js';
import { census } from '../support/census.js';
import { runCli } from '../support/cli.js';
import { makeEngine, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { useSandbox } from '../support/sandbox.js';

const schema = JSON.parse(readFileSync(new URL('../fixtures/eksctl/schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/** Runs an exported script with sh, as the learner would: the file as it is, in a clean environment. */
async function sh(script: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ebt-script-'));
  const file = join(dir, 'script.sh');
  writeFileSync(file, script);
  return execa('sh', [file], {
    reject: false,
    extendEnv: false,
    cwd: dir,
    timeout: 400_000,
    env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), LANG: 'C.UTF-8', ...env },
  });
}

/** The tutor's own build on top of what a script made: everything is adopted, nothing created, every check passes. */
async function tutorAdoptsAll(engine: Engine) {
  const results = await engine.up(5);
  const creates = [...engine.clients.callCounts.keys()].filter((call) => /:(Create|Allocate)/.test(call));
  const failed = [...results.values()].flat().filter((check) => !check.ok && !check.unknown);
  return { creates, failed: failed.map((c) => `${c.id}: ${c.detail ?? ''}`) };
}

describe('export cli rebuilds the same thing on a fresh account, and its teardown leaves nothing', () => {
  const moto = useMoto();

  it('against a fresh moto (kubectl checks left out)', { timeout: 600_000 }, async () => {
    const dir = await tempDir();
    const common = [
      '--endpoint-url',
      moto.url,
      '--region',
      'us-east-1',
      '--cluster-name',
      'script-run',
      '--state-dir',
      dir,
      '--no-kubectl',
    ];
    const build = await runCli(['export', 'cli', ...common]);
    const teardown = await runCli(['export', 'cli', '--teardown', ...common]);
    expect(build.exitCode, build.stderr).toBe(0);
    expect(teardown.exitCode, teardown.stderr).toBe(0);
    expect(build.stdout.startsWith('#!/bin/sh\n')).toBe(true);
    expect(build.stdout, 'no placeholder is left for the learner to fill').not.toMatch(/<[a-z][a-z0-9-]*>/);
    expect(build.stdout).toMatch(/^REGION="\$\{REGION:-us-east-1\}"$/m);
    expect(build.stdout).toContain('aws ec2 wait nat-gateway-available');
    expect(build.stdout).toContain('aws eks wait cluster-active');

    const env = { AWS_ENDPOINT_URL: moto.url, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
    const built = await sh(build.stdout, env);
    expect(built.exitCode, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect((await census('script-run', { endpoint: moto.url })).map((t) => t.kind).sort()).toEqual(
      expect.arrayContaining(['eks-cluster', 'eks-nodegroup', 'iam-role', 'nat-gateway', 'vpc']),
    );

    const engine = await makeEngine(moto.url, { clusterName: 'script-run' });
    const adopted = await tutorAdoptsAll(engine);
    expect(adopted.creates).toEqual([]);
    expect(adopted.failed).toEqual([]);

    const removed = await sh(teardown.stdout, env);
    expect(removed.exitCode, `${removed.stdout}\n${removed.stderr}`).toBe(0);
    expect(await census('script-run', { endpoint: moto.url })).toEqual([]);
  });

  it(
    'export eksctl validates against eksctl’s schema and names no id of the build, unless --existing-vpc',
    { timeout: 240_000 },
    async () => {
      const dir = await tempDir();
      const engine = await makeEngine(moto.url, { clusterName: 'yaml-run', nat: 'ha' }, { stateDir: dir });
      await engine.up(2);
      const common = ['--endpoint-url', moto.url, '--region', 'us-east-1', '--cluster-name', 'yaml-run', '--state-dir', dir, '--nat', 'ha'];
      const fresh = await runCli(['export', 'eksctl', ...common]);
      expect(fresh.exitCode, fresh.stderr).toBe(0);
      const document = parse(fresh.stdout) as Record<string, any>;
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      expect(fresh.stdout).not.toMatch(/\b(vpc|subnet|nat|igw|eipalloc|rtb)-[0-9a-f]{8,}/);
      expect(fresh.stdout).not.toContain('arn:aws:iam');
      expect(document.metadata.name).not.toBe('yaml-run');
      expect(document.upgradePolicy).toEqual({ supportType: 'STANDARD' });
      expect(document.vpc).toMatchObject({ cidr: '192.168.0.0/16', nat: { gateway: 'HighlyAvailable' } });
      expect(document.availabilityZones).toEqual(engine.ledger.facts.availabilityZones);
      expect(document.managedNodeGroups[0]).toMatchObject({
        instanceType: 't3.medium',
        desiredCapacity: 2,
        privateNetworking: true,
        amiFamily: 'AmazonLinux2023',
      });
      expect(document.addons.map((a: { name: string }) => a.name)).toEqual(['vpc-cni', 'kube-proxy', 'coredns', 'eks-pod-identity-agent']);

      const existing = await runCli(['export', 'eksctl', '--existing-vpc', ...common]);
      expect(existing.exitCode, existing.stderr).toBe(0);
      const reuse = parse(existing.stdout) as Record<string, any>;
      expect(validate(reuse), JSON.stringify(validate.errors)).toBe(true);
      expect(reuse.vpc.id).toBe(engine.ledger.get('vpc')!.id);
      expect(Object.keys(reuse.vpc.subnets.private).sort()).toEqual([...engine.ledger.facts.availabilityZones!].sort());

      const none = await runCli(['export', 'eksctl', '--existing-vpc', ...common, '--cluster-name', 'no-build-here']);
      expect(none.exitCode).toBe(2);
      expect(none.stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});

describe('export cli against the sandbox', () => {
  const sandboxRef = useSandbox({ timeScale: 1 / 60 });

  it('the script builds a cluster whose nodes kubectl sees Ready, and its teardown leaves nothing', { timeout: 600_000 }, async () => {
    const sandbox = sandboxRef.sandbox;
    const dir = await tempDir();
    const common = ['--endpoint-url', sandbox.endpointUrl, '--region', sandbox.region, '--cluster-name', 'sb-script', '--state-dir', dir];
    const build = await runCli(['export', 'cli', ...common]);
    const teardown = await runCli(['export', 'cli', '--teardown', ...common]);
    expect(build.exitCode, build.stderr).toBe(0);
    const env = sandboxChildEnv(sandbox, { PATH: process.env.PATH ?? '' });
    const built = await sh(build.stdout, env);
    expect(built.exitCode, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect(built.stdout.match(/^\S+\s+Ready\s/gm)).toHaveLength(2);

    const removed = await sh(teardown.stdout, env);
    expect(removed.exitCode, `${removed.stdout}\n${removed.stderr}`).toBe(0);
    expect(await census('sb-script', { endpoint: sandbox.motoUrl, region: sandbox.region, credentials: sandbox.credentials })).toEqual([]);
  });
});
