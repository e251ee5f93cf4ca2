import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';

/**
 * Every action the tutor needs for up and down: the policy a learner's
 * identity must allow. The permission tests take one away at a time.
 */
export const TUTOR_ACTIONS = [
  'sts:GetCallerIdentity',
  'iam:GetRole',
  'iam:CreateRole',
  'iam:TagRole',
  'iam:PassRole',
  'iam:AttachRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:DetachRolePolicy',
  'iam:DeleteRole',
  'ec2:DescribeAvailabilityZones',
  'ec2:CreateTags',
  'ec2:CreateVpc',
  'ec2:DescribeVpcs',
  'ec2:ModifyVpcAttribute',
  'ec2:DescribeVpcAttribute',
  'ec2:DeleteVpc',
  'ec2:CreateInternetGateway',
  'ec2:DescribeInternetGateways',
  'ec2:AttachInternetGateway',
  'ec2:DetachInternetGateway',
  'ec2:DeleteInternetGateway',
  'ec2:CreateSubnet',
  'ec2:DescribeSubnets',
  'ec2:ModifySubnetAttribute',
  'ec2:DeleteSubnet',
  'ec2:CreateRouteTable',
  'ec2:DescribeRouteTables',
  'ec2:CreateRoute',
  'ec2:AssociateRouteTable',
  'ec2:DisassociateRouteTable',
  'ec2:DeleteRouteTable',
  'ec2:AllocateAddress',
  'ec2:DescribeAddresses',
  'ec2:ReleaseAddress',
  'ec2:CreateNatGateway',
  'ec2:DescribeNatGateways',
  'ec2:DeleteNatGateway',
  'ec2:DescribeSecurityGroups',
  'eks:DescribeClusterVersions',
  'eks:CreateCluster',
  'eks:TagResource',
  'eks:DescribeCluster',
  'eks:DeleteCluster',
  'eks:CreateNodegroup',
  'eks:DescribeNodegroup',
  'eks:DeleteNodegroup',
] as const;

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Identity extends Keys {
  arn: string;
}

/** The default identity of a fresh moto, before IAM enforcement is on. */
const ROOT: Keys = { accessKeyId: 'testing', secretAccessKey: 'testing' };

function iam(endpoint: string, keys: Keys = ROOT): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint, credentials: keys });
}

async function userWithKey(client: IAMClient, name: string): Promise<Identity> {
  const user = (await client.send(new CreateUserCommand({ UserName: name }))).User;
  const key = (await client.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  return { accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey!, arn: user!.Arn! };
}

/** An administrator (AdministratorAccess): the identity that cleans up after the learner once enforcement is on. */
export async function createAdmin(endpoint: string, name = 'admin'): Promise<Identity> {
  const client = iam(endpoint);
  try {
    const admin = await userWithKey(client, name);
    await client.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    return admin;
  } finally {
    client.destroy();
  }
}

/** A learner whose policy allows every action of the tutor but `missing`. */
export async function createLearner(endpoint: string, name: string, missing: string): Promise<Identity> {
  const client = iam(endpoint);
  try {
    const learner = await userWithKey(client, name);
    const allowed = TUTOR_ACTIONS.filter((action) => action !== missing);
    if (allowed.length === TUTOR_ACTIONS.length) throw new Error(`${missing} is not an action of the tutor`);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: allowed, Resource: '*' }] };
    await client.send(
      new PutUserPolicyCommand({ UserName: name, PolicyName: 'eks-basics-tutor-but-one', PolicyDocument: JSON.stringify(policy) }),
    );
    return learner;
  } finally {
    client.destroy();
  }
}

/**
 * moto's IAM enforcement: `reset-auth` takes how many more requests may pass
 * unchecked; 0 checks every request from now on (signature and policy), `inf` none.
 */
export async function enforceIam(endpoint: string, on: boolean): Promise<void> {
  const answer = await fetch(`${endpoint}/moto-api/reset-auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: on ? '0' : 'inf',
  });
  if (!answer.ok) throw new Error(`moto reset-auth answered ${answer.status}`);
}
