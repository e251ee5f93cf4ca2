import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { useFaultProxy } from '../support/cli-target.js';
import { TEST_CREDENTIALS, makeEngine, tempDir } from '../support/engine.js';
import { NO_FAULTS } from '../support/fault-proxy.js';
import { seen } from '../support/seen.js';
import { rejection } from '../support/rejection.js';

/** Temporary credentials that expire mid-run: every call after a point is refused as AWS refuses them. */

const faults = useFaultProxy();
const FEW_RETRIES = { maxAttempts: 2 };

const tutorVpcs = async (cluster: string) =>
  (
    await new EC2Client({ region: 'us-east-1', endpoint: faults.moto.url, credentials: TEST_CREDENTIALS }).send(
      new DescribeVpcsCommand({ Filters: [{ Name: `tag:${CLUSTER_TAG}`, Values: [cluster] }] }),
    )
  ).Vpcs ?? [];

describe('credentials that expire in the middle of a run', () => {
  it('EC2 RequestExpired after the VPC: refresh and run again, and the run continues with the same VPC', async () => {
    const stateDir = await tempDir();
    faults.proxy.setPlan({ ...NO_FAULTS, after: { operation: 'ec2:CreateVpc', fault: 'expired-token' } });
    const engine = await makeEngine(faults.proxy.url, { clusterName: 'expiring' }, { stateDir, clientSettings: FEW_RETRIES });
    const error = await rejection(engine.up(2));
    expect(faults.proxy.stats.faults['expired-token']).toBeGreaterThan(0);
    const en = await seen(error, 'en');
    for (const shown of [en.cli, en.screen]) {
      expect(shown).toContain('Your AWS credentials expired (RequestExpired). Refresh them (`aws sso login` with the same --profile');
      expect(shown).toContain('run the same command again: it continues where it stopped.');
      expect(shown).toContain('check this machine’s clock');
      expect(shown).not.toMatch(/\n\s+at /);
    }
    expect((await seen(error, 'ja')).cli).toContain('AWS の認証情報の有効期限が切れました(RequestExpired)。');
    expect(await tutorVpcs('expiring')).toHaveLength(1);

    faults.proxy.setPlan(NO_FAULTS);
    const again = await makeEngine(faults.proxy.url, { clusterName: 'expiring' }, { stateDir, clientSettings: FEW_RETRIES });
    await again.up(2);
    const vpcs = await tutorVpcs('expiring');
    expect(vpcs.map((v) => v.VpcId)).toEqual([again.ledger.get('vpc')?.id]);
    expect((await again.down()).remaining).toEqual([]);
  });

  it('IAM ExpiredToken and EKS ExpiredTokenException: the same words, in English and Japanese', { timeout: 60_000 }, async () => {
    const stateDir = await tempDir();
    faults.proxy.setPlan({ ...NO_FAULTS, after: { operation: 'iam:CreateRole', fault: 'expired-token' } });
    let engine = await makeEngine(faults.proxy.url, { clusterName: 'expiring-iam' }, { stateDir, clientSettings: FEW_RETRIES });
    const iam = await rejection(engine.up(1));
    expect(iam.text.en).toMatch(/^Your AWS credentials expired \(ExpiredToken\)\. Refresh them/);
    expect(iam.text.en).not.toContain('clock');
    expect(iam.text.ja).toMatch(/^AWS の認証情報の有効期限が切れました\(ExpiredToken\)。認証情報を更新して/);

    faults.proxy.setPlan({ ...NO_FAULTS, always: { 'eks:POST /clusters': 'expired-token' } });
    engine = await makeEngine(faults.proxy.url, { clusterName: 'expiring-iam' }, { stateDir, clientSettings: FEW_RETRIES });
    const eks = await rejection(engine.up(3));
    expect(eks.code).toBe('NO_CREDENTIALS');
    expect(eks.text.en).toMatch(/^Your AWS credentials expired \(ExpiredTokenException\)\. .* it continues where it stopped\./);
    expect(eks.text.ja).toContain('続きから再開します。');
    faults.proxy.setPlan(NO_FAULTS);
    expect((await engine.down()).remaining).toEqual([]);
  });
});
