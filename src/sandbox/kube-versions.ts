import { createHash } from 'node:crypto';

/** One Kubernetes version as EKS offers it. */
export interface EksKubernetesVersion {
  version: string;
  patch: string;
  versionStatus: 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT';
  releaseDate: string;
  endOfStandardSupportDate: string;
  endOfExtendedSupportDate: string;
}

/** The versions the sandbox offers, newest first; the first one is the default. */
export const EKS_VERSIONS: readonly EksKubernetesVersion[] = [
  { version: '1.34', patch: '1.34.1', versionStatus: 'STANDARD_SUPPORT', releaseDate: '2025-10-02', endOfStandardSupportDate: '2026-12-02', endOfExtendedSupportDate: '2027-12-02' },
  { version: '1.33', patch: '1.33.5', versionStatus: 'STANDARD_SUPPORT', releaseDate: '2025-05-29', endOfStandardSupportDate: '2026-07-29', endOfExtendedSupportDate: '2027-07-29' },
  { version: '1.32', patch: '1.32.9', versionStatus: 'STANDARD_SUPPORT', releaseDate: '2025-01-23', endOfStandardSupportDate: '2026-03-23', endOfExtendedSupportDate: '2027-03-23' },
  { version: '1.31', patch: '1.31.13', versionStatus: 'EXTENDED_SUPPORT', releaseDate: '2024-09-26', endOfStandardSupportDate: '2025-11-26', endOfExtendedSupportDate: '2026-11-26' },
  { version: '1.30', patch: '1.30.14', versionStatus: 'EXTENDED_SUPPORT', releaseDate: '2024-05-23', endOfStandardSupportDate: '2025-07-23', endOfExtendedSupportDate: '2026-07-23' },
];

export const DEFAULT_EKS_VERSION = EKS_VERSIONS[0]!.version;

/** `1.34` -> `1.34.1`; versions the sandbox does not list get `.0`. */
export function patchVersion(version: string): string {
  return EKS_VERSIONS.find((v) => v.version === version)?.patch ?? `${version}.0`;
}

function shortHash(seed: string): string {
  return createHash('sha1').update(seed).digest('hex').slice(0, 7);
}

/** What the API server reports, e.g. `v1.34.1-eks-3cfe0ce`. */
export function apiServerGitVersion(version: string): string {
  return `v${patchVersion(version)}-eks-${shortHash(`apiserver ${version}`)}`;
}

/** What a node's kubelet reports, e.g. `v1.34.1-eks-113cf36`. */
export function kubeletVersion(version: string): string {
  return `v${patchVersion(version)}-eks-${shortHash(`kubelet ${version}`)}`;
}

/** The AMI release of a managed node group, e.g. `1.34.1-20251112`. */
export function nodeReleaseVersion(version: string): string {
  return `${patchVersion(version)}-20251112`;
}

const epochSeconds = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

/** DescribeClusterVersions in the shape EKS answers (timestamps as epoch seconds). */
export function describeClusterVersions(query: URLSearchParams): { clusterVersions: Record<string, unknown>[] } {
  const wanted = query.getAll('clusterVersions').flatMap((v) => v.split(',')).filter(Boolean);
  const defaultOnly = query.get('defaultOnly') === 'true';
  const versionStatus = query.get('versionStatus');
  const status = query.get('status');
  const clusterVersions = EKS_VERSIONS.filter((v, i) => {
    if (defaultOnly && i !== 0) return false;
    if (wanted.length > 0 && !wanted.includes(v.version)) return false;
    if (versionStatus && versionStatus !== v.versionStatus) return false;
    if (status && status !== legacyStatus(v)) return false;
    return true;
  }).map((v) => ({
    clusterVersion: v.version,
    clusterType: 'eks',
    defaultPlatformVersion: 'eks.9',
    defaultVersion: v.version === DEFAULT_EKS_VERSION,
    releaseDate: epochSeconds(v.releaseDate),
    endOfStandardSupportDate: epochSeconds(v.endOfStandardSupportDate),
    endOfExtendedSupportDate: epochSeconds(v.endOfExtendedSupportDate),
    status: legacyStatus(v),
    versionStatus: v.versionStatus,
    kubernetesPatchVersion: v.patch,
  }));
  return { clusterVersions };
}

/** The older `status` field spells the same thing in lower case with hyphens. */
function legacyStatus(v: EksKubernetesVersion): string {
  return v.versionStatus === 'STANDARD_SUPPORT' ? 'standard-support' : 'extended-support';
}
