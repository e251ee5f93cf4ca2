import { describe, expect, it } from 'vitest';
import { sandboxChildEnv } from '../../src/sandbox/index.js';
import { census } from '../support/census.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/engine.js';
import { runScript } from '../support/export-script.js';
import { useSandbox } from '../support/sandbox.js';

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
    const built = await runScript(build.stdout, env);
    expect(built.exitCode, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect(built.stdout.match(/^\S+\s+Ready\s/gm)).toHaveLength(2);

    const removed = await runScript(teardown.stdout, env);
    expect(removed.exitCode, `${removed.stdout}\n${removed.stderr}`).toBe(0);
    expect(await census('sb-script', { endpoint: sandbox.motoUrl, region: sandbox.region, credentials: sandbox.credentials })).toEqual([]);
  });
});
