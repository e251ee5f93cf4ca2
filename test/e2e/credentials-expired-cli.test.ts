import { describe, expect, it } from 'vitest';
import { useFaultProxy } from '../support/cli-target.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/engine.js';
import { NO_FAULTS } from '../support/fault-proxy.js';

/** The built program when the learner's temporary credentials expire right after the NAT gateway is made. */

const faults = useFaultProxy();

describe('up with credentials that expire mid-run', () => {
  it('exits 1 with the explained line, what exists and bills from the ledger, and no stack trace', { timeout: 120_000 }, async () => {
    const stateDir = await tempDir();
    faults.proxy.setPlan({ ...NO_FAULTS, after: { operation: 'ec2:CreateNatGateway', fault: 'expired-token' } });
    const args = ['--endpoint-url', faults.proxy.url, '--region', 'us-east-1', '--cluster-name', 'expiring-cli', '--state-dir', stateDir];
    const up = await runCli(['up', '--yes', '--through', '2', ...args], { AWS_MAX_ATTEMPTS: '2' });
    expect(up.exitCode).toBe(1);
    // Steps 1 and 2 overlap: IAM's ExpiredToken or EC2's RequestExpired, whichever is refused first.
    expect(up.stderr).toMatch(
      /^Your AWS credentials expired \((ExpiredToken|RequestExpired)\)\. Refresh them \(`aws sso login` with the same --profile for IAM Identity Center, or a new session for temporary keys\) and run the same command again: it continues where it stopped\./,
    );
    // AWS refuses the inventory too: what exists is the ledger's record, with what it bills.
    expect(up.stderr).toContain('as the ledger records it');
    expect(up.stderr).toMatch(/ {2}- nat-gateway nat-\w+ {2}\$0\.045\/h/);
    expect(up.stderr).toMatch(/ {2}- vpc vpc-\w+/);
    expect(up.stderr).toContain('eks-basics-tutor up');
    expect(`${up.stdout}\n${up.stderr}`).not.toMatch(/\n\s+at |TutorError|node_modules/);

    const ja = await runCli(['up', '--yes', '--through', '2', ...args], { AWS_MAX_ATTEMPTS: '2', LANG: 'ja_JP.UTF-8' });
    expect(ja.exitCode).toBe(1);
    expect(ja.stderr).toContain('AWS の認証情報の有効期限が切れました(');
    expect(ja.stderr).toContain('同じコマンドをもう一度実行すると、続きから再開します。');

    // Refreshed: the same command continues and finishes step 2.
    faults.proxy.setPlan(NO_FAULTS);
    const again = await runCli(['up', '--yes', '--through', '2', ...args]);
    expect(again.exitCode).toBe(0);
    const down = await runCli(['down', '--yes', ...args]);
    expect(down.exitCode).toBe(0);
  });
});
