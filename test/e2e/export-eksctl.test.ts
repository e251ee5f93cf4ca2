import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { makeEngine, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

const schema = JSON.parse(readFileSync(new URL('../fixtures/eksctl/schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('export eksctl', () => {
  const moto = useMoto();

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
