/** What a lesson page shows live, already fetched and stripped of anything secret: the screens draw it, the AWS side fills it. */
import type { Text } from '../text.js';

/** The live VPC as the VPC diagram draws it: subnets with their default routes, the IGW and the NAT gateways. */
export interface VpcShape {
  vpc: { id: string; cidr: string };
  igw?: string;
  subnets: { id: string; tier: string; az: string; cidr: string; tags: [string, string][]; defaultRoute?: string }[];
  nats: { id: string; state: string; subnet: string }[];
}

/** The authentication path of this build, as its diagram names it. */
export interface AuthShape {
  cluster: string;
  region: string;
  /** The kubeconfig user (and context) the tutor wrote, once step 4 has run. */
  user?: string;
  endpoint?: string;
}

export type LiveView =
  | { kind: 'policies'; policies: { name: string; version: string; actions: { action: string; important: boolean }[] }[] }
  | {
      kind: 'vpc';
      vpc?: { id: string; cidr: string };
      igw?: string;
      subnets: { id: string; tier: string; az: string; cidr: string; tags: [string, string][] }[];
      nats: { id: string; state: string; subnet: string }[];
    }
  | { kind: 'cluster'; fields: [string, string][] }
  | { kind: 'kubeconfig'; path: string; lines: string[] }
  | { kind: 'token'; command: string; url: string; params: [string, string][]; expires?: string }
  | { kind: 'nodes'; command: string; output: string }
  | { kind: 'vpc-diagram'; shape: VpcShape }
  | { kind: 'auth-path'; shape: AuthShape }
  | { kind: 'unavailable'; reason: Text };

/** A live view that cannot be shown yet, with the reason. */
export const notYet = (en: string, ja: string): LiveView => ({ kind: 'unavailable', reason: { en, ja } });
