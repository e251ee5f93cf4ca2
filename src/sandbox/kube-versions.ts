import { createHash } from 'node:crypto';
import { EKS_CALENDAR } from './eks-versions.js';

/**
 * The version strings the sandbox's Kubernetes shows (API server, kubelets,
 * kube-proxy, node AMI releases), all from the one calendar in eks-versions.ts,
 * so they agree with DescribeClusterVersions and DescribeAddonVersions.
 */

/** `1.36` -> `1.36.1`, the patch the calendar gives; versions it does not list get `.0`. */
export function patchVersion(version: string): string {
  return EKS_CALENDAR.find((v) => v.version === version)?.patch ?? `${version}.0`;
}

function shortHash(seed: string): string {
  return createHash('sha1').update(seed).digest('hex').slice(0, 7);
}

/** What the API server reports, e.g. `v1.36.1-eks-3cfe0ce`. */
export function apiServerGitVersion(version: string): string {
  return `v${patchVersion(version)}-eks-${shortHash(`apiserver ${version}`)}`;
}

/** What a node's kubelet (and its kube-proxy) reports, e.g. `v1.36.1-eks-113cf36`. */
export function kubeletVersion(version: string): string {
  return `v${patchVersion(version)}-eks-${shortHash(`kubelet ${version}`)}`;
}

/** The day the sandbox's node AMIs were built: after every release the calendar lists. */
const AMI_BUILD = '20261118';

/** The AMI release of a managed node group, e.g. `1.36.1-20261118`. */
export function nodeReleaseVersion(version: string): string {
  return `${patchVersion(version)}-${AMI_BUILD}`;
}
