import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeNetworkInterfacesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand, DeleteClusterCommand, DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { describeClusterVersions, versionStatus, EKS_CALENDAR } from '../../src/sandbox/eks-versions.js';
import { ManualClock, MINUTES, outcome, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';

// Real time on a clock the tests move by hand.
const clock = new ManualClock();
const lines: string[] = [];
const run = useSandbox({ timeScale: 1, now: clock.now, log: (line) => lines.push(line) });

let octet = 10;
/** A VPC with two subnets and a cluster role, each given time to settle. */
async function groundwork(ec2: EC2Client) {
  const { iam } = sandboxClients(run.sandbox);
  octet += 1;
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet}.0.0/16` }));
  const vpcId = vpc.Vpc!.VpcId!;
  clock.advance(MINUTES);
  const subnetIds: string[] = [];
  for (const [i, zone] of ['us-east-1a', 'us-east-1b'].entries()) {
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${octet}.${i}.0/24`, AvailabilityZone: zone }));
    subnetIds.push(subnet.Subnet!.SubnetId!);
  }
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  const role = await iam.send(new CreateRoleCommand({ RoleName: uniqueName('role'), AssumeRolePolicyDocument: JSON.stringify(trust) }));
  clock.advance(MINUTES);
  return { vpcId, subnetIds, roleArn: role.Role!.Arn! };
}

describe('what outlives the cluster', () => {
  it("keeps EKS's interfaces and security group for minutes after the cluster is gone, holding subnets and VPC", async () => {
    const { ec2, eks } = sandboxClients(run.sandbox);
    const { vpcId, subnetIds, roleArn } = await groundwork(ec2);
    const name = uniqueName('linger');
    await eks.send(new CreateClusterCommand({ name, roleArn, resourcesVpcConfig: { subnetIds } }));
    clock.advance(10 * MINUTES);
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    const groupId = cluster!.resourcesVpcConfig!.clusterSecurityGroupId!;
    const interfaces = async () =>
      (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkInterfaces ?? [];
    const made = await interfaces();
    expect(made.map((eni) => [eni.Description, eni.SubnetId, eni.RequesterManaged]).sort()).toEqual(
      subnetIds.map((id) => [`Amazon EKS ${name}`, id, true]).sort(),
    );
    expect(made[0]?.Groups?.map((g) => g.GroupId)).toEqual([groupId]);

    await eks.send(new DeleteClusterCommand({ name }));
    clock.advance(4 * MINUTES);
    expect(await outcome(eks.send(new DescribeClusterCommand({ name })))).toMatch(/^ResourceNotFoundException/);
    expect(await outcome(ec2.send(new DeleteSubnetCommand({ SubnetId: subnetIds[0] })))).toBe(
      `DependencyViolation: The subnet '${subnetIds[0]}' has dependencies and cannot be deleted.`,
    );
    expect(lines.at(-1)).toMatch(
      new RegExp(`^sandbox: lingering-enis: DeleteSubnet refused: held by network interface eni-\\w+: DependencyViolation`),
    );
    expect(await outcome(ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })))).toBe(
      `DependencyViolation: resource ${groupId} has a dependent object`,
    );
    expect(await outcome(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })))).toBe(
      `DependencyViolation: The vpc '${vpcId}' has dependencies and cannot be deleted.`,
    );

    clock.advance(4 * MINUTES);
    expect(await interfaces()).toEqual([]);
    for (const id of subnetIds) expect(await outcome(ec2.send(new DeleteSubnetCommand({ SubnetId: id })))).toBe('ok');
    expect(await outcome(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })))).toBe('ok');
  });
});

describe('client request tokens', () => {
  it('answer the same cluster for the same CreateCluster, and refuse the token with other parameters', async () => {
    const { ec2, eks } = sandboxClients(run.sandbox);
    const { subnetIds, roleArn } = await groundwork(ec2);
    const name = uniqueName('token');
    const token = `tutor-${name}`;
    const request = { name, roleArn, resourcesVpcConfig: { subnetIds }, clientRequestToken: token };
    const first = await eks.send(new CreateClusterCommand(request));
    const again = await eks.send(new CreateClusterCommand(request));
    expect(again.cluster?.arn).toBe(first.cluster?.arn);
    expect(again.cluster?.status).toBe('CREATING');
    const { clusters = [] } = await eks.send(new ListClustersCommand({}));
    expect(clusters.filter((c) => c === name)).toHaveLength(1);

    const other = eks.send(new CreateClusterCommand({ ...request, version: '1.33' }));
    expect(await outcome(other)).toBe(
      'InvalidParameterException: The client request token was already used for a request with different parameters.',
    );
    expect(lines.at(-1)).toMatch(/^sandbox: idempotency: CreateCluster reused client token/);
  });
});

describe('versions from the calendar', () => {
  it('derives each status from the day', () => {
    const day = (date: string) => Date.parse(`${date}T12:00:00Z`);
    const status = (version: string, date: string) =>
      versionStatus(
        EKS_CALENDAR.find((v) => v.version === version)!,
        day(date),
      );
    expect(status('1.34', '2026-12-01')).toBe('STANDARD_SUPPORT');
    expect(status('1.34', '2026-12-02')).toBe('EXTENDED_SUPPORT');
    expect(status('1.33', '2026-12-01')).toBe('EXTENDED_SUPPORT');
    expect(status('1.31', '2026-12-01')).toBe('UNSUPPORTED');
    expect(status('1.36', '2026-05-01')).toBeUndefined();

    const listed = describeClusterVersions(new URLSearchParams(), day('2026-12-01')).clusterVersions;
    expect(listed.map((v) => [v.clusterVersion, v.versionStatus, v.defaultVersion])).toEqual([
      ['1.36', 'STANDARD_SUPPORT', true],
      ['1.35', 'STANDARD_SUPPORT', false],
      ['1.34', 'STANDARD_SUPPORT', false],
      ['1.33', 'EXTENDED_SUPPORT', false],
      ['1.32', 'EXTENDED_SUPPORT', false],
    ]);
    const asked = describeClusterVersions(new URLSearchParams({ clusterVersions: '1.31' }), day('2026-12-01')).clusterVersions;
    expect(asked.map((v) => [v.versionStatus, v.status])).toEqual([['UNSUPPORTED', 'unsupported']]);
    const all = describeClusterVersions(new URLSearchParams({ includeAll: 'true' }), day('2026-12-01')).clusterVersions;
    expect(all.map((v) => v.clusterVersion)).toEqual(['1.36', '1.35', '1.34', '1.33', '1.32', '1.31', '1.30', '1.29']);
  });

  it('refuses a cluster of a version past its extended support', async () => {
    const { ec2, eks } = sandboxClients(run.sandbox);
    const { subnetIds, roleArn } = await groundwork(ec2);
    const past = EKS_CALENDAR.find((v) => versionStatus(v, clock.now()) === 'UNSUPPORTED')!.version;
    const create = eks.send(
      new CreateClusterCommand({ name: uniqueName('old'), roleArn, version: past, resourcesVpcConfig: { subnetIds } }),
    );
    expect(await outcome(create)).toBe(`InvalidParameterException: unsupported Kubernetes version ${past}`);
  });
});
