import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  CreateAddonCommand,
  CreateClusterCommand,
  CreateNodegroupCommand,
  DeleteAccessEntryCommand,
  DeleteAddonCommand,
  DescribeAccessEntryCommand,
  DescribeAddonCommand,
  DescribeAddonVersionsCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  DisassociateAccessPolicyCommand,
  ListAccessEntriesCommand,
  ListAddonsCommand,
  ListAssociatedAccessPoliciesCommand,
  ListUpdatesCommand,
  UpdateClusterVersionCommand,
  UpdateNodegroupVersionCommand,
  type AuthenticationMode,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTES, outcome, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';

// Pinned to 2026-12-01 so the calendar's versions are those of that day: 1.32 to 1.36 can be made.
const clock = new ManualClock();
clock.advance(Date.parse('2026-12-01T12:00:00Z') - clock.now());
const run = useSandbox({ timeScale: 1, now: clock.now });

let octet = 30;
/** An ACTIVE cluster (each resource given time to settle first). */
async function activeCluster(options: { version?: string; mode?: AuthenticationMode } = {}) {
  const { ec2, iam, eks } = sandboxClients(run.sandbox);
  octet += 1;
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet}.0.0/16` }));
  clock.advance(MINUTES);
  const subnetIds: string[] = [];
  for (const [i, zone] of ['us-east-1a', 'us-east-1b'].entries()) {
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: `10.${octet}.${i}.0/24`, AvailabilityZone: zone }),
    );
    subnetIds.push(subnet.Subnet!.SubnetId!);
  }
  const trust = (service: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: uniqueName('role'), AssumeRolePolicyDocument: trust('eks.amazonaws.com') }),
  );
  const nodeRole = await iam.send(
    new CreateRoleCommand({ RoleName: uniqueName('node'), AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }),
  );
  clock.advance(MINUTES);
  const name = uniqueName('apis');
  await eks.send(
    new CreateClusterCommand({
      name,
      roleArn: role.Role!.Arn!,
      resourcesVpcConfig: { subnetIds },
      ...(options.version ? { version: options.version } : {}),
      ...(options.mode ? { accessConfig: { authenticationMode: options.mode } } : {}),
    }),
  );
  clock.advance(10 * MINUTES);
  return { name, subnetIds, nodeRoleArn: nodeRole.Role!.Arn! };
}

describe('add-ons', () => {
  it('offers versions per Kubernetes version, and goes CREATING -> ACTIVE, DELETING -> gone', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const offered = await eks.send(new DescribeAddonVersionsCommand({ addonName: 'coredns', kubernetesVersion: '1.34' }));
    expect(offered.addons?.map((a) => a.addonName)).toEqual(['coredns']);
    const versions = offered.addons![0]!.addonVersions!;
    expect(versions[0]?.compatibilities?.[0]).toMatchObject({ clusterVersion: '1.34', defaultVersion: true });

    const { name } = await activeCluster({ version: '1.34' });
    const created = await eks.send(new CreateAddonCommand({ clusterName: name, addonName: 'coredns' }));
    expect(created.addon).toMatchObject({ addonName: 'coredns', status: 'CREATING', addonVersion: versions[0]!.addonVersion });
    expect(await outcome(eks.send(new CreateAddonCommand({ clusterName: name, addonName: 'coredns' })))).toBe(
      'ResourceInUseException: Addon already exists.',
    );
    expect(await outcome(eks.send(new CreateAddonCommand({ clusterName: name, addonName: 'no-such-addon' })))).toMatch(
      /^InvalidParameterException: Addon no-such-addon specified is not supported/,
    );
    clock.advance(2 * MINUTES);
    expect((await eks.send(new DescribeAddonCommand({ clusterName: name, addonName: 'coredns' }))).addon?.status).toBe('ACTIVE');
    expect((await eks.send(new ListAddonsCommand({ clusterName: name }))).addons).toEqual(['coredns']);

    expect((await eks.send(new DeleteAddonCommand({ clusterName: name, addonName: 'coredns' }))).addon?.status).toBe('DELETING');
    clock.advance(MINUTES);
    expect(await outcome(eks.send(new DescribeAddonCommand({ clusterName: name, addonName: 'coredns' })))).toBe(
      `ResourceNotFoundException: No addon: coredns found in cluster: ${name}`,
    );
    expect((await eks.send(new ListAddonsCommand({ clusterName: name }))).addons).toEqual([]);
  });
});

describe('access entries', () => {
  it("hold the creator's admin entry, and entries made, associated and deleted through the API", async () => {
    const { eks, iam } = sandboxClients(run.sandbox);
    const { name } = await activeCluster({ mode: 'API_AND_CONFIG_MAP' });
    const sts = new STSClient({ region: run.sandbox.region, endpoint: run.sandbox.endpointUrl, credentials: run.sandbox.credentials });
    const me = (await sts.send(new GetCallerIdentityCommand({}))).Arn!;
    expect((await eks.send(new ListAccessEntriesCommand({ clusterName: name }))).accessEntries).toEqual([me]);
    const mine = await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: name, principalArn: me }));
    expect(mine.associatedAccessPolicies?.map((p) => [p.policyArn, p.accessScope?.type])).toEqual([
      ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', 'cluster'],
    ]);

    const role = await iam.send(new CreateRoleCommand({ RoleName: uniqueName('viewer'), AssumeRolePolicyDocument: '{}' }));
    const principalArn = role.Role!.Arn!;
    const made = await eks.send(new CreateAccessEntryCommand({ clusterName: name, principalArn }));
    expect(made.accessEntry).toMatchObject({ principalArn, type: 'STANDARD', username: expect.stringContaining(':assumed-role/') });
    expect((await eks.send(new DescribeAccessEntryCommand({ clusterName: name, principalArn }))).accessEntry?.accessEntryArn).toBe(
      made.accessEntry?.accessEntryArn,
    );
    const viewPolicy = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
    await eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: name,
        principalArn,
        policyArn: viewPolicy,
        accessScope: { type: 'namespace', namespaces: ['web'] },
      }),
    );
    const listed = await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: name, principalArn }));
    expect(listed.associatedAccessPolicies?.map((p) => [p.policyArn, p.accessScope?.namespaces])).toEqual([[viewPolicy, ['web']]]);
    await eks.send(new DisassociateAccessPolicyCommand({ clusterName: name, principalArn, policyArn: viewPolicy }));
    expect((await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: name, principalArn }))).associatedAccessPolicies).toEqual(
      [],
    );
    await eks.send(new DeleteAccessEntryCommand({ clusterName: name, principalArn }));
    expect((await eks.send(new ListAccessEntriesCommand({ clusterName: name }))).accessEntries).toEqual([me]);
  });

  it('are refused on a CONFIG_MAP cluster, as EKS refuses them', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const { name } = await activeCluster({ mode: 'CONFIG_MAP' });
    const create = eks.send(new CreateAccessEntryCommand({ clusterName: name, principalArn: 'arn:aws:iam::123456789012:role/someone' }));
    expect(await outcome(create)).toBe(
      "InvalidRequestException: The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
    );
  });
});

describe('version upgrades', () => {
  it('move the control plane one minor at a time, UPDATING then ACTIVE, and node groups never past it', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const { name, subnetIds, nodeRoleArn } = await activeCluster({ version: '1.33' });
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'workers',
        nodeRole: nodeRoleArn,
        subnets: subnetIds,
        scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
      }),
    );
    clock.advance(5 * MINUTES);
    expect(await outcome(eks.send(new UpdateClusterVersionCommand({ name, version: '1.35' })))).toBe(
      'InvalidParameterException: Unsupported Kubernetes minor version update from 1.33 to 1.35',
    );
    const { update } = await eks.send(new UpdateClusterVersionCommand({ name, version: '1.34' }));
    expect(update).toMatchObject({ status: 'InProgress', type: 'VersionUpdate' });
    expect((await eks.send(new DescribeClusterCommand({ name }))).cluster).toMatchObject({ status: 'UPDATING', version: '1.33' });
    expect((await eks.send(new ListUpdatesCommand({ name }))).updateIds).toEqual([update!.id]);
    clock.advance(9 * MINUTES);
    expect((await eks.send(new DescribeUpdateCommand({ name, updateId: update!.id! }))).update?.status).toBe('Successful');
    expect((await eks.send(new DescribeClusterCommand({ name }))).cluster).toMatchObject({ status: 'ACTIVE', version: '1.34' });

    expect(
      await outcome(eks.send(new UpdateNodegroupVersionCommand({ clusterName: name, nodegroupName: 'workers', version: '1.35' }))),
    ).toMatch(/^InvalidParameterException: Requested Nodegroup version 1.35 is not supported/);
    const nodes = await eks.send(new UpdateNodegroupVersionCommand({ clusterName: name, nodegroupName: 'workers' }));
    expect(nodes.update?.params).toContainEqual({ type: 'Version', value: '1.34' });
    expect((await eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: 'workers' }))).nodegroup?.status).toBe(
      'UPDATING',
    );
    clock.advance(9 * MINUTES);
    expect((await eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: 'workers' }))).nodegroup).toMatchObject({
      status: 'ACTIVE',
      version: '1.34',
    });
  });

  it('refuse the next control-plane upgrade while a node group is behind it, as EKS does, unless forced', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const { name, subnetIds, nodeRoleArn } = await activeCluster({ version: '1.33' });
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'old',
        nodeRole: nodeRoleArn,
        subnets: subnetIds,
        scalingConfig: { desiredSize: 1 },
      }),
    );
    clock.advance(5 * MINUTES);
    // One control-plane upgrade with the node group on the same minor is allowed.
    await eks.send(new UpdateClusterVersionCommand({ name, version: '1.34' }));
    clock.advance(9 * MINUTES);
    const refused = await outcome(eks.send(new UpdateClusterVersionCommand({ name, version: '1.35' })));
    expect(refused).toBe(
      'InvalidRequestException: Nodegroups old (1.33) must be updated to match cluster version 1.34 before updating cluster version',
    );
    expect((await eks.send(new DescribeClusterCommand({ name }))).cluster).toMatchObject({ status: 'ACTIVE', version: '1.34' });
    // After the node group catches up, the next upgrade goes through.
    await eks.send(new UpdateNodegroupVersionCommand({ clusterName: name, nodegroupName: 'old' }));
    clock.advance(9 * MINUTES);
    expect(await outcome(eks.send(new UpdateClusterVersionCommand({ name, version: '1.35' })))).toBe('ok');
    clock.advance(9 * MINUTES);
    // force skips the check.
    expect(await outcome(eks.send(new UpdateClusterVersionCommand({ name, version: '1.36' })))).toMatch(
      /^InvalidRequestException: Nodegroups old \(1\.34\)/,
    );
    expect(await outcome(eks.send(new UpdateClusterVersionCommand({ name, version: '1.36', force: true })))).toBe('ok');
  });
});
