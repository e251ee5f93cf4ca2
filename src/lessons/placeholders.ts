/**
 * The placeholders of the lessons' commands and their values for one build.
 * Pure: the caller passes what it knows (the ledger, the config, the account and,
 * when it has fetched them, the region's zone names); nothing here calls AWS.
 */
import type { TutorConfig } from '../config.js';
import { formatIp, parseCidr } from '../aws/network.js';
import { VPC_KEY, natKey, subnetKey } from '../aws/steps/vpc-requests.js';
import type { LedgerEntry, LedgerFacts } from '../state/ledger.js';

// The step modules (role and node group names) load the AWS SDK; this module stays
// light, so it reads those names from the ledger and only falls back to the plain
// form the engine uses when a name needs no shortening.

/** Every placeholder a lesson command may use, as `{name}`. */
export const PLACEHOLDERS = [
  'cluster',
  'region',
  'vpcId',
  'publicSubnetId',
  'privateSubnetId',
  'clusterRoleName',
  'clusterRoleArn',
  'nodeRoleName',
  'nodeRoleArn',
  'natGatewayId',
  'nodegroup',
  'thirdAz',
  'freeCidr',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The values known so far; a placeholder without one stays `{name}` on screen. */
export type CommandValues = Partial<Record<Placeholder, string>>;

export interface CommandValuesInput {
  ledger: { get(key: string): LedgerEntry | undefined; readonly entries: readonly LedgerEntry[]; readonly facts: Readonly<LedgerFacts> };
  config: Pick<TutorConfig, 'clusterName' | 'region' | 'vpcCidr' | 'azs'>;
  accountId?: string;
  /** The region's zone names (DescribeAvailabilityZones), when the caller has them. */
  zones?: string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The id of a ledger entry that exists (or may exist), if known. */
function liveId(entry: LedgerEntry | undefined): string | undefined {
  return entry && entry.state !== 'deleted' && entry.id ? entry.id : undefined;
}

/** The subnets of this build that are not deleted: their zones and ranges. */
function buildSubnets(ledger: CommandValuesInput['ledger']): { az?: string; cidr?: string }[] {
  return ledger.entries
    .filter((entry) => entry.kind === 'subnet' && entry.state !== 'deleted')
    .map((entry) => ({ az: entry.details?.['az'], cidr: entry.details?.['cidr'] }));
}

/**
 * The first zone of the region the build does not use, in the order the build
 * chose its own (sorted names). Undefined when the zones are not known yet or
 * all are taken. The new subnet is for nodes and load balancers, which may use
 * zones EKS refuses for a control plane, so none is skipped.
 */
export function thirdAz(zones: readonly string[] | undefined, used: readonly string[]): string | undefined {
  if (!zones) return undefined;
  const taken = new Set(used);
  return [...zones].sort().find((zone) => !taken.has(zone));
}

/** us-east-1a is a zone of us-east-1; a Local Zone (us-east-1-bos-1a) or Wavelength Zone is not. */
function isRegionZone(region: string, zone: string): boolean {
  return zone.startsWith(region) && /^[a-z]$/.test(zone.slice(region.length));
}

function overlaps(a: { base: number; prefix: number }, b: { base: number; prefix: number }): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

/**
 * A range for one more subnet, the size of the build's own (an eighth of the VPC),
 * that overlaps none in use: the private slot of a third AZ when it is free, else
 * the first free slot of the eight. Undefined when the VPC range is not a CIDR or
 * every slot is taken.
 */
export function freeCidr(vpcCidr: string, usedCidrs: readonly string[]): string | undefined {
  const vpc = parseCidr(vpcCidr);
  if (!vpc || vpc.prefix > 25) return undefined;
  const prefix = vpc.prefix + 3;
  const size = 2 ** (32 - prefix);
  const used = usedCidrs.map(parseCidr).filter((c): c is { base: number; prefix: number } => c !== undefined);
  const base = (vpc.base >>> (32 - vpc.prefix)) * 2 ** (32 - vpc.prefix);
  const slot = (n: number) => ({ base: (base + n * size) >>> 0, prefix });
  const order = [5, 0, 1, 2, 3, 4, 6, 7];
  const free = order.map(slot).find((candidate) => !used.some((u) => overlaps(candidate, u)));
  return free && `${formatIp(free.base)}/${prefix}`;
}

/** Every placeholder's value that this build already determines. */
export function commandValues(input: CommandValuesInput): CommandValues {
  const { ledger, config } = input;
  const accountId = input.accountId ?? ledger.facts.accountId;
  const role = (step: 1 | 5, suffix: string) => {
    const entry = ledger.entries.find((e) => e.kind === 'iam-role' && e.step === step && e.state !== 'deleted');
    const plain = `${config.clusterName}-${suffix}`;
    const name = entry?.details?.['name'] || (plain.length <= 64 ? plain : undefined);
    const arn = liveId(entry) ?? (accountId && name ? `arn:aws:iam::${accountId}:role/${name}` : undefined);
    return { name, arn };
  };
  const clusterRole = role(1, 'cluster-role');
  const nodeRole = role(5, 'node-role');
  const nodegroupEntry = ledger.entries.find((e) => e.kind === 'eks-nodegroup' && e.state !== 'deleted');
  const nodegroup = nodegroupEntry?.details?.['name'] || `${config.clusterName}-nodes`.slice(0, 63);
  const subnets = buildSubnets(ledger);
  const usedZones = [...subnets.map((s) => s.az), ...(ledger.facts.availabilityZones ?? []).slice(0, config.azs)].filter(
    (az): az is string => az !== undefined,
  );
  const vpc = ledger.get(VPC_KEY);
  const vpcCidr = vpc?.details?.['cidr'] ?? config.vpcCidr;
  const values: CommandValues = {
    cluster: config.clusterName,
    region: config.region,
    vpcId: liveId(vpc),
    publicSubnetId: liveId(ledger.get(subnetKey('public', 0))),
    privateSubnetId: liveId(ledger.get(subnetKey('private', 0))),
    clusterRoleName: clusterRole.name,
    clusterRoleArn: clusterRole.arn,
    nodeRoleName: nodeRole.name,
    nodeRoleArn: nodeRole.arn,
    natGatewayId: liveId(ledger.get(natKey(0))),
    nodegroup,
    thirdAz: thirdAz(
      input.zones?.filter((zone) => isRegionZone(config.region, zone)),
      usedZones,
    ),
    freeCidr: freeCidr(
      vpcCidr,
      subnets.map((s) => s.cidr).filter((c): c is string => c !== undefined),
    ),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as CommandValues;
}

/** The command with every known placeholder filled; an unknown one stays as `{name}`, visibly unfilled. */
export function fillCommand(cli: string, values: CommandValues): string {
  return cli.replace(PLACEHOLDER, (whole, name: string) => values[name as Placeholder] ?? whole);
}

/** The placeholders a command uses, in order. */
export function placeholdersIn(cli: string): string[] {
  return [...cli.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}
