import { stringify } from 'yaml';
import { DEFAULT_KUBERNETES_VERSION } from '../config.js';
import type { Engine } from './engine.js';
import { CLUSTER_ROLE_KEY } from './steps/cluster-role.js';
import { AMI_TYPE, DISK_SIZE, NODE_ROLE_KEY, nodeSubnetTier, nodegroupName } from './steps/nodegroup.js';
import { VPC_KEY, subnetKey } from './steps/vpc-requests.js';
import type { StepNumber } from './types.js';

/**
 * The eksctl ClusterConfig that would build what the learner built by hand,
 * naming the same VPC, subnets, roles and version: the bridge back to eksctl.
 */
export function exportEksctl(engine: Engine): string {
  const { config, ledger } = engine;
  const subnets = (tier: 'public' | 'private') =>
    Object.fromEntries(
      Array.from({ length: config.azs }, (_, i) => ledger.get(subnetKey(tier, i)))
        .filter((e) => e?.id)
        .map((e) => [e!.details?.az ?? '', { id: e!.id }]),
    );
  const vpcId = ledger.get(VPC_KEY)?.id;
  const document = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: config.clusterName, region: config.region, version: ledger.facts.kubernetesVersion ?? config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION },
    iam: { serviceRoleARN: ledger.get(CLUSTER_ROLE_KEY)?.id ?? '<cluster-role-arn>' },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
    vpc: {
      ...(vpcId ? { id: vpcId } : {}),
      cidr: config.vpcCidr,
      subnets: { public: subnets('public'), private: subnets('private') },
      nat: { gateway: config.nat === 'ha' ? 'HighlyAvailable' : config.nat === 'single' ? 'Single' : 'Disable' },
      clusterEndpoints: { publicAccess: true, privateAccess: true },
    },
    ...(config.logging ? { cloudWatch: { clusterLogging: { enableTypes: ['*'] } } } : {}),
    managedNodeGroups: [
      {
        name: nodegroupName(config.clusterName),
        amiFamily: AMI_TYPE.startsWith('AL2023') ? 'AmazonLinux2023' : 'AmazonLinux2',
        instanceType: config.instanceType,
        minSize: 1,
        desiredCapacity: config.nodes,
        maxSize: config.nodes,
        volumeSize: DISK_SIZE,
        privateNetworking: nodeSubnetTier(config) === 'private',
        subnets: Array.from({ length: config.azs }, (_, i) => ledger.get(subnetKey(nodeSubnetTier(config), i))?.id ?? `<subnet-${nodeSubnetTier(config)}-${i}>`),
        iam: { instanceRoleARN: ledger.get(NODE_ROLE_KEY)?.id ?? '<node-role-arn>' },
      },
    ],
  };
  return `# eksctl create cluster -f this-file.yaml builds the same cluster.\n${stringify(document)}`;
}

/** A shell script of the aws CLI commands of all five steps, with the ids of this build where known. */
export function exportCli(engine: Engine): string {
  const lines = ['#!/bin/sh', '# The aws CLI commands of the five steps, as eks-basics-tutor sent them.', 'set -eu', ''];
  for (let n = 1 as StepNumber; n <= 5; n = (n + 1) as StepNumber) {
    lines.push(`# Step ${n}`);
    for (const call of engine.plan(n).calls) lines.push(call.cli);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
