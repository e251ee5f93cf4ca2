import { createHash } from 'node:crypto';
import { formatIp, parseCidr } from '../aws/network.js';

/** Small pure helpers the sandbox's Kubernetes objects share: stable ids, times, addresses. */

export function hash(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** A UUID-shaped id that is the same for the same seed, so objects keep their uid across reads. */
export function uid(seed: string): string {
  const h = hash(seed).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Kubernetes' time format: RFC 3339 in whole seconds. */
export const timestamp = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The characters Kubernetes uses for generated name suffixes (no vowels, no 0/1/3). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function nameSuffix(seed: string, length: number): string {
  const bytes = hash(seed);
  let out = '';
  for (let i = 0; i < length; i += 1) out += SUFFIX_ALPHABET[bytes[i]! % SUFFIX_ALPHABET.length];
  return out;
}

/** The usable host addresses of a subnet as AWS hands them out (the first four and the last are reserved). */
export function usableRange(cidr: string): { first: number; count: number } {
  const parsed = parseCidr(cidr) ?? { base: 0, prefix: 32 };
  const size = 2 ** (32 - parsed.prefix);
  const network = parsed.base - (parsed.base % size);
  return { first: network + 4, count: Math.max(1, size - 5) };
}

/** A free address of the subnet chosen by the seed, marked as used; the same seed and used set give the same address. */
export function pickAddress(cidr: string, seed: string, used: Set<number>): string {
  const { first, count } = usableRange(cidr);
  let offset = hash(seed).readUInt32BE(0) % count;
  for (let tries = 0; used.has(first + offset) && tries < count; tries += 1) offset = (offset + 1) % count;
  used.add(first + offset);
  return formatIp(first + offset);
}

/** A public IPv4 address for an instance, the same for the same seed (from 54.0.0.0/8, one of EC2's ranges). */
export function publicIp(seed: string): string {
  const h = hash(`public ip ${seed}`);
  return `54.${h[0]! % 256}.${h[1]! % 256}.${1 + (h[2]! % 254)}`;
}

/** EC2's public DNS name for an address: us-east-1 keeps the old `compute-1.amazonaws.com`. */
export function publicDnsName(ip: string, region: string): string {
  const host = `ec2-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

/** The nth address of the cluster's service CIDR (1 is the `kubernetes` service, 10 is DNS). */
export function serviceIp(cidr: string, nth: number): string {
  return formatIp((parseCidr(cidr)?.base ?? parseCidr('10.100.0.0/16')!.base) + nth);
}

/** EC2's private DNS domain: us-east-1 keeps the old `ec2.internal`. */
export function privateDnsDomain(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

export const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
