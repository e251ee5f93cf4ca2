import { CreateSubnetCommand, CreateVpcCommand, DescribeVpcsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DescribeNodegroupCommand,
  ListNodegroupsCommand,
  type EKSClient,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { SCRATCH_SUBNET_KEY, SCRATCH_VPC_KEY, otherVpcAction, scratchCidr } from '../../src/aws/day-two/other-vpc.js';
import { inventory } from '../../src/aws/inventory.js';
import { installRetries } from '../../src/aws/retry.js';
import { deletable, teardown } from '../../src/aws/teardown.js';
import { tempDir, testConfig } from '../support/engine.js';
import { failNext } from '../support/inject.js';
import { ManualClock, MINUTES, outcome, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';
import { sandboxEngineParts } from '../support/sandbox-engine.js';

/** The sandbox's EKS refuses a node group outside its cluster's VPC, as EKS does (moto accepts any subnet). */

const clock = new ManualClock();
const run = useSandbox({ timeScale: 1, now: clock.now });

let octet = 60;
async function network(ec2: EC2Client, zones: string[]): Promise<{ vpcId: string; subnetIds: string[] }> {
  octet += 1;
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet}.0.0/16` }));
  clock.advance(MINUTES);
  const subnetIds: string[] = [];
  for (const [i, zone] of zones.entries()) {
    subnetIds.push(
      (await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: `10.${octet}.${i}.0/24`, AvailabilityZone: zone })))
        .Subnet!.SubnetId!,
    );
  }
  clock.advance(MINUTES);
  return { vpcId: vpc.Vpc!.VpcId!, subnetIds };
}

const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

/** A cluster on the given subnets, and a node role for its node groups, each given time to settle. */
async function cluster(iam: IAMClient, eks: EKSClient, prefix: string, subnetIds: string[]): Promise<{ name: string; nodeRole: string }> {
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: uniqueName('role'), AssumeRolePolicyDocument: trust('eks.amazonaws.com') }),
  );
  const nodeRole = (
    await iam.send(new CreateRoleCommand({ RoleName: uniqueName('node'), AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }))
  ).Role!.Arn!;
  clock.advance(MINUTES);
  const name = uniqueName(prefix);
  await eks.send(new CreateClusterCommand({ name, roleArn: role.Role!.Arn!, resourcesVpcConfig: { subnetIds } }));
  clock.advance(10 * MINUTES);
  return { name, nodeRole };
}

describe('CreateNodegroup and the cluster VPC', () => {
  it('is refused with InvalidParameterException naming the cluster VPC when any subnet is in another VPC, and accepted on its own subnets', async () => {
    const { ec2, eks, iam } = sandboxClients(run.sandbox);
    const home = await network(ec2, ['us-east-1a', 'us-east-1b']);
    const other = await network(ec2, ['us-east-1a']);
    const { name, nodeRole } = await cluster(iam, eks, 'vpcs', home.subnetIds);

    const group = (nodegroupName: string, subnets: string[]) =>
      eks.send(
        new CreateNodegroupCommand({
          clusterName: name,
          nodegroupName,
          nodeRole,
          subnets,
          scalingConfig: { minSize: 1, maxSize: 1, desiredSize: 1 },
        }),
      );
    const refusal = `InvalidParameterException: Specified subnets must belong to cluster's vpc ${home.vpcId}`;
    expect(await outcome(group('elsewhere', other.subnetIds))).toBe(refusal);
    expect(await outcome(group('straddling', [home.subnetIds[0]!, other.subnetIds[0]!]))).toBe(refusal);
    expect(await outcome(eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: 'elsewhere' })))).toMatch(
      /^ResourceNotFoundException/,
    );
    expect(await outcome(group('home', home.subnetIds))).toBe('ok');
    expect((await eks.send(new ListNodegroupsCommand({ clusterName: name }))).nodegroups).toEqual(['home']);
  });

  it('a run cut short after the scratch VPC is made leaves it recorded, and down finds and deletes it', async () => {
    const { ec2, eks, iam } = sandboxClients(run.sandbox);
    const home = await network(ec2, ['us-east-1a', 'us-east-1b']);
    const { name, nodeRole } = await cluster(iam, eks, 'cut', home.subnetIds);
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: `${name}-nodes`,
        nodeRole,
        subnets: home.subnetIds,
        scalingConfig: { minSize: 1, maxSize: 1, desiredSize: 1 },
      }),
    );
    clock.advance(10 * MINUTES);

    const stateDir = await tempDir();
    const config = testConfig(stateDir, { clusterName: name });
    const { clients, ledger } = await sandboxEngineParts(run.sandbox, config, { maxAttempts: 1 });
    const shown: string[] = [];
    const ctx = {
      config,
      clients,
      ledger,
      clock: { now: clock.now, sleep: async (ms: number) => clock.advance(ms) },
      emit: () => undefined,
      kubectl: async () => ({ stdout: '', stderr: 'off', exitCode: 1 }),
      show: (call: { cli: string }) => shown.push(call.cli),
    };
    // The retries every session's clients have (a VPC just made may not be found for a moment).
    installRetries(clients, { clock: ctx.clock, emit: () => undefined });
    // The connection drops when the scratch subnet is to be deleted: the run stops there.
    failNext(clients, 'ec2', 'DeleteSubnet', () => new Error('socket hang up'));
    await expect(otherVpcAction(ctx)).rejects.toThrow('socket hang up');
    expect(shown.some((cli) => cli.startsWith('aws eks create-nodegroup'))).toBe(true);
    expect(ledger.get(SCRATCH_VPC_KEY)?.state).toBe('created');
    expect(ledger.get(SCRATCH_SUBNET_KEY)?.state).toBe('created');

    // down comes later: by then DescribeSubnets lists the subnet made just before the run stopped.
    clock.advance(MINUTES);
    const found = await inventory(ctx);
    const plan = deletable(found, false).delete.filter((f) => f.key === SCRATCH_VPC_KEY || f.key === SCRATCH_SUBNET_KEY);
    expect(plan.map((f) => `${f.kind} ${f.id}`).sort()).toEqual(
      [`subnet ${ledger.get(SCRATCH_SUBNET_KEY)!.id}`, `vpc ${ledger.get(SCRATCH_VPC_KEY)!.id}`].sort(),
    );
    await teardown(ctx, plan);
    const vpcId = ledger.get(SCRATCH_VPC_KEY)?.id ?? '';
    expect(await outcome(ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })))).toMatch(/^InvalidVpcID\.NotFound/);
  });

  it("the scratch VPC's range never overlaps the build's", () => {
    expect(scratchCidr('192.168.0.0/16')).toBe('10.254.0.0/16');
    expect(scratchCidr('10.0.0.0/8')).toBe('172.30.0.0/16');
    expect(scratchCidr('10.254.0.0/20')).toBe('172.30.0.0/16');
  });
});
