/**
 * List prices in USD, as published for Linux on-demand use, kept as of
 * PRICE_DATE. One row per region the table covers; a region without a row is
 * priced from the nearest covered region, and the estimate says so.
 *
 * Instances: the `.large` size of each family is listed, other sizes scale
 * with it (EC2 prices a family linearly: medium is half of large, xlarge
 * twice). Graviton families are priced from their x86 peers as AWS sets them:
 * c6g, m6g and t4g 20 % under c5, m5 and t3; m7g 15 % under m5; m6i as m5.
 */
export const PRICE_DATE = '2026-11-01';

export interface RegionRow {
  natGatewayHour: number;
  /** gp3 storage, per GB-month. */
  gp3GbMonth: number;
  /** Application and Network Load Balancer per hour (capacity units extra, not counted). */
  albHour: number;
  /** Classic Load Balancer per hour (per-GB extra, not counted). */
  elbHour: number;
  /** `.large` of t3, m5, c5. */
  large: { t3: number; m5: number; c5: number };
}

const row = (
  natGatewayHour: number,
  gp3GbMonth: number,
  albHour: number,
  elbHour: number,
  t3: number,
  m5: number,
  c5: number,
): RegionRow => ({
  natGatewayHour,
  gp3GbMonth,
  albHour,
  elbHour,
  large: { t3, m5, c5 },
});

export const REGION_ROWS: Record<string, RegionRow> = {
  'us-east-1': row(0.045, 0.08, 0.0225, 0.025, 0.0832, 0.096, 0.085),
  'us-east-2': row(0.045, 0.08, 0.0225, 0.025, 0.0832, 0.096, 0.085),
  'us-west-1': row(0.048, 0.096, 0.0252, 0.028, 0.0992, 0.112, 0.106),
  'us-west-2': row(0.045, 0.08, 0.0225, 0.025, 0.0832, 0.096, 0.085),
  'ca-central-1': row(0.05, 0.088, 0.02475, 0.0275, 0.0928, 0.107, 0.093),
  'eu-west-1': row(0.048, 0.088, 0.0252, 0.028, 0.0912, 0.107, 0.096),
  'eu-west-2': row(0.05, 0.0928, 0.02646, 0.0294, 0.0944, 0.111, 0.101),
  'eu-west-3': row(0.05, 0.0928, 0.02646, 0.0294, 0.0944, 0.112, 0.101),
  'eu-central-1': row(0.052, 0.0952, 0.027, 0.03, 0.096, 0.115, 0.097),
  'eu-north-1': row(0.046, 0.0836, 0.02394, 0.0266, 0.0864, 0.102, 0.091),
  'ap-northeast-1': row(0.062, 0.096, 0.0243, 0.027, 0.1088, 0.124, 0.107),
  'ap-northeast-2': row(0.059, 0.0912, 0.0225, 0.025, 0.104, 0.118, 0.096),
  'ap-southeast-1': row(0.059, 0.096, 0.0252, 0.028, 0.1056, 0.12, 0.098),
  'ap-southeast-2': row(0.059, 0.096, 0.0252, 0.028, 0.1056, 0.12, 0.111),
  'ap-south-1': row(0.056, 0.0912, 0.0239, 0.0266, 0.0896, 0.101, 0.085),
  'sa-east-1': row(0.093, 0.152, 0.034, 0.034, 0.1344, 0.153, 0.131),
};

/** Regions where EKS runs that the table has no row for, and whose row stands in for theirs. */
export const STAND_IN: Record<string, string> = {
  'ca-west-1': 'ca-central-1',
  'mx-central-1': 'us-west-1',
  'af-south-1': 'eu-central-1',
  'eu-central-2': 'eu-central-1',
  'eu-south-1': 'eu-west-3',
  'eu-south-2': 'eu-west-1',
  'il-central-1': 'eu-central-1',
  'me-south-1': 'eu-central-1',
  'me-central-1': 'eu-central-1',
  'ap-east-1': 'ap-southeast-1',
  'ap-east-2': 'ap-southeast-1',
  'ap-south-2': 'ap-south-1',
  'ap-northeast-3': 'ap-northeast-1',
  'ap-southeast-3': 'ap-southeast-1',
  'ap-southeast-4': 'ap-southeast-2',
  'ap-southeast-5': 'ap-southeast-1',
  'ap-southeast-6': 'ap-southeast-2',
  'ap-southeast-7': 'ap-southeast-1',
};

/** Each family the table prices: its base (`.large` of which listed family, times what) and the sizes it comes in. */
export const FAMILIES: Record<string, { base: keyof RegionRow['large']; factor: number; sizes: readonly string[] }> = {
  t3: { base: 't3', factor: 1, sizes: ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] },
  t4g: { base: 't3', factor: 0.8, sizes: ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] },
  m5: { base: 'm5', factor: 1, sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'] },
  m6i: {
    base: 'm5',
    factor: 1,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
  },
  m6g: { base: 'm5', factor: 0.8, sizes: ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'] },
  m7g: { base: 'm5', factor: 0.85, sizes: ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'] },
  c5: { base: 'c5', factor: 1, sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '12xlarge', '18xlarge', '24xlarge'] },
  c6g: { base: 'c5', factor: 0.8, sizes: ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'] },
};

/** How many `.large`s a size is. */
export function sizeFactor(size: string): number | undefined {
  const fixed: Record<string, number> = { nano: 1 / 16, micro: 1 / 8, small: 1 / 4, medium: 1 / 2, large: 1, xlarge: 2 };
  if (size in fixed) return fixed[size];
  const n = /^(\d+)xlarge$/.exec(size);
  return n ? 2 * Number(n[1]) : undefined;
}

/** Prices that are the same in every region where EKS runs. */
export const PRICES = {
  /** EKS control plane in standard support. */
  clusterHour: 0.1,
  /** EKS control plane in extended support (after 14 months). */
  clusterExtendedHour: 0.6,
  /** Each public IPv4 address (the NAT's Elastic IP, a node's public IP, a load balancer's per zone). */
  publicIpv4Hour: 0.005,
} as const;

const HOURS_PER_MONTH = 730;

/** The row a region is priced by, and which region's row that is. */
export function rowFor(region: string): RegionRow & { from: string; exact: boolean } {
  const own = REGION_ROWS[region];
  if (own) return { ...own, from: region, exact: true };
  const from = STAND_IN[region] ?? 'us-east-1';
  return { ...REGION_ROWS[from]!, from, exact: false };
}

/** One instance type's hourly price in a region; `undefined` when the table does not know the type. */
export function instancePrice(region: string, instanceType: string): number | undefined {
  const [family = '', size = ''] = instanceType.split('.');
  const known = FAMILIES[family];
  const factor = sizeFactor(size);
  if (!known || factor === undefined || !known.sizes.includes(size)) return undefined;
  return Math.round(rowFor(region).large[known.base] * known.factor * factor * 1e5) / 1e5;
}

/** Every instance type the table prices, by name, for one region. */
export function instanceTable(region: string): Record<string, number> {
  const table: Record<string, number> = {};
  for (const [family, f] of Object.entries(FAMILIES))
    for (const size of f.sizes) table[`${family}.${size}`] = instancePrice(region, `${family}.${size}`)!;
  return table;
}

/** A gp3 volume of `gb` per hour. */
export function gp3Hour(region: string, gb: number): number {
  return (gb * rowFor(region).gp3GbMonth) / HOURS_PER_MONTH;
}

/** A load balancer per hour: classic or ALB/NLB, plus one public IPv4 address per zone when internet-facing. */
export function loadBalancerHour(region: string, lb: { type?: string; zones?: number; internetFacing?: boolean }): number {
  const row = rowFor(region);
  const base = lb.type === 'classic' ? row.elbHour : row.albHour;
  return base + (lb.internetFacing === false ? 0 : (lb.zones ?? 1) * PRICES.publicIpv4Hour);
}

/** The control plane per hour: extended support costs six times standard. */
export function clusterHour(versionStatus?: string): number {
  return /EXTENDED/i.test(versionStatus ?? '') ? PRICES.clusterExtendedHour : PRICES.clusterHour;
}
