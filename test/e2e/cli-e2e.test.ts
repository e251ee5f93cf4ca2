import { DescribeNatGatewaysCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { runCli } from '../support/cli.js';
import { TEST_CREDENTIALS, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();
const aws = <T>(C: new (c: object) => T) => new C({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

describe('the built program against moto', () => {
  it('up --through 3, status --json, down: builds, reports, and leaves nothing tagged', async () => {
    const state = await tempDir();
    const common = ['--endpoint-url', moto.url, '--region', 'us-east-1', '--state-dir', state, '--cluster-name', 'cli-e2e'];
    const up = await runCli(['up', '--through', '3', '--yes', ...common], { KUBECONFIG: join(state, 'kubeconfig') });
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toContain('Step 3/5: The cluster');
    expect(up.stdout).toContain('aws eks create-cluster --name cli-e2e');
    expect(up.stdout).toContain('✓ The cluster is ACTIVE');
    expect(up.stdout).not.toContain('✗');

    const ec2 = aws(EC2Client);
    const filter = [{ Name: `tag:${CLUSTER_TAG}`, Values: ['cli-e2e'] }];
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: filter }))).Vpcs).toHaveLength(1);
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: filter }))).Subnets).toHaveLength(4);
    expect((await aws(EKSClient).send(new ListClustersCommand({}))).clusters).toEqual(['cli-e2e']);

    const status = await runCli(['status', '--json', ...common]);
    expect(status.exitCode).toBe(0);
    const report = JSON.parse(status.stdout) as { resources: { kind: string; exists: boolean; hourlyUsd: number }[]; hourlyUsd: number };
    expect(report.resources.filter((r) => r.kind === 'subnet' && r.exists)).toHaveLength(4);
    expect(report.resources.find((r) => r.kind === 'eks-cluster')).toMatchObject({ exists: true, hourlyUsd: 0.1 });
    expect(report.hourlyUsd).toBeCloseTo(0.1 + 0.045 + 0.005, 5);

    const refused = await runCli(['down', ...common]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--yes');

    const down = await runCli(['down', '--yes', ...common]);
    expect(down.exitCode).toBe(0);
    expect(down.stdout).toContain('Nothing tagged eks-basics-tutor/cluster=cli-e2e is left');
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: filter }))).Vpcs).toHaveLength(0);
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: filter }))).Subnets).toHaveLength(0);
    const nats = (await ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? [];
    expect(nats.filter((g) => g.State !== 'deleted' && g.Tags?.some((t) => t.Key === CLUSTER_TAG))).toHaveLength(0);
    expect((await aws(EKSClient).send(new ListClustersCommand({}))).clusters).toEqual([]);
    const roles = (await aws(IAMClient).send(new ListRolesCommand({}))).Roles ?? [];
    expect(roles.filter((r) => r.RoleName?.startsWith('cli-e2e'))).toHaveLength(0);

    const after = await runCli(['status', '--json', ...common]);
    expect(JSON.parse(after.stdout).resources).toEqual([]);
  });

  it('--dry-run prints every request and aws CLI command and sends nothing', async () => {
    const state = await tempDir();
    const result = await runCli(['up', '--dry-run', '--region', 'ap-northeast-1', '--state-dir', state, '--cluster-name', 'dry']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('aws eks create-nodegroup');
    expect(result.stdout).toContain('"amiType": "AL2023_x86_64_STANDARD"');
    expect(result.stdout).toContain('--region ap-northeast-1');
    // Step 5's check as it runs: on the tutor's context, named after the cluster's ARN.
    expect(result.stdout).toContain('$ kubectl get nodes --context arn:aws:eks:ap-northeast-1:<account-id>:cluster/dry');
  });

  it('without credentials, up and down say so and exit 1: a dry run only when --dry-run is given', async () => {
    const state = await tempDir();
    const none = {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_CONFIG_FILE: join(state, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(state, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    for (const command of [
      ['up', '--yes'],
      ['down', '--yes'],
    ]) {
      const result = await runCli([...command, '--endpoint-url', moto.url, '--region', 'us-east-1', '--state-dir', state], none);
      expect(result.exitCode, command[0]).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('No AWS credentials were found');
      expect(result.stderr).toContain('--sandbox');
      expect(result.stdout).not.toContain('Dry run');
    }
    const dry = await runCli(['up', '--dry-run', '--region', 'us-east-1', '--state-dir', state], none);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Dry run');
  });

  it('up in real mode without --yes and without a terminal refuses before anything is created, naming --yes', async () => {
    const state = await tempDir();
    const result = await runCli([
      'up',
      '--no-kubectl',
      '--endpoint-url',
      moto.url,
      '--region',
      'us-east-1',
      '--state-dir',
      state,
      '--cluster-name',
      'no-yes',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--yes');
    expect(result.stdout).toMatch(/about \$0\.\d+ per hour/);
    const vpcs = (await aws(EC2Client).send(new DescribeVpcsCommand({ Filters: [{ Name: `tag:${CLUSTER_TAG}`, Values: ['no-yes'] }] })))
      .Vpcs;
    expect(vpcs).toEqual([]);
  });

  it('doctor reports the tools, the identity, the region’s zones and the quota headroom', async () => {
    const vpcsBefore = (await aws(EC2Client).send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
    const result = await runCli(['doctor', '--endpoint-url', moto.url, '--region', 'us-east-1']);
    expect(result.stdout).toMatch(/✓ kubectl: v1\.\d+/);
    expect(result.stdout).toMatch(/✓ aws CLI: aws-cli\/1\./);
    expect(result.stdout).toContain('account 123456789012');
    expect(result.stdout).toMatch(/✓ Region: us-east-1: us-east-1a, us-east-1b/);
    expect(result.stdout).toMatch(/VPCs: \d+ of the default quota of 5/);
    expect(result.stdout).toMatch(/Elastic IPs: \d+ of the default quota of 5 in use; this build needs 1/);
    // EC2 permissions, asked with DryRun (moto answers it for some creates only); nothing is left created.
    expect(result.stdout).toMatch(/✓ EC2 permissions: [1-7] of 7 creates allowed \(DryRun\)/);
    expect((await aws(EC2Client).send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(vpcsBefore);
  });
});
