/**
 * Estimated list prices in USD, per hour (the table is src/aws/resources/prices.ts).
 * They are estimates: taxes, free tiers, data transfer, per-GB NAT charges and
 * load balancer capacity units are left out.
 */
import { text, type Text } from '../text.js';
import { KINDS, isKind, type PriceConfig, type PriceInput } from './resources/kinds.js';
import { PRICES, PRICE_DATE, clusterHour, gp3Hour, instancePrice, instanceTable, loadBalancerHour, rowFor } from './resources/prices.js';

export { PRICES, PRICE_DATE, clusterHour, gp3Hour, instancePrice, loadBalancerHour };

interface RegionPrices {
  natGatewayHour: number;
  instanceHour: Record<string, number>;
}

/** The region's prices; `exact` false and `from` naming the region whose prices stand in where the table has no row. */
export function priceFor(
  region: string,
): RegionPrices & { exact: boolean; from: string; gp3GbMonth: number; albHour: number; elbHour: number } {
  const row = rowFor(region);
  return {
    natGatewayHour: row.natGatewayHour,
    instanceHour: instanceTable(region),
    gp3GbMonth: row.gp3GbMonth,
    albHour: row.albHour,
    elbHour: row.elbHour,
    exact: row.exact,
    from: row.from,
  };
}

/** One node's hourly price; 0 for an instance type the table does not know (`instancePrice` says undefined, `estimateNotes` says so). */
export function instanceHour(region: string, instanceType: string): number {
  return instancePrice(region, instanceType) ?? 0;
}

/** One node with its gp3 disk (the node group's diskSize, 20 GiB by default). */
export function nodeHour(region: string, instanceType: string, diskGb = 20): number {
  return instanceHour(region, instanceType) + gp3Hour(region, diskGb);
}

/** What is running, in the terms the prices are quoted in. */
export interface Running {
  clusters: number;
  natGateways: number;
  publicIps: number;
  nodes: { instanceType: string; count: number; diskGb?: number }[];
  /** Extended-support clusters among `clusters`. */
  extendedClusters?: number;
  loadBalancers?: { type?: string; zones?: number; internetFacing?: boolean }[];
}

export function hourlyCost(region: string, running: Running): number {
  const prices = priceFor(region);
  const extended = running.extendedClusters ?? 0;
  return (
    (running.clusters - extended) * PRICES.clusterHour +
    extended * PRICES.clusterExtendedHour +
    running.natGateways * prices.natGatewayHour +
    running.publicIps * PRICES.publicIpv4Hour +
    running.nodes.reduce((sum, n) => sum + n.count * nodeHour(region, n.instanceType, n.diskGb), 0) +
    (running.loadBalancers ?? []).reduce((sum, lb) => sum + loadBalancerHour(region, lb), 0)
  );
}

export function formatUsd(value: number): string {
  return `$${value < 1 ? value.toFixed(3) : value.toFixed(2)}`;
}

/** What one resource costs per hour while it exists (list prices, an estimate); free kinds cost 0. */
export function resourceHourly(resource: PriceInput & { kind: string }, config: PriceConfig): number {
  return isKind(resource.kind) ? (KINDS[resource.kind].hourly?.(resource, config) ?? 0) : 0;
}

/**
 * What an estimate for this build leaves uncertain, for the learner: another
 * region's prices standing in, an instance type the table does not price.
 */
export function estimateNotes(config: Pick<PriceConfig, 'region' | 'instanceType'>): Text[] {
  const notes: Text[] = [];
  const row = rowFor(config.region);
  if (!row.exact) {
    notes.push(
      text(
        `Prices for ${config.region} are not in the tutor's table: the estimate uses ${row.from}'s (${PRICE_DATE}); the real ones may differ.`,
        `${config.region} の価格はチューターの表にないため、${row.from} の価格(${PRICE_DATE} 時点)で見積もっています。実際の価格とは異なる場合があります。`,
      ),
    );
  }
  if (instancePrice(config.region, config.instanceType) === undefined) {
    notes.push(
      text(
        `The price of ${config.instanceType} is unknown to the tutor: the estimate leaves the nodes' instances out. See https://aws.amazon.com/ec2/pricing/on-demand/.`,
        `${config.instanceType} の価格はチューターにはわからないため、見積もりにノードのインスタンス代は含まれていません。https://aws.amazon.com/ec2/pricing/on-demand/ を確認してください。`,
      ),
    );
  }
  return notes;
}
