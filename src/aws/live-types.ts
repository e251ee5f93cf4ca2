/** What a lesson page shows live, already fetched and stripped of anything secret: the screens draw it, the AWS side fills it. */
import type { AuthShape, VpcShape } from '../screens/state/diagrams.js';
import type { Text } from '../text.js';

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
