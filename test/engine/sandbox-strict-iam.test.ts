import { AttachRolePolicyCommand, CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateClusterCommand, CreateNodegroupCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BEHAVIOURS_ENV, Behaviours, parseBehaviours } from '../../src/sandbox/behaviours.js';
import { sandboxChildEnv, startSandbox } from '../../src/sandbox/index.js';
import { Timeline } from '../../src/sandbox/timeline.js';
import { ManualClock, MINUTES, outcome, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';

// Real time on a clock the tests move by hand: a window lasts exactly as long as the test says.
const clock = new ManualClock();
const lines: string[] = [];
const run = useSandbox({ timeScale: 1, now: clock.now, log: (line) => lines.push(line) });
const SECONDS = 1000;

const trust = (service: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

/** Two subnets, made with time to settle in between (eventual consistency is tested elsewhere). */
async function network(): Promise<string[]> {
  const { ec2 } = sandboxClients(run.sandbox);
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  clock.advance(MINUTES);
  const ids: string[] = [];
  for (const [i, zone] of ['us-east-1a', 'us-east-1b'].entries()) {
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: zone }));
    ids.push(subnet.Subnet!.SubnetId!);
  }
  clock.advance(MINUTES);
  return ids;
}

describe('IAM propagation', () => {
  it('refuses CreateCluster naming a role made moments ago, as EKS does, and accepts it 10 s later', async () => {
    const { iam, eks } = sandboxClients(run.sandbox);
    const subnetIds = await network();
    const roleName = uniqueName('cluster-role');
    const role = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust('eks.amazonaws.com') }));
    const roleArn = role.Role!.Arn!;
    const name = uniqueName('fresh-role');
    const create = () => eks.send(new CreateClusterCommand({ name, roleArn, resourcesVpcConfig: { subnetIds } }));

    expect(await outcome(create())).toBe(
      `InvalidParameterException: Role with arn: ${roleArn}, could not be assumed because it does not exist or the trusted entity is not correct`,
    );
    expect(lines.at(-1)).toMatch(
      new RegExp(`^sandbox: iam-propagation: CreateCluster ${name} .*${roleName}.*: InvalidParameterException: Role with arn`),
    );
    clock.advance(5 * SECONDS);
    expect(await outcome(create())).toMatch(/^InvalidParameterException/);

    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' }));
    clock.advance(6 * SECONDS);
    // The trust policy is seen by now; the policy attached 6 s ago is not.
    expect(await outcome(create())).toBe(
      "InvalidParameterException: The provided role doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the following policy is attached: arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
    );
    clock.advance(5 * SECONDS);
    expect(await outcome(create())).toBe('ok');
  });

  it('refuses CreateNodegroup naming a node role changed moments ago, with the missing principals or policies', async () => {
    const { iam, eks } = sandboxClients(run.sandbox);
    const subnetIds = await network();
    const clusterRole = await iam.send(
      new CreateRoleCommand({ RoleName: uniqueName('cr'), AssumeRolePolicyDocument: trust('eks.amazonaws.com') }),
    );
    clock.advance(11 * SECONDS);
    const clusterName = uniqueName('ng-role');
    await eks.send(new CreateClusterCommand({ name: clusterName, roleArn: clusterRole.Role!.Arn!, resourcesVpcConfig: { subnetIds } }));
    clock.advance(10 * MINUTES);
    expect((await eks.send(new DescribeClusterCommand({ name: clusterName }))).cluster?.status).toBe('ACTIVE');

    const nodeRoleName = uniqueName('node-role');
    const nodeRole = await iam.send(
      new CreateRoleCommand({ RoleName: nodeRoleName, AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }),
    );
    const createNodegroup = () =>
      eks.send(
        new CreateNodegroupCommand({
          clusterName,
          nodegroupName: 'workers',
          nodeRole: nodeRole.Role!.Arn!,
          subnets: subnetIds,
          scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
        }),
      );
    expect(await outcome(createNodegroup())).toBe(
      'InvalidParameterException: Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole',
    );
    clock.advance(11 * SECONDS);
    for (const policy of ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy']) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: nodeRoleName, PolicyArn: `arn:aws:iam::aws:policy/${policy}` }));
    }
    expect(await outcome(createNodegroup())).toBe(
      "InvalidParameterException: The provided role doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the following policies [arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy, arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly] are attached",
    );
    clock.advance(11 * SECONDS);
    expect(await outcome(createNodegroup())).toBe('ok');
  });

  it('meets the plain aws CLI the same way: create-role then create-cluster at once is refused, then accepted', async () => {
    const subnetIds = await network();
    const env = sandboxChildEnv(run.sandbox, { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });
    const aws = (...args: string[]) => execa('aws', args, { env, extendEnv: false, reject: false });
    const roleName = uniqueName('cli-role');
    const made = await aws('iam', 'create-role', '--role-name', roleName, '--assume-role-policy-document', trust('eks.amazonaws.com'));
    expect(made.exitCode).toBe(0);
    const roleArn = JSON.parse(made.stdout).Role.Arn as string;
    const createCluster = () =>
      aws('eks', 'create-cluster', '--name', roleName, '--role-arn', roleArn, '--resources-vpc-config', `subnetIds=${subnetIds.join(',')}`);

    const refused = await createCluster();
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain(
      `An error occurred (InvalidParameterException) when calling the CreateCluster operation: Role with arn: ${roleArn}, could not be assumed`,
    );
    clock.advance(11 * SECONDS);
    const accepted = await createCluster();
    expect(accepted.stderr).toBe('');
    expect(JSON.parse(accepted.stdout).cluster.status).toBe('CREATING');
  });
});

describe('switching behaviours', () => {
  it('reads all, none and a list of names with - and +, and refuses unknown names', () => {
    expect(parseBehaviours('none')).toEqual({
      'iam-propagation': false,
      'eventual-consistency': false,
      idempotency: false,
      'lingering-enis': false,
      'nat-address': false,
    });
    expect(parseBehaviours('-iam-propagation,-eventual-consistency')).toEqual({ 'iam-propagation': false, 'eventual-consistency': false });
    expect(parseBehaviours('none,+idempotency')).toMatchObject({ idempotency: true, 'nat-address': false });
    expect(() => parseBehaviours('-iam')).toThrow(
      `${BEHAVIOURS_ENV} names an unknown behaviour "iam"; allowed: all, none, iam-propagation,`,
    );
  });

  it('lets options win over the environment, and scales each window by the time scale', () => {
    const timeline = new Timeline(1 / 60, () => 0);
    const behaviours = new Behaviours(timeline, { env: 'none', switches: { 'iam-propagation': true } });
    expect(behaviours.on('iam-propagation')).toBe(true);
    expect(behaviours.on('eventual-consistency')).toBe(false);
    expect(behaviours.windowMs('iam-propagation')).toBeCloseTo(10_000 / 60);
    expect(behaviours.within('iam-propagation', 0)).toBe(true);
    expect(behaviours.within('eventual-consistency', 0)).toBe(false);
  });

  it(`refuses a bad ${BEHAVIOURS_ENV} with one line before starting anything`, async () => {
    process.env[BEHAVIOURS_ENV] = 'iam-propagation,sometimes';
    try {
      await expect(startSandbox({ timeScale: 1, region: 'us-east-1' })).rejects.toMatchObject({
        code: 'BAD_INPUT',
        exitCode: 2,
        message: expect.stringContaining('unknown behaviour "sometimes"'),
      });
    } finally {
      delete process.env[BEHAVIOURS_ENV];
    }
  });
});
