import { stringify } from 'yaml';
import type { TutorConfig } from '../config.js';
import type { Ledger } from '../state/ledger.js';
import { AMI_TYPE, DISK_SIZE, nodeSubnetTier, nodegroupName } from './steps/nodegroup.js';
import { VPC_KEY, subnetKey, type Tier } from './steps/vpc-requests.js';

/** The add-ons eksctl installs as EKS add-ons, matching what the tutor teaches (vpc-cni, kube-proxy, CoreDNS, Pod Identity). */
export const EKSCTL_ADDONS = ['vpc-cni', 'kube-proxy', 'coredns', 'eks-pod-identity-agent'] as const;

export interface EksctlExportOptions {
  /** Reuse this build's VPC and subnets instead of a new VPC of the same shape. */
  existingVpc: boolean;
  /** The Kubernetes version to ask for; eksctl's default when absent. */
  version?: string | undefined;
  /** The AZs of the build (or of the region, first ones EKS accepts); eksctl chooses when absent. */
  zones?: string[] | undefined;
}

/** eksctl's name for a new cluster next to this build's: the same name would collide with the cluster that exists. */
export function eksctlClusterName(clusterName: string): string {
  return `${clusterName.slice(0, 100 - '-eksctl'.length)}-eksctl`;
}

function existingSubnets(config: TutorConfig, ledger: Ledger, tier: Tier): Record<string, { id: string }> {
  const subnets: Record<string, { id: string }> = {};
  for (let i = 0; i < config.azs; i++) {
    const entry = ledger.get(subnetKey(tier, i));
    if (entry?.id && entry.details?.az) subnets[entry.details.az] = { id: entry.id };
  }
  return subnets;
}

/**
 * The eksctl ClusterConfig of a new cluster shaped like the learner's build:
 * a VPC with the same range, zone count and NAT mode (or, with `existingVpc`,
 * this build's VPC and subnets), the same node group, version and access
 * settings, STANDARD support (eksctl, like the API, defaults to EXTENDED) and
 * the add-ons as EKS add-ons. It names no id of this build unless asked to.
 */
export function exportEksctl(
  config: TutorConfig,
  ledger: Ledger,
  options: EksctlExportOptions,
): { yaml: string; document: Record<string, unknown> } {
  const tier = nodeSubnetTier(config);
  const vpcId = ledger.get(VPC_KEY)?.id;
  if (options.existingVpc && !vpcId) {
    throw new Error('existing-vpc needs a build whose VPC exists');
  }
  const vpc: Record<string, unknown> = options.existingVpc
    ? {
        id: vpcId,
        subnets: { public: existingSubnets(config, ledger, 'public'), private: existingSubnets(config, ledger, 'private') },
      }
    : { cidr: config.vpcCidr, nat: { gateway: config.nat === 'ha' ? 'HighlyAvailable' : config.nat === 'single' ? 'Single' : 'Disable' } };
  vpc.clusterEndpoints = { publicAccess: true, privateAccess: true };
  const document: Record<string, unknown> = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: {
      name: eksctlClusterName(config.clusterName),
      region: config.region,
      ...(options.version ? { version: options.version } : {}),
      tags: { 'made-like': `eks-basics-tutor/${config.clusterName}` },
    },
    ...(!options.existingVpc && options.zones && options.zones.length >= config.azs
      ? { availabilityZones: options.zones.slice(0, config.azs) }
      : {}),
    upgradePolicy: { supportType: 'STANDARD' },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true },
    vpc,
    addonsConfig: { disableDefaultAddons: true },
    addons: EKSCTL_ADDONS.map((name) => ({ name })),
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
        privateNetworking: tier === 'private',
      },
    ],
  };
  const intro = options.existingVpc
    ? `# eksctl create cluster -f this-file.yaml makes a second cluster, ${eksctlClusterName(config.clusterName)}, in the VPC and subnets of "${config.clusterName}".\n`
    : `# eksctl create cluster -f this-file.yaml makes a new cluster, ${eksctlClusterName(config.clusterName)}, shaped like "${config.clusterName}", in a new VPC.\n`;
  return { yaml: `${intro}${stringify(document)}`, document };
}
