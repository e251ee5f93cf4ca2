import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/aws/engine.js';
import { census } from '../support/census.js';
import { runCli } from '../support/cli.js';
import { makeEngine, tempDir } from '../support/engine.js';
import { runScript } from '../support/export-script.js';
import { useMoto } from '../support/moto.js';

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
    const built = await runScript(build.stdout, env);
    expect(built.exitCode, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect((await census('script-run', { endpoint: moto.url })).map((t) => t.kind).sort()).toEqual(
      expect.arrayContaining(['eks-cluster', 'eks-nodegroup', 'iam-role', 'nat-gateway', 'vpc']),
    );

    const engine = await makeEngine(moto.url, { clusterName: 'script-run' });
    const adopted = await tutorAdoptsAll(engine);
    expect(adopted.creates).toEqual([]);
    expect(adopted.failed).toEqual([]);

    const removed = await runScript(teardown.stdout, env);
    expect(removed.exitCode, `${removed.stdout}\n${removed.stderr}`).toBe(0);
    expect(await census('script-run', { endpoint: moto.url })).toEqual([]);
  });
});
