import type { Cluster, Nodegroup } from '@aws-sdk/client-eks';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { resourceHourly } from '../cost.js';
import type { PriceConfig } from '../resources/kinds.js';
import { describeCluster } from '../steps/cluster.js';
import { describeNodegroup } from '../steps/nodegroup.js';
import { VPC_KEY, type Tier } from '../steps/vpc-requests.js';
import type { StepContext } from '../types.js';

/**
 * What a build is, read from its ledger and from AWS rather than from the
 * command line: `day-two` runs with the default options, whatever `up` was given.
 */
export interface BuildShape {
  vpcId: string;
  /** The node group's subnets' tier: public for a build made with --nat none. */
  nodeTier: Tier;
  /** NAT gateways recorded and not deleted: none, single or ha. */
  nat: 'none' | 'single' | 'ha';
  natCount: number;
  cluster: Cluster;
  group: Nodegroup;
}

/** The tier of a subnet id, from its ledger key (`subnet/<tier>/<n>`). */
export function tierOf(ctx: Pick<StepContext, 'ledger'>, subnetId: string): Tier | undefined {
  const key = ctx.ledger.entries.find((e) => e.kind === 'subnet' && e.id === subnetId && e.state !== 'deleted')?.key;
  return key?.startsWith('subnet/public/') ? 'public' : key?.startsWith('subnet/private/') ? 'private' : undefined;
}

/** The ACTIVE cluster and node group of this build, and its NAT mode; refuses in one line when there is none. */
export async function buildShape(ctx: StepContext): Promise<BuildShape> {
  const cluster = await describeCluster(ctx);
  const group = await describeNodegroup(ctx);
  const vpcId = ctx.ledger.get(VPC_KEY)?.id ?? cluster?.resourcesVpcConfig?.vpcId;
  if (cluster?.status !== 'ACTIVE' || group?.status !== 'ACTIVE' || !vpcId) {
    throw new TutorError(
      'NOT_FOUND',
      text(
        'There is no ACTIVE cluster and node group for this name: run `eks-basics-tutor up --through 5` first.',
        'この名前の ACTIVE なクラスターとノードグループがありません。先に `eks-basics-tutor up --through 5` を実行してください。',
      ),
    );
  }
  const tiers = (group.subnets ?? []).map((id) => tierOf(ctx, id));
  const nodeTier: Tier = tiers.length > 0 && tiers.every((t) => t === 'public') ? 'public' : 'private';
  const natCount = ctx.ledger.live.filter((e) => e.kind === 'nat-gateway').length;
  const nat = natCount === 0 ? 'none' : natCount === 1 ? 'single' : 'ha';
  return { vpcId, nodeTier, nat, natCount, cluster, group };
}

/** The prices of kinds.ts for this build's region and instance type. */
export function priceConfig(ctx: Pick<StepContext, 'config'>, nat: string, nodes = ctx.config.nodes): PriceConfig {
  return { region: ctx.config.region, instanceType: ctx.config.instanceType, nodes, nat };
}

/** What `nodes` nodes of the instance type cost an hour (instance, disk and, in public subnets, a public IPv4 address each). */
export function nodesHourly(ctx: Pick<StepContext, 'config'>, nodes: number, instanceType: string, nat: string): number {
  return resourceHourly({ kind: 'eks-nodegroup', details: { desired: String(nodes), instanceType } }, priceConfig(ctx, nat, nodes));
}
