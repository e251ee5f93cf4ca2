import type { Lang } from './text.js';

export type Mode = 'real' | 'sandbox' | 'dry-run';
export type NatMode = 'single' | 'ha' | 'none';
export type RegistryPolicy = 'pullonly' | 'readonly';

/** Everything the tutor was asked to do, validated. Holds no credentials. */
export interface TutorConfig {
  mode: Mode;
  clusterName: string;
  region: string;
  profile?: string;
  endpointUrl?: string;
  /** Undefined: the newest version in standard support (DescribeClusterVersions), or the built-in default. */
  kubernetesVersion?: string;
  vpcCidr: string;
  azs: 2 | 3;
  nat: NatMode;
  nodes: number;
  instanceType: string;
  registryPolicy: RegistryPolicy;
  logging: boolean;
  stateDir: string;
  yes: boolean;
  lang: Lang;
  /** The language was chosen with --lang (not guessed from LANG): it wins over the one the progress file remembers. */
  langChosen?: true;
  /** Sandbox only: multiplies the real durations of AWS's slow operations. */
  timeScale: number;
  /** Run the kubectl checks of steps 4 and 5. */
  kubectl: boolean;
  presenter: boolean;
  /** --plain or a screen reader: numbered menus, no box drawing, nothing animated. */
  plain?: true;
  debug: boolean;
}

export const DEFAULT_CLUSTER_NAME = 'eks-basics-tutor';
/**
 * Only for an endpoint that is not AWS and has no DescribeClusterVersions (moto);
 * against AWS the version always comes from DescribeClusterVersions.
 */
export const DEFAULT_KUBERNETES_VERSION = '1.35';
export const DEFAULT_TIME_SCALE = 1 / 60;
