import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { TEST_CREDENTIALS, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();

/** [arguments, what the one line must name] */
const CASES: [string[], string][] = [
  [['up', '--cluster-name', '-starts-with-dash'], '--cluster-name'],
  [['up', '--cluster-name', ''], '--cluster-name'],
  [['up', '--cluster-name', 'has space'], '--cluster-name'],
  [['up', '--cluster-name', 'x'.repeat(101)], '--cluster-name'],
  [['up', '--cluster-name', 'dot.name'], '--cluster-name'],
  [['up', '--region', 'us-east-9'], '--region'],
  [['up', '--region', 'mars-north-1'], '--region'],
  [['up', '--nodes', '0'], '--nodes'],
  [['up', '--nodes', '101'], '--nodes'],
  [['up', '--nodes', '2.5'], '--nodes'],
  [['up', '--nodes', 'two'], '--nodes'],
  [['up', '--vpc-cidr', '8.8.0.0/16'], '--vpc-cidr'],
  [['up', '--vpc-cidr', '10.0.0.0/8'], '--vpc-cidr'],
  [['up', '--vpc-cidr', '192.168.0.0/25'], '--vpc-cidr'],
  [['up', '--vpc-cidr', '192.168.1.0/16'], '--vpc-cidr'],
  [['up', '--vpc-cidr', 'banana'], '--vpc-cidr'],
  [['up', '--vpc-cidr', '300.1.0.0/16'], '--vpc-cidr'],
  [['up', '--azs', '1'], '--azs'],
  [['up', '--azs', '4'], '--azs'],
  [['up', '--nat', 'double'], '--nat'],
  [['up', '--registry-policy', 'admin'], '--registry-policy'],
  [['up', '--instance-type', 't3'], '--instance-type'],
  [['up', '--instance-type', 'm5 large'], '--instance-type'],
  [['up', '--kubernetes-version', '1.2'], '--kubernetes-version'],
  [['up', '--kubernetes-version', 'latest'], '--kubernetes-version'],
  [['up', '--time-scale', '2'], '--time-scale'],
  [['up', '--time-scale', 'fast'], '--time-scale'],
  [['up', '--lang', 'fr'], '--lang'],
  [['up', '--no-such-option'], '--no-such-option'],
  [['up', '--through', '6'], '--through'],
  [['up', '--through', '0'], '--through'],
  [['up', '--endpoint-url', 'ftp://example'], '--endpoint-url'],
  [['up', '--endpoint-url', 'not a url'], '--endpoint-url'],
  [['up', '--sandbox', '--dry-run'], '--sandbox'],
  [['up', '--profile', 'bad profile!'], '--profile'],
  [['export', 'yaml'], 'yaml'],
  [['down', '--nodes', 'many'], '--nodes'],
  [['status', '--azs', 'three'], '--azs'],
  [['--step', '9'], '--step'],
  [['stauts'], "unknown command 'stauts' — did you mean status?"],
  [['dwon'], 'did you mean down?'],
  [['frobnicate'], "unknown command 'frobnicate'"],
];

describe('bad input: one line naming the option and what is allowed, exit 2, nothing created', () => {
  it(`refuses ${CASES.length} bad inputs`, { timeout: 240_000 }, async () => {
    const state = await tempDir();
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    const before = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length;
    const failures: string[] = [];
    const queue = [...CASES];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [args, names] = next;
        const endpoint = args.includes('--endpoint-url') ? [] : ['--endpoint-url', moto.url];
        const base = args[0] === '--step' ? [] : [...endpoint, '--state-dir', state, '--yes'];
        const withRegion = args.includes('--region') ? base : [...base, '--region', 'us-east-1'];
        const result = await runCli([...args, ...(args[0] === 'export' ? base : withRegion)]);
        const lines = result.stderr.trim().split('\n');
        const problems = [
          result.exitCode !== 2 && `exit ${result.exitCode}`,
          lines.length !== 1 && `${lines.length} lines`,
          !result.stderr.includes(names) && `does not name ${names}`,
          /\n\s+at /.test(result.stderr) && 'stack trace',
          result.stdout.includes('created') && 'created something',
        ].filter(Boolean);
        if (problems.length) failures.push(`${args.join(' ')}: ${problems.join(', ')} — ${result.stderr.trim()}`);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(failures).toEqual([]);
    expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length).toBe(before);
    const roles =
      (await new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS }).send(new ListRolesCommand({})))
        .Roles ?? [];
    expect(roles).toEqual([]);
    expect(
      (await new EKSClient({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS }).send(new ListClustersCommand({})))
        .clusters,
    ).toEqual([]);
  });

  it('says it in Japanese when the locale is Japanese', async () => {
    const result = await runCli(['up', '--nodes', '0', '--region', 'us-east-1'], { LANG: 'ja_JP.UTF-8' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--nodes に「0」は指定できません');
  });

  it('says no region in one line with the fix when none is set', async () => {
    const state = await tempDir();
    const result = await runCli(['up', '--endpoint-url', moto.url, '--state-dir', state, '--yes', '--no-kubectl'], {
      AWS_CONFIG_FILE: `${state}/none`,
      AWS_SHARED_CREDENTIALS_FILE: `${state}/none`,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--region');
  });
});
