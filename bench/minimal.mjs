// The floor of the engine figure: the AWS calls of the five steps and of the
// teardown, with the SDK's own waiters, and nothing else (no ledger, no checks,
// no adoption of earlier runs). The same overlap as the tutor's `up`: the NAT
// gateway settles while the cluster is created, the node role is made during
// the cluster wait, the node group starts when the cluster is ACTIVE.
//
//   node bench/minimal.mjs up   <state.json>   (steps 1-5)
//   node bench/minimal.mjs down <state.json>   (teardown)
//
// Environment: AWS_ENDPOINT_URL, AWS_REGION, CLUSTER_NAME, KUBECONFIG;
// EKS_BASICS_TUTOR_CALL_LOG=<file> writes the calls as JSON at exit, in the
// tutor's format.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const [phase, stateFile] = process.argv.slice(2);
if (!['up', 'down'].includes(phase) || !stateFile) {
  process.stderr.write('usage: minimal.mjs up|down <state.json>\n');
  process.exit(2);
}

const ec2sdk = await import('@aws-sdk/client-ec2');
const ekssdk = await import('@aws-sdk/client-eks');
const iamsdk = await import('@aws-sdk/client-iam');

const region = process.env.AWS_REGION ?? 'us-east-1';
const name = process.env.CLUSTER_NAME ?? 'bench-minimal';
const common = {
  region,
  endpoint: process.env.AWS_ENDPOINT_URL,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIASANDBOXDUMMY0001',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'x',
  },
};
const ec2 = new ec2sdk.EC2Client(common);
const eks = new ekssdk.EKSClient(common);
const iam = new iamsdk.IAMClient(common);

const log = [];
for (const [service, client] of [
  ['ec2', ec2],
  ['eks', eks],
  ['iam', iam],
]) {
  client.middlewareStack.add(
    (next, context) => (args) => {
      log.push({ at: Date.now(), call: `${service}:${String(context.commandName).replace(/Command$/, '')}` });
      return next(args);
    },
    { step: 'initialize', name: 'benchCallLog' },
  );
}
if (process.env.EKS_BASICS_TUTOR_CALL_LOG) {
  const file = process.env.EKS_BASICS_TUTOR_CALL_LOG;
  process.once('exit', () => {
    const counts = {};
    for (const { call } of log) counts[call] = (counts[call] ?? 0) + 1;
    writeFileSync(file, JSON.stringify({ counts, calls: log }));
  });
}

const tags = (key) => [
  { Key: 'eks-basics-tutor/cluster', Value: name },
  { Key: 'eks-basics-tutor/key', Value: key },
];
const spec = (ResourceType, key) => [{ ResourceType, Tags: tags(key) }];
const wait = { client: undefined, maxWaitTime: 1800 };
const trust = (service) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const POLICY = 'arn:aws:iam::aws:policy/';
const roles = {
  cluster: { name: `${name}-cluster-role`, service: 'eks.amazonaws.com', policies: ['AmazonEKSClusterPolicy'] },
  node: {
    name: `${name}-node-role`,
    service: 'ec2.amazonaws.com',
    policies: ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly'],
  },
};

async function createRole(role) {
  const created = await iam.send(
    new iamsdk.CreateRoleCommand({ RoleName: role.name, AssumeRolePolicyDocument: trust(role.service), Tags: tags(role.name) }),
  );
  for (const policy of role.policies)
    await iam.send(new iamsdk.AttachRolePolicyCommand({ RoleName: role.name, PolicyArn: POLICY + policy }));
  return created.Role.Arn;
}

async function up() {
  const s = { associations: [], routeTables: [], subnets: { public: [], private: [] } };
  // Step 1: cluster role.
  s.clusterRoleArn = await createRole(roles.cluster);

  // Step 2: VPC, 2 AZs, public + private subnets, IGW, one NAT gateway.
  const zones = await ec2.send(new ec2sdk.DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }));
  const azs = zones.AvailabilityZones.map((z) => z.ZoneName)
    .sort()
    .slice(0, 2);
  s.vpcId = (await ec2.send(new ec2sdk.CreateVpcCommand({ CidrBlock: '192.168.0.0/16', TagSpecifications: spec('vpc', 'vpc') }))).Vpc.VpcId;
  await ec2.send(new ec2sdk.ModifyVpcAttributeCommand({ VpcId: s.vpcId, EnableDnsHostnames: { Value: true } }));
  s.igwId = (
    await ec2.send(new ec2sdk.CreateInternetGatewayCommand({ TagSpecifications: spec('internet-gateway', 'igw') }))
  ).InternetGateway.InternetGatewayId;
  await ec2.send(new ec2sdk.AttachInternetGatewayCommand({ VpcId: s.vpcId, InternetGatewayId: s.igwId }));
  const cidrs = { public: ['192.168.0.0/19', '192.168.32.0/19'], private: ['192.168.96.0/19', '192.168.128.0/19'] };
  for (const [i, az] of azs.entries()) {
    for (const tier of ['public', 'private']) {
      const subnet = await ec2.send(
        new ec2sdk.CreateSubnetCommand({
          VpcId: s.vpcId,
          CidrBlock: cidrs[tier][i],
          AvailabilityZone: az,
          TagSpecifications: spec('subnet', `subnet/${tier}/${i}`),
        }),
      );
      s.subnets[tier].push(subnet.Subnet.SubnetId);
    }
    await ec2.send(new ec2sdk.ModifySubnetAttributeCommand({ SubnetId: s.subnets.public[i], MapPublicIpOnLaunch: { Value: true } }));
  }
  const table = async (key) => {
    const id = (await ec2.send(new ec2sdk.CreateRouteTableCommand({ VpcId: s.vpcId, TagSpecifications: spec('route-table', key) })))
      .RouteTable.RouteTableId;
    s.routeTables.push(id);
    return id;
  };
  const associate = async (RouteTableId, SubnetId) =>
    s.associations.push((await ec2.send(new ec2sdk.AssociateRouteTableCommand({ RouteTableId, SubnetId }))).AssociationId);
  const publicTable = await table('rtb/public');
  await ec2.send(new ec2sdk.CreateRouteCommand({ RouteTableId: publicTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: s.igwId }));
  for (const subnet of s.subnets.public) await associate(publicTable, subnet);
  s.allocationId = (
    await ec2.send(new ec2sdk.AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: spec('elastic-ip', 'eip/0') }))
  ).AllocationId;
  s.natId = (
    await ec2.send(
      new ec2sdk.CreateNatGatewayCommand({
        SubnetId: s.subnets.public[0],
        AllocationId: s.allocationId,
        TagSpecifications: spec('natgateway', 'nat/0'),
      }),
    )
  ).NatGateway.NatGatewayId;
  for (const [i, subnet] of s.subnets.private.entries()) {
    const id = await table(`rtb/private/${i}`);
    await ec2.send(new ec2sdk.CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: s.natId }));
    await associate(id, subnet);
  }
  const natReady = ec2sdk.waitUntilNatGatewayAvailable({ ...wait, client: ec2 }, { NatGatewayIds: [s.natId] });
  natReady.catch(() => undefined);

  // Step 3: the cluster; the node role is made while it is created.
  await eks.send(
    new ekssdk.CreateClusterCommand({
      name,
      version: '1.33',
      roleArn: s.clusterRoleArn,
      resourcesVpcConfig: {
        subnetIds: [...s.subnets.public, ...s.subnets.private],
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
      },
      accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
      upgradePolicy: { supportType: 'STANDARD' },
      tags: { 'eks-basics-tutor/cluster': name },
    }),
  );
  const nodeRole = createRole(roles.node);
  nodeRole.catch(() => undefined);
  const active = await ekssdk.waitUntilClusterActive({ ...wait, client: eks }, { name });

  // Step 4: kubeconfig from the cluster the waiter saw last.
  const cluster = active.reason.cluster;
  const user = cluster.arn;
  if (process.env.KUBECONFIG) {
    writeFileSync(
      process.env.KUBECONFIG,
      [
        'apiVersion: v1',
        'kind: Config',
        `clusters:\n- name: ${user}\n  cluster:\n    server: ${cluster.endpoint}\n    certificate-authority-data: ${cluster.certificateAuthority?.data ?? ''}`,
        `contexts:\n- name: ${user}\n  context:\n    cluster: ${user}\n    user: ${user}`,
        `current-context: ${user}`,
        `users:\n- name: ${user}\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [--region, ${region}, eks, get-token, --cluster-name, ${name}, --output, json]`,
        '',
      ].join('\n'),
    );
  }

  // Step 5: the node group, once the NAT gateway and the node role are there.
  s.nodeRoleArn = await nodeRole;
  await natReady;
  await eks.send(
    new ekssdk.CreateNodegroupCommand({
      clusterName: name,
      nodegroupName: `${name}-nodes`,
      nodeRole: s.nodeRoleArn,
      subnets: s.subnets.private,
      scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 2 },
      instanceTypes: ['t3.medium'],
      amiType: 'AL2023_x86_64_STANDARD',
      diskSize: 20,
      capacityType: 'ON_DEMAND',
      tags: { 'eks-basics-tutor/cluster': name },
    }),
  );
  await ekssdk.waitUntilNodegroupActive({ ...wait, client: eks }, { clusterName: name, nodegroupName: `${name}-nodes` });
  writeFileSync(stateFile, JSON.stringify(s));
}

async function down() {
  const s = JSON.parse(readFileSync(stateFile, 'utf8'));
  await eks.send(new ekssdk.DeleteNodegroupCommand({ clusterName: name, nodegroupName: `${name}-nodes` }));
  await ekssdk.waitUntilNodegroupDeleted({ ...wait, client: eks }, { clusterName: name, nodegroupName: `${name}-nodes` });
  await eks.send(new ekssdk.DeleteClusterCommand({ name }));
  await ekssdk.waitUntilClusterDeleted({ ...wait, client: eks }, { name });
  await ec2.send(new ec2sdk.DeleteNatGatewayCommand({ NatGatewayId: s.natId }));
  await ec2sdk.waitUntilNatGatewayDeleted({ ...wait, client: ec2 }, { NatGatewayIds: [s.natId] });
  await ec2.send(new ec2sdk.ReleaseAddressCommand({ AllocationId: s.allocationId }));
  await ec2.send(new ec2sdk.DetachInternetGatewayCommand({ InternetGatewayId: s.igwId, VpcId: s.vpcId }));
  await ec2.send(new ec2sdk.DeleteInternetGatewayCommand({ InternetGatewayId: s.igwId }));
  for (const id of s.associations) await ec2.send(new ec2sdk.DisassociateRouteTableCommand({ AssociationId: id }));
  for (const subnet of [...s.subnets.public, ...s.subnets.private]) await ec2.send(new ec2sdk.DeleteSubnetCommand({ SubnetId: subnet }));
  for (const id of s.routeTables) await ec2.send(new ec2sdk.DeleteRouteTableCommand({ RouteTableId: id }));
  await ec2.send(new ec2sdk.DeleteVpcCommand({ VpcId: s.vpcId }));
  for (const role of [roles.node, roles.cluster]) {
    for (const policy of role.policies)
      await iam.send(new iamsdk.DetachRolePolicyCommand({ RoleName: role.name, PolicyArn: POLICY + policy }));
    await iam.send(new iamsdk.DeleteRoleCommand({ RoleName: role.name }));
  }
  if (process.env.KUBECONFIG) rmSync(process.env.KUBECONFIG, { force: true });
  rmSync(stateFile, { force: true });
}

try {
  await (phase === 'up' ? up() : down());
} catch (error) {
  process.stderr.write(`minimal ${phase}: ${error?.name ?? ''} ${error?.message ?? error}\n`);
  process.exitCode = 1;
} finally {
  ec2.destroy();
  eks.destroy();
  iam.destroy();
}
