import { DescribeNatGatewaysCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { runCli } from '../support/cli.js';
import { TEST_CREDENTIALS, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { useLearners } from '../support/sandbox-cli.js';

const moto = useMoto();
const learners = useLearners();
const aws = <T>(C: new (c: object) => T) => new C({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

/** The position of the first line matching each pattern, in order; -1 when missing. */
const at = (output: string, pattern: RegExp) => output.split('\n').findIndex((line) => pattern.test(line));

describe('the built program in the sandbox', () => {
  it('up --nodes 3 ends with 3 Ready nodes from the real kubectl; down leaves nothing tagged', { timeout: 180_000 }, async () => {
    const state = await tempDir();
    const common = ['--sandbox', '--endpoint-url', moto.url, '--state-dir', state, '--time-scale', '0'];
    const up = await runCli(['up', '--yes', '--nodes', '3', ...common]);
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    const svc = up.stdout.slice(up.stdout.indexOf('$ kubectl get svc'));
    expect(svc).toMatch(/^kubernetes\s+ClusterIP\s+10\.100\.0\.1\s/m);
    const nodes = up.stdout.slice(up.stdout.lastIndexOf('$ kubectl get nodes'));
    expect(nodes).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/m);
    expect(nodes.split('\n').filter((line) => /^ip-192-168-\d+-\d+\.ec2\.internal\s+Ready\s/.test(line))).toHaveLength(3);

    const down = await runCli(['down', '--yes', ...common]);
    expect(down.exitCode).toBe(0);
    const filter = [{ Name: `tag:${CLUSTER_TAG}`, Values: ['eks-basics-tutor'] }];
    const ec2 = aws(EC2Client);
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: filter }))).Vpcs).toEqual([]);
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: filter }))).Subnets).toEqual([]);
    const nats = (await ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? [];
    expect(nats.filter((g) => g.State !== 'deleted' && g.Tags?.some((t) => t.Key === CLUSTER_TAG))).toEqual([]);
    expect((await aws(EKSClient).send(new ListClustersCommand({}))).clusters).toEqual([]);
    expect(
      ((await aws(IAMClient).send(new ListRolesCommand({}))).Roles ?? []).filter((r) => r.RoleName?.startsWith('eks-basics-tutor')),
    ).toEqual([]);
  });

  it('with a time-lapse, progress shows CREATING before ACTIVE and pending before available', { timeout: 180_000 }, async () => {
    await moto.reset();
    const state = await tempDir();
    const common = ['--sandbox', '--endpoint-url', moto.url, '--state-dir', state, '--time-scale', '1/60', '--cluster-name', 'lapse'];
    const up = await runCli(['up', '--yes', '--no-kubectl', ...common]);
    expect(up.exitCode).toBe(0);
    const order = (out: string, first: RegExp, then: RegExp) => {
      expect(at(out, first), String(first)).toBeGreaterThanOrEqual(0);
      expect(at(out, then), String(then)).toBeGreaterThan(at(out, first));
    };
    order(up.stdout, /eks-cluster lapse: CREATING/, /eks-cluster lapse: ACTIVE/);
    order(up.stdout, /eks-nodegroup lapse-nodes: CREATING/, /eks-nodegroup lapse-nodes: ACTIVE/);
    order(up.stdout, /nat-gateway nat-\w+: pending/, /nat-gateway nat-\w+: available/);
    const down = await runCli(['down', '--yes', ...common]);
    expect(down.exitCode).toBe(0);
    order(down.stdout, /eks-nodegroup lapse-nodes: DELETING/, /eks-cluster lapse: DELETING/);
    order(down.stdout, /eks-cluster lapse: DELETING/, /nat-gateway nat-\w+: deleting/);
  });

  it('a later command finds the build in the background sandbox: nothing is cleared', { timeout: 180_000 }, async () => {
    const learner = await learners.make();
    const up = await learner.run(['up', '--sandbox', '--time-scale', '0', '--yes', '--through', '2']);
    expect(up.exitCode, up.stderr).toBe(0);
    const status = await learner.run(['status', '--sandbox', '--json']);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.stderr).not.toMatch(/fresh|cleared/);
    const rows = (JSON.parse(status.stdout) as { resources: { kind: string; exists: boolean }[] }).resources;
    expect(rows.filter((r) => r.kind === 'vpc' && r.exists)).toHaveLength(1);
    expect(rows.every((r) => r.exists)).toBe(true);
  });
});
