import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import { text } from '../text.js';

/** Splits an IPv4 CIDR into its address (as a number) and prefix length. */
export function parseCidr(cidr: string): { base: number; prefix: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { base, prefix };
}

export function formatIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/**
 * The VPC is cut into eight equal slots (a /16 into /19s, as eksctl does):
 * public subnets take slots 0-2, private ones slots 3-5, one per AZ, and
 * slots 6-7 stay free. A 2-AZ VPC keeps slots 2 and 5 for a third AZ.
 */
export function subnetCidr(vpcCidr: string, tier: 'public' | 'private', index: number): string {
  const parsed = parseCidr(vpcCidr);
  if (!parsed) throw new TutorError('BAD_INPUT', text(`Not a CIDR: ${vpcCidr}`, `CIDR ではありません: ${vpcCidr}`));
  const prefix = parsed.prefix + 3;
  const size = 2 ** (32 - prefix);
  const slot = (tier === 'public' ? 0 : 3) + index;
  return `${formatIp((parsed.base + slot * size) >>> 0)}/${prefix}`;
}

/**
 * Zones EKS refuses for cluster subnets (the EKS user guide's subnet
 * requirements; eksctl skips the same), by zone ID: zone names are shuffled
 * per account, so us-east-1e in one account is another zone in the next.
 */
export const EKS_UNSUPPORTED_ZONE_IDS = new Set(['use1-az3', 'usw1-az2', 'cac1-az3']);

/** @deprecated by zone name, which differs between accounts: use EKS_UNSUPPORTED_ZONE_IDS. */
export const EKS_UNSUPPORTED_AZS = new Set<string>();

export function natCount(config: Pick<TutorConfig, 'nat' | 'azs'>): number {
  return config.nat === 'ha' ? config.azs : config.nat === 'single' ? 1 : 0;
}
