import { EKS_CALENDAR } from './eks-versions.js';

/**
 * The EKS add-ons the sandbox offers and their versions per Kubernetes
 * version, in the form EKS gives them (`v1.20.4-eksbuild.1`). The numbers are
 * the sandbox's own picture: plausible, not a copy of AWS's catalogue.
 */
export const ADDON_NAMES = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent'] as const;
export type AddonName = (typeof ADDON_NAMES)[number];

const ADDON_TYPES: Record<AddonName, string> = {
  'vpc-cni': 'networking',
  coredns: 'networking',
  'kube-proxy': 'networking',
  'eks-pod-identity-agent': 'security',
};

const COREDNS: Record<string, string> = {
  '1.36': 'v1.13.1-eksbuild.1',
  '1.35': 'v1.12.4-eksbuild.1',
  '1.34': 'v1.12.3-eksbuild.1',
  '1.33': 'v1.12.1-eksbuild.2',
  '1.32': 'v1.11.4-eksbuild.14',
  '1.31': 'v1.11.4-eksbuild.2',
  '1.30': 'v1.11.3-eksbuild.2',
  '1.29': 'v1.11.1-eksbuild.9',
};

const minor = (version: string): number => Number(version.split('.')[1] ?? 0);

/** The versions of an add-on that run on a cluster of `clusterVersion`, newest (the default) first. */
export function addonVersionsFor(name: AddonName, clusterVersion: string): string[] {
  switch (name) {
    case 'vpc-cni':
      return minor(clusterVersion) >= 29 ? ['v1.20.4-eksbuild.1', 'v1.19.6-eksbuild.1'] : [];
    case 'eks-pod-identity-agent':
      return ['v1.3.8-eksbuild.2', 'v1.3.7-eksbuild.2'];
    case 'coredns':
      return COREDNS[clusterVersion] ? [COREDNS[clusterVersion]] : [];
    case 'kube-proxy': {
      const patch = EKS_CALENDAR.find((v) => v.version === clusterVersion)?.patch;
      return patch ? [`v${patch}-eksbuild.2`, `v${clusterVersion}.0-eksbuild.1`] : [];
    }
  }
}

export const isAddonName = (name: string): name is AddonName => (ADDON_NAMES as readonly string[]).includes(name);

/** DescribeAddonVersions in the shape EKS answers. */
export function describeAddonVersions(query: URLSearchParams): { addons: Record<string, unknown>[] } {
  const wantedName = query.get('addonName');
  const wantedVersion = query.get('kubernetesVersion');
  const types = query
    .getAll('types')
    .flatMap((t) => t.split(','))
    .filter(Boolean);
  const clusterVersions = wantedVersion ? [wantedVersion] : EKS_CALENDAR.map((v) => v.version);
  const addons = ADDON_NAMES.filter(
    (name) => (!wantedName || name === wantedName) && (types.length === 0 || types.includes(ADDON_TYPES[name])),
  )
    .map((name) => {
      const byVersion = new Map<string, { clusterVersion: string; platformVersions: string[]; defaultVersion: boolean }[]>();
      for (const clusterVersion of clusterVersions) {
        addonVersionsFor(name, clusterVersion).forEach((addonVersion, i) => {
          byVersion.set(addonVersion, [
            ...(byVersion.get(addonVersion) ?? []),
            { clusterVersion, platformVersions: ['*'], defaultVersion: i === 0 },
          ]);
        });
      }
      return {
        addonName: name,
        type: ADDON_TYPES[name],
        addonVersions: [...byVersion].map(([addonVersion, compatibilities]) => ({
          addonVersion,
          architecture: ['amd64', 'arm64'],
          computeTypes: ['ec2'],
          compatibilities,
          requiresConfiguration: false,
          requiresIamPermissions: name === 'vpc-cni',
        })),
        publisher: 'eks',
        owner: 'aws',
      };
    })
    .filter((addon) => addon.addonVersions.length > 0);
  return { addons };
}
