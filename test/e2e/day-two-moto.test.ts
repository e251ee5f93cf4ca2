import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

/** day-two against a bare moto, which lacks the EKS add-on and upgrade APIs, and day-two's bad input. */

const moto = useMoto();

describe('day-two against moto and with bad input', () => {
  it(
    'after up against moto, addons and upgrade say in one line that the endpoint lacks the operation, and record nothing',
    { timeout: 240_000 },
    async () => {
      const state = await tempDir();
      const common = ['--endpoint-url', moto.url, '--region', 'us-east-1', '--state-dir', state, '--no-kubectl'];
      const up = await runCli(['up', '--yes', ...common], {}, { timeoutMs: 200_000 });
      expect(up.exitCode, up.stderr).toBe(0);
      const addons = await runCli(['day-two', 'addons', ...common]);
      expect(addons.exitCode).toBe(1);
      expect(addons.stderr.trim()).toBe(
        `${moto.url} does not answer DescribeAddon (moto lacks it): run this in the sandbox (--sandbox) or against AWS.`,
      );
      const upgrade = await runCli(['day-two', 'upgrade', ...common]);
      expect(upgrade.exitCode).toBe(1);
      // The call is shown before it is refused, as every call is.
      expect(upgrade.stdout).toContain('$ aws eks describe-cluster-versions');
      expect(upgrade.stderr.trim()).toBe(
        `${moto.url} does not answer DescribeClusterVersions (moto lacks it): run this in the sandbox (--sandbox) or against AWS.`,
      );
      const status = await runCli(['status', '--json', ...common]);
      expect(status.stdout).not.toContain('eks-addon');
      const down = await runCli(['down', '--yes', ...common], {}, { timeoutMs: 200_000 });
      expect(down.exitCode, down.stderr).toBe(0);
    },
  );

  it.each([
    [
      ['day-two'],
      'day-two needs an action: one of addons, workload, upgrade, access, second-cluster, other-vpc, no-nat, accounts, third-az.',
    ],
    [['day-two', 'addons', '--without-elb-tag'], '--without-elb-tag goes with day-two workload only.'],
    [
      ['day-two', 'addons', '--dry-run'],
      'day-two reads the build it works on: run it in the sandbox (--sandbox) or against an account, not with --dry-run.',
    ],
  ])('%j is refused in one line with exit 2', async (args, line) => {
    const result = await runCli([...args, '--state-dir', await tempDir()]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim()).toBe(line);
    expect(result.stdout).toBe('');
  });
});
