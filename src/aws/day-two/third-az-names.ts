import type { TutorConfig } from '../../config.js';
import { text, type Text } from '../../text.js';
import { formatUsd, resourceHourly } from '../cost.js';
import type { Tier } from '../steps/vpc-requests.js';

/**
 * The names and the price of question 7's node group in a third zone, apart
 * from its module so that the table of actions can use them without loading the SDK.
 */

/** The ledger keys of what day-two third-az makes; `down` finds both by their tags (resources/subnet.ts, eks-nodegroup.ts). */
export const thirdAzSubnetKey = (tier: Tier) => `subnet/${tier}/third-az`;
export const THIRD_AZ_NODEGROUP_KEY = 'nodegroup/third-az';
export const thirdAzNodegroupName = (clusterName: string) => `${clusterName.slice(0, 59)}-az3`;

/** What one node of the instance type costs an hour: instance, disk and, with --nat none, its public IPv4 address. */
export function thirdAzHourly(config: Pick<TutorConfig, 'region' | 'instanceType' | 'nat'>, instanceType = config.instanceType): number {
  return resourceHourly(
    { kind: 'eks-nodegroup', details: { desired: '1', instanceType } },
    { region: config.region, instanceType, nodes: 1, nat: config.nat },
  );
}

/** Said before it runs in a real account (the CLI asks to go ahead). */
export function thirdAzCost(config: Pick<TutorConfig, 'clusterName' | 'region' | 'instanceType' | 'nat'>): Text {
  const hour = formatUsd(thirdAzHourly(config));
  const name = thirdAzNodegroupName(config.clusterName);
  return text(
    `This adds a subnet in a third zone (free) and a node group ${name} of one ${config.instanceType} node there: about ${hour}/hour while it exists (list price, an estimate; --instance-type names another type). down removes both with the rest.`,
    `3 つ目の AZ にサブネット(無料)と、${config.instanceType} ノード 1 台のノードグループ ${name} を追加します。存在する間は 1 時間あたり約 ${hour}(定価による見積もり。別の種類は --instance-type で指定)。down で他と一緒に両方削除します。`,
  );
}
