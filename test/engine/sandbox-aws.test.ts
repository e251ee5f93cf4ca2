import {
  AllocateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribeSecurityGroupsCommand,
  DetachInternetGatewayCommand,
  ReleaseAddressCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DeleteClusterCommand,
  DeleteNodegroupCommand,
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeNodegroupCommand,
} from '@aws-sdk/client-eks';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultVersionOn } from '../../src/sandbox/eks-versions.js';
import { createNetwork, createRole, errorName, ManualClock, MINUTES, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';

// One sandbox on a clock the tests move by hand: a resource stays CREATING or
// DELETING exactly as long as a test needs. IAM propagation, eventual
// consistency and lingering ENIs have their own tests (sandbox-strict-*).
const clock = new ManualClock();
const run = useSandbox({
  timeScale: 1,
  now: clock.now,
  behaviours: { 'iam-propagation': false, 'eventual-consistency': false, 'lingering-enis': false },
});

async function activeCluster(options: { version?: string } = {}) {
  const { eks, ec2, iam } = sandboxClients(run.sandbox);
  const network = await createNetwork(ec2);
  const roleArn = await createRole(iam, 'eks.amazonaws.com');
  const name = uniqueName('patched');
  await eks.send(
    new CreateClusterCommand({
      name,
      roleArn,
      ...(options.version ? { version: options.version } : {}),
      resourcesVpcConfig: { subnetIds: network.subnetIds },
    }),
  );
  clock.advance(10 * MINUTES);
  return { name, network, roleArn };
}

/** The EC2 error code and message of a call, or 'ok'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

async function publicNetworkWithNat(ec2: EC2Client) {
  const network = await createNetwork(ec2, ['us-east-1a']);
  const igw = await ec2.send(new CreateInternetGatewayCommand({}));
  const igwId = igw.InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: network.vpcId }));
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(new CreateNatGatewayCommand({ SubnetId: network.subnetIds[0], AllocationId: eip.AllocationId }));
  clock.advance(2 * MINUTES);
  return { ...network, igwId, allocationId: eip.AllocationId!, natId: nat.NatGateway!.NatGatewayId! };
}

describe('DescribeCluster as EKS answers it', () => {
  it('shows the requested access and upgrade settings, the VPC and a real cluster security group', async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2);
    const roleArn = await createRole(iam, 'eks.amazonaws.com');
    const name = uniqueName('demo');
    const created = await eks.send(
      new CreateClusterCommand({
        name,
        roleArn,
        resourcesVpcConfig: { subnetIds: network.subnetIds },
        accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
        upgradePolicy: { supportType: 'STANDARD' },
        tags: { team: 'tutor' },
      }),
    );
    expect(created.cluster?.status).toBe('CREATING');
    expect(created.cluster?.endpoint).toBeUndefined();

    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    expect(cluster?.version).toBe(defaultVersionOn(clock.now()));
    expect(cluster?.accessConfig).toEqual({ authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true });
    expect(cluster?.upgradePolicy).toEqual({ supportType: 'STANDARD' });
    expect(cluster?.kubernetesNetworkConfig?.serviceIpv4Cidr).toBe('10.100.0.0/16');
    expect(cluster?.resourcesVpcConfig?.vpcId).toBe(network.vpcId);
    const groupId = cluster?.resourcesVpcConfig?.clusterSecurityGroupId;
    expect(groupId).toMatch(/^sg-/);

    const groups = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId!] }));
    const group = groups.SecurityGroups?.[0];
    expect(group?.VpcId).toBe(network.vpcId);
    expect(group?.GroupName).toMatch(new RegExp(`^eks-cluster-sg-${name}-\\d+$`));
    const tags = Object.fromEntries((group?.Tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags).toMatchObject({ team: 'tutor', 'aws:eks:cluster-name': name });
  });

  it('points endpoint and CA at the sandbox Kubernetes API once ACTIVE', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const { name } = await activeCluster();
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    expect(cluster?.status).toBe('ACTIVE');
    expect(cluster?.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await eks.send(new DescribeClusterCommand({ name }))).cluster?.endpoint).toBe(cluster?.endpoint);
    const pem = Buffer.from(cluster?.certificateAuthority?.data ?? '', 'base64').toString('utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(new X509Certificate(pem).ca).toBe(true);
    expect(cluster?.accessConfig?.authenticationMode).toBe('CONFIG_MAP');
    expect(cluster?.upgradePolicy?.supportType).toBe('EXTENDED');
  });

  it('removes the cluster security group once the cluster is gone', async () => {
    const { eks, ec2 } = sandboxClients(run.sandbox);
    const { name } = await activeCluster();
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    const groupId = cluster!.resourcesVpcConfig!.clusterSecurityGroupId!;
    await eks.send(new DeleteClusterCommand({ name }));
    const during = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }));
    expect(during.SecurityGroups).toHaveLength(1);
    clock.advance(5 * MINUTES);
    expect(await errorName(eks.send(new DescribeClusterCommand({ name })))).toBe('ResourceNotFoundException');
    const after = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }));
    expect(after.SecurityGroups).toHaveLength(0);
  });
});

describe('DescribeClusterVersions', () => {
  it('lists the versions of the day in the SDK shape, the newest in standard support as default', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const { clusterVersions = [] } = await eks.send(new DescribeClusterVersionsCommand({}));
    const today = clock.now();
    const standard = clusterVersions.filter((v) => v.versionStatus === 'STANDARD_SUPPORT');
    expect(standard.length).toBeGreaterThan(0);
    expect(clusterVersions.filter((v) => v.defaultVersion).map((v) => v.clusterVersion)).toEqual([standard[0]!.clusterVersion]);
    for (const v of clusterVersions) {
      expect(v).toMatchObject({ clusterType: 'eks' });
      expect(v.releaseDate!.getTime()).toBeLessThanOrEqual(today);
      expect(v.endOfStandardSupportDate!.getTime()).toBeLessThan(v.endOfExtendedSupportDate!.getTime());
      expect(v.endOfExtendedSupportDate!.getTime()).toBeGreaterThan(today);
      expect(v.versionStatus).toBe(today < v.endOfStandardSupportDate!.getTime() ? 'STANDARD_SUPPORT' : 'EXTENDED_SUPPORT');
      expect(v.status).toBe(v.versionStatus === 'STANDARD_SUPPORT' ? 'standard-support' : 'extended-support');
    }
    const only = await eks.send(new DescribeClusterVersionsCommand({ clusterVersions: ['1.32'] }));
    expect(only.clusterVersions?.map((v) => v.clusterVersion)).toEqual(['1.32']);
  });
});

describe('DescribeNodegroup', () => {
  it("reports the cluster's version and no remoteAccess unless asked for", async () => {
    const { eks, iam } = sandboxClients(run.sandbox);
    const { name, network } = await activeCluster({ version: '1.32' });
    const nodeRole = await createRole(iam, 'ec2.amazonaws.com');
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'plain',
        nodeRole,
        subnets: network.subnetIds,
        scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
      }),
    );
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'ssh',
        nodeRole,
        subnets: network.subnetIds,
        remoteAccess: { ec2SshKey: 'my-key' },
        scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
      }),
    );
    const plain = (await eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: 'plain' }))).nodegroup;
    expect(plain?.status).toBe('CREATING');
    expect(plain?.version).toBe('1.32');
    expect(plain?.releaseVersion).toMatch(/^1\.32\.\d+-\d{8}$/);
    expect(plain?.remoteAccess).toBeUndefined();
    expect(plain?.resources?.remoteAccessSecurityGroup).toBeUndefined();
    expect(plain?.amiType).toBe('AL2023_x86_64_STANDARD');
    const ssh = (await eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: 'ssh' }))).nodegroup;
    expect(ssh?.remoteAccess?.ec2SshKey).toBe('my-key');
  });
});

describe('resources made before the sandbox saw them', () => {
  it('are long settled', async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2);
    const roleArn = await createRole(iam, 'eks.amazonaws.com');
    const name = uniqueName('older');
    // Straight to moto, behind the proxy's back.
    const direct = new URL('/clusters', run.sandbox.motoUrl);
    const response = await fetch(direct, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `AWS4-HMAC-SHA256 Credential=${run.sandbox.credentials.accessKeyId}/20250101/us-east-1/eks/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify({ name, roleArn, version: '1.33', resourcesVpcConfig: { subnetIds: network.subnetIds } }),
    });
    expect(response.status).toBe(200);
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    expect(cluster?.status).toBe('ACTIVE');
    expect(cluster?.version).toBe('1.33');
    expect(cluster?.resourcesVpcConfig?.vpcId).toBe(network.vpcId);
    expect(cluster?.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('NAT gateways', () => {
  it('are pending, then available; deleting, then deleted — also through state filters', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2, ['us-east-1a']);
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const created = await ec2.send(new CreateNatGatewayCommand({ SubnetId: network.subnetIds[0], AllocationId: eip.AllocationId }));
    const id = created.NatGateway!.NatGatewayId!;
    expect(created.NatGateway?.State).toBe('pending');
    const withState = async (state: string) =>
      (
        await ec2.send(
          new DescribeNatGatewaysCommand({
            Filter: [
              { Name: 'state', Values: [state] },
              { Name: 'vpc-id', Values: [network.vpcId] },
            ],
          }),
        )
      ).NatGateways?.map((g) => g.NatGatewayId) ?? [];
    expect(await withState('pending')).toEqual([id]);
    expect(await withState('available')).toEqual([]);
    clock.advance(2 * MINUTES);
    expect(await withState('available')).toEqual([id]);

    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: id }));
    const deleting = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }));
    expect(deleting.NatGateways?.[0]?.State).toBe('deleting');
    expect(await withState('deleted')).toEqual([]);
    clock.advance(2 * MINUTES);
    const deleted = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }));
    expect(deleted.NatGateways?.[0]?.State).toBe('deleted');
    expect(deleted.NatGateways?.[0]?.DeleteTime).toBeInstanceOf(Date);
    expect(await withState('deleted')).toEqual([id]);
  });
});

describe('NAT gateway, Elastic IP and internet gateway', () => {
  it('refuse the wrong order while the NAT gateway is available or still deleting', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const net = await publicNetworkWithNat(ec2);
    const release = () => ec2.send(new ReleaseAddressCommand({ AllocationId: net.allocationId }));
    const detach = () => ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: net.igwId, VpcId: net.vpcId }));
    const deleteSubnet = () => ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetIds[0] }));

    expect(await outcome(release())).toBe('AuthFailure: You do not have permission to access the specified resource.');
    expect(await outcome(detach())).toBe(
      `DependencyViolation: Network ${net.vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
    );
    expect(await outcome(deleteSubnet())).toBe(
      `DependencyViolation: The subnet '${net.subnetIds[0]}' has dependencies and cannot be deleted.`,
    );

    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: net.natId }));
    expect(await outcome(release())).toMatch(/^AuthFailure/);
    expect(await outcome(detach())).toMatch(/^DependencyViolation/);
    expect(await outcome(deleteSubnet())).toMatch(/^DependencyViolation/);
  });

  it('pass in the right order: NAT deleted, then EIP, IGW, subnet, VPC', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const net = await publicNetworkWithNat(ec2);
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: net.natId }));
    clock.advance(2 * MINUTES);
    const addresses = await ec2.send(new DescribeAddressesCommand({ AllocationIds: [net.allocationId] }));
    expect(addresses.Addresses?.[0]?.AssociationId).toBeUndefined();
    expect(await outcome(ec2.send(new ReleaseAddressCommand({ AllocationId: net.allocationId })))).toBe('ok');
    expect(await outcome(ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: net.igwId, VpcId: net.vpcId })))).toBe('ok');
    expect(await outcome(ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: net.igwId })))).toBe('ok');
    expect(await outcome(ec2.send(new DeleteSubnetCommand({ SubnetId: net.subnetIds[0] })))).toBe('ok');
    expect(await outcome(ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId })))).toBe('ok');
  });
});

describe('DeleteVpc', () => {
  it('is refused while an internet gateway is attached or a security group is left, and passes after', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const { vpcId } = await createNetwork(ec2, []);
    const igw = await ec2.send(new CreateInternetGatewayCommand({}));
    const igwId = igw.InternetGateway!.InternetGatewayId!;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    const group = await ec2.send(new CreateSecurityGroupCommand({ GroupName: uniqueName('sg'), Description: 'left over', VpcId: vpcId }));
    const deleteVpc = () => outcome(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })));

    expect(await deleteVpc()).toBe(`DependencyViolation: The vpc '${vpcId}' has dependencies and cannot be deleted.`);
    await ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igwId }));
    expect(await deleteVpc()).toMatch(/^DependencyViolation/);
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId }));
    expect(await deleteVpc()).toBe('ok');
  });
});

describe('subnets used by EKS', () => {
  it('cannot be deleted while a cluster or node group uses them, even while they are being deleted', async () => {
    const { ec2, eks, iam } = sandboxClients(run.sandbox);
    const net = await createNetwork(ec2);
    const nodeOnly = await ec2.send(
      new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: '192.168.128.0/18', AvailabilityZone: 'us-east-1c' }),
    );
    const nodeSubnet = nodeOnly.Subnet!.SubnetId!;
    const name = uniqueName('deps');
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: await createRole(iam, 'eks.amazonaws.com'),
        resourcesVpcConfig: { subnetIds: net.subnetIds },
      }),
    );
    clock.advance(10 * MINUTES);
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'workers',
        nodeRole: await createRole(iam, 'ec2.amazonaws.com'),
        subnets: [nodeSubnet],
        scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
      }),
    );
    const deleteSubnet = (id: string) => outcome(ec2.send(new DeleteSubnetCommand({ SubnetId: id })));

    expect(await deleteSubnet(nodeSubnet)).toBe(`DependencyViolation: The subnet '${nodeSubnet}' has dependencies and cannot be deleted.`);
    expect(await deleteSubnet(net.subnetIds[0]!)).toMatch(/^DependencyViolation/);

    clock.advance(5 * MINUTES);
    await eks.send(new DeleteNodegroupCommand({ clusterName: name, nodegroupName: 'workers' }));
    expect(await deleteSubnet(nodeSubnet)).toMatch(/^DependencyViolation/);
    expect(await errorName(eks.send(new DeleteClusterCommand({ name })))).toBe('ResourceInUseException');
    clock.advance(5 * MINUTES);
    expect(await deleteSubnet(nodeSubnet)).toBe('ok');

    await eks.send(new DeleteClusterCommand({ name }));
    expect(await deleteSubnet(net.subnetIds[0]!)).toMatch(/^DependencyViolation/);
    clock.advance(5 * MINUTES);
    for (const id of net.subnetIds) expect(await deleteSubnet(id)).toBe('ok');
    // The cluster security group went with the cluster, so nothing holds the VPC any more.
    expect(await outcome(ec2.send(new DeleteVpcCommand({ VpcId: net.vpcId })))).toBe('ok');
  });
});
