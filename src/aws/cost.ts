/**
 * Estimated list prices in USD, per hour, as published on 2026-11-01. They are
 * estimates: taxes, free tiers, data transfer and per-GB NAT charges are left out.
 */
export const PRICE_DATE = '2026-11-01';

export const PRICES = {
  /** EKS control plane in standard support. */
  clusterHour: 0.1,
  /** EKS control plane in extended support (after 14 months). */
  clusterExtendedHour: 0.6,
  /** Each public IPv4 address (the NAT's Elastic IP, a node's public IP). */
  publicIpv4Hour: 0.005,
} as const;

interface RegionPrices {
  natGatewayHour: number;
  instanceHour: Record<string, number>;
}

const REGION_PRICES: Record<string, RegionPrices> = {
  'us-east-1': { natGatewayHour: 0.045, instanceHour: { 't3.small': 0.0208, 't3.medium': 0.0416, 't3.large': 0.0832, 'm5.large': 0.096 } },
  'us-east-2': { natGatewayHour: 0.045, instanceHour: { 't3.small': 0.0208, 't3.medium': 0.0416, 't3.large': 0.0832, 'm5.large': 0.096 } },
  'us-west-2': { natGatewayHour: 0.045, instanceHour: { 't3.small': 0.0208, 't3.medium': 0.0416, 't3.large': 0.0832, 'm5.large': 0.096 } },
  'eu-west-1': { natGatewayHour: 0.048, instanceHour: { 't3.small': 0.0228, 't3.medium': 0.0456, 't3.large': 0.0912, 'm5.large': 0.107 } },
  'eu-central-1': { natGatewayHour: 0.052, instanceHour: { 't3.small': 0.024, 't3.medium': 0.048, 't3.large': 0.096, 'm5.large': 0.115 } },
  'ap-northeast-1': { natGatewayHour: 0.062, instanceHour: { 't3.small': 0.0272, 't3.medium': 0.0544, 't3.large': 0.1088, 'm5.large': 0.124 } },
  'ap-southeast-1': { natGatewayHour: 0.059, instanceHour: { 't3.small': 0.0264, 't3.medium': 0.0528, 't3.large': 0.1056, 'm5.large': 0.12 } },
};

/** The region's prices, or us-east-1's where the table has no row (still an estimate). */
export function priceFor(region: string): RegionPrices & { exact: boolean } {
  const row = REGION_PRICES[region];
  return { ...(row ?? REGION_PRICES['us-east-1']!), exact: Boolean(row) };
}

/** One node's hourly price; unknown instance types are priced as t3.medium of that region. */
export function instanceHour(region: string, instanceType: string): number {
  const prices = priceFor(region).instanceHour;
  return prices[instanceType] ?? prices['t3.medium']!;
}

/** What is running, in the terms the prices are quoted in. */
export interface Running {
  clusters: number;
  natGateways: number;
  publicIps: number;
  nodes: { instanceType: string; count: number }[];
}

export function hourlyCost(region: string, running: Running): number {
  const prices = priceFor(region);
  return (
    running.clusters * PRICES.clusterHour +
    running.natGateways * prices.natGatewayHour +
    running.publicIps * PRICES.publicIpv4Hour +
    running.nodes.reduce((sum, n) => sum + n.count * instanceHour(region, n.instanceType), 0)
  );
}

export function formatUsd(value: number): string {
  return `$${value < 1 ? value.toFixed(3) : value.toFixed(2)}`;
}

/** What one resource costs per hour while it exists (list prices, an estimate); free kinds cost 0. */
export function resourceHourly(
  resource: { kind: string; details?: Record<string, string> | undefined },
  config: { region: string; instanceType: string; nodes: number; nat: string },
): number {
  switch (resource.kind) {
    case 'eks-cluster':
      return PRICES.clusterHour;
    case 'nat-gateway':
      return priceFor(config.region).natGatewayHour;
    case 'elastic-ip':
      return PRICES.publicIpv4Hour;
    case 'eks-nodegroup': {
      const desired = Number(resource.details?.desired ?? config.nodes) || config.nodes;
      const type = resource.details?.instanceType || config.instanceType;
      // Without a NAT gateway the nodes sit in public subnets, each with a public IPv4 address.
      return desired * (instanceHour(config.region, type) + (config.nat === 'none' ? PRICES.publicIpv4Hour : 0));
    }
    default:
      return 0;
  }
}
