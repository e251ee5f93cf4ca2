/**
 * The least-privilege IAM policy for exactly the calls the tutor makes
 * (`eks-basics-tutor doctor --policy`). The creates come from the steps' own
 * plans, so they cannot drift from what is sent; the reads, waits and deletes
 * are listed here by purpose, and a test compares the whole with every AWS
 * command the source imports and every call a full up and down sends.
 */
import type { TutorConfig } from './config.js';
import { STEPS } from './aws/engine.js';
import { STEP_ORDER } from './aws/step-order.js';
import { Ledger } from './state/ledger.js';

/** Calls made besides the steps' creates: who am I, reading back, waiting, finding, tearing down, preflight. */
export const OTHER_CALLS: Record<string, readonly string[]> = {
  identity: ['sts:GetCallerIdentity'],
  read: [
    'iam:GetRole',
    'iam:ListAttachedRolePolicies',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
    'ec2:DescribeAvailabilityZones',
    'ec2:DescribeVpcs',
    'ec2:DescribeVpcAttribute',
    'ec2:DescribeSubnets',
    'ec2:DescribeInternetGateways',
    'ec2:DescribeRouteTables',
    'ec2:DescribeAddresses',
    'ec2:DescribeNatGateways',
    'ec2:DescribeSecurityGroups',
    'eks:DescribeClusterVersions',
    'eks:DescribeCluster',
    'eks:DescribeNodegroup',
  ],
  // The EC2 creates' DryRun checks ask for these; tagging on create needs ec2:CreateTags anyway.
  preflight: ['ec2:CreateTags'],
  teardown: [
    // The cluster's other node groups (day-two third-az adds one) are listed to be found.
    'eks:ListNodegroups',
    'eks:DeleteNodegroup',
    'eks:DeleteCluster',
    'ec2:DeleteNatGateway',
    'ec2:ReleaseAddress',
    'ec2:DetachInternetGateway',
    'ec2:DeleteInternetGateway',
    'ec2:DisassociateRouteTable',
    'ec2:DeleteRouteTable',
    'ec2:DeleteSubnet',
    'ec2:DeleteVpc',
    'iam:DetachRolePolicy',
    'iam:DeleteRole',
  ],
  // What Kubernetes made in the VPC (load balancers of Services, their security groups, ENIs), found and removed by `down`.
  kubernetesLeftovers: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DeleteLoadBalancer',
    'elasticloadbalancing:DeleteTargetGroup',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DeleteNetworkInterface',
    'ec2:RevokeSecurityGroupIngress',
    'ec2:RevokeSecurityGroupEgress',
    'ec2:DeleteSecurityGroup',
  ],
  // The day-two exercises after the build: EKS add-ons, a one-minor upgrade, a workload's subnet tags,
  // a second principal's access entry.
  dayTwo: [
    'eks:ListAccessEntries',
    'eks:CreateAccessEntry',
    'eks:AssociateAccessPolicy',
    'eks:DeleteAccessEntry',
    'eks:DescribeAddonVersions',
    'eks:CreateAddon',
    'eks:DescribeAddon',
    'eks:UpdateClusterVersion',
    'eks:UpdateNodegroupVersion',
    'eks:DescribeUpdate',
    'ec2:DeleteTags',
  ],
};

/** Permissions a call needs besides its own action. */
export const IMPLIED: Record<string, readonly string[]> = {
  // Both hand a role to EKS, and tag what they make.
  'eks:CreateCluster': ['iam:PassRole', 'eks:TagResource'],
  'eks:CreateNodegroup': ['iam:PassRole', 'eks:TagResource'],
  // Tags are passed with CreateRole.
  'iam:CreateRole': ['iam:TagRole'],
  // Tags are passed with the create (TagSpecifications).
  'ec2:CreateVpc': ['ec2:CreateTags'],
};

/** The AWS actions of the steps' plans for this config: the creates, exactly as they are sent. */
export function plannedActions(config: TutorConfig): string[] {
  const ledger = Ledger.inMemory({ clusterName: config.clusterName, mode: 'real', region: config.region || 'us-east-1' });
  const actions = new Set<string>();
  for (const n of STEP_ORDER) {
    for (const call of STEPS[n].plan({ config: { ...config, region: config.region || 'us-east-1' }, ledger }).calls) {
      if (call.service === 'iam' || call.service === 'ec2' || call.service === 'eks' || call.service === 'sts')
        actions.add(`${call.service}:${call.action}`);
    }
  }
  return [...actions];
}

/** Every action the tutor's calls need, sorted. */
export function tutorActions(config: TutorConfig): string[] {
  const actions = new Set<string>([...plannedActions(config), ...Object.values(OTHER_CALLS).flat()]);
  for (const action of [...actions]) for (const implied of IMPLIED[action] ?? []) actions.add(implied);
  return [...actions].sort();
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string; Condition?: Record<string, Record<string, string[]>> }[];
}

/**
 * The policy: the tutor's actions on any resource (the names are the learner's
 * choice), and the service-linked roles EKS makes the first time in an account.
 */
export function leastPrivilegePolicy(config: TutorConfig): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'EksBasicsTutor', Effect: 'Allow', Action: tutorActions(config), Resource: '*' },
      {
        Sid: 'EksServiceLinkedRoles',
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole'],
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': ['eks.amazonaws.com', 'eks-nodegroup.amazonaws.com'] } },
      },
    ],
  };
}
