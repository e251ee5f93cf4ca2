import {
  CreateSubnetCommand,
  DescribeAvailabilityZonesCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  ModifySubnetAttributeCommand,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { TutorError } from '../../errors.js';
import { freeCidr, thirdAz } from '../../lessons/placeholders.js';
import { text } from '../../text.js';
import { EKS_UNSUPPORTED_ZONE_IDS } from '../network.js';
import { ELB_TAG, PUBLIC_RTB_KEY, VPC_KEY, mapPublicIpRequest, privateRtbKey, type Tier } from '../steps/vpc-requests.js';
import { ensureTagged } from '../ensure.js';
import { CLUSTER_TAG, KEY_TAG, isOurs, tutorTags } from '../tags.js';
import { planned, send, type DayTwoContext } from './context.js';
import { thirdAzSubnetKey } from './third-az-names.js';

/** Question 7's subnet: the third zone, its subnet (found by its tags or made) and the route table it joins. */

export interface Zone {
  name: string;
  id: string;
}

/** The region's zones (shown as a call); the build's zones by ID, and the first other one EKS takes, via placeholders' thirdAz. */
export async function chooseZone(ctx: DayTwoContext, usedNames: string[]): Promise<{ zone: Zone; used: Zone[] }> {
  const input = {
    Filters: [
      { Name: 'state', Values: ['available'] },
      { Name: 'zone-type', Values: ['availability-zone'] },
    ],
  };
  const answer = await send(
    ctx,
    planned(
      ctx,
      'ec2',
      'DescribeAvailabilityZones',
      input,
      text(
        'The zones of the region, with their zone IDs: a zone name means another place in each account, a zone ID does not.',
        'リージョンの AZ とそのゾーン ID。AZ 名はアカウントごとに指す場所が違いますが、ゾーン ID は同じです。',
      ),
    ),
    () => ctx.clients.ec2.send(new DescribeAvailabilityZonesCommand(input)),
  );
  const zones: Zone[] = (answer.AvailabilityZones ?? [])
    .filter((z) => z.ZoneName && z.ZoneId)
    .map((z) => ({ name: z.ZoneName!, id: z.ZoneId! }));
  const used = zones.filter((z) => usedNames.includes(z.name));
  const usedIds = new Set(used.map((z) => z.id));
  const candidates = zones.filter((z) => !usedIds.has(z.id) && !EKS_UNSUPPORTED_ZONE_IDS.has(z.id));
  const name = thirdAz(
    candidates.map((z) => z.name),
    usedNames,
  );
  const zone = candidates.find((z) => z.name === name);
  if (!zone) {
    throw new TutorError(
      'AWS',
      text(
        `${ctx.config.region} has no zone this build does not use already (${used.map((z) => `${z.name} ${z.id}`).join(', ')}): try it in a region with three or more.`,
        `${ctx.config.region} には、このビルドが使っていない AZ がありません(${used.map((z) => `${z.name} ${z.id}`).join(', ')})。AZ が 3 つ以上あるリージョンで試してください。`,
      ),
    );
  }
  return { zone, used };
}

/** CreateSubnet in the third zone, with the tags the build's subnets of that tier carry: the tutor's, and the load balancer role tag. */
async function createSubnet(
  ctx: DayTwoContext,
  vpcId: string,
  tier: Tier,
  zone: Zone,
  inVpc: { cidr: string; tags: Record<string, string> }[],
  cidr: string,
): Promise<string> {
  const name = ctx.config.clusterName;
  const key = thirdAzSubnetKey(tier);
  const sibling = inVpc.find((s) => s.tags[KEY_TAG]?.startsWith(`subnet/${tier}/`) && isOurs(s.tags, name));
  const carried = Object.entries(sibling?.tags ?? { [ELB_TAG[tier]]: '1' })
    .filter(([k]) => k !== CLUSTER_TAG && k !== KEY_TAG && k !== 'Name')
    .map(([Key, Value]) => ({ Key, Value }));
  const request = {
    VpcId: vpcId,
    CidrBlock: cidr,
    // By name: the zone was chosen by its ID above, and a name is what the build's own subnets were made with.
    AvailabilityZone: zone.name,
    TagSpecifications: [
      { ResourceType: 'subnet' as const, Tags: [...tutorTags(name, key, `${name}-${tier}-${zone.name.slice(-1)}`), ...carried] },
    ],
  };
  const why = text(
    `A ${tier} subnet in ${zone.name} (${zone.id}), from the first eighth of the VPC's range no subnet holds, tagged as the build's ${tier} subnets are (${carried.map((t) => t.Key).join(', ') || 'no role tag'}).`,
    `${zone.name}(${zone.id})に${tier === 'private' ? 'プライベート' : 'パブリック'}サブネットを、VPC の範囲の 8 分の 1 のうちどのサブネットも使っていない最初の範囲から作り、ビルドの同じ種類のサブネットと同じタグ(${carried.map((t) => t.Key).join(', ') || 'ロールタグなし'})を付けます。`,
  );
  const made = await send(ctx, planned(ctx, 'ec2', 'CreateSubnet', request, why), () =>
    ctx.clients.ec2.send(new CreateSubnetCommand(request)),
  );
  return made.Subnet?.SubnetId ?? '';
}

/** The subnet in the third zone: found by its tags (a second run), else made with the tags the build's subnets of that tier carry. */
export async function ensureSubnet(
  ctx: DayTwoContext,
  vpcId: string,
  tier: Tier,
  zone: Zone,
  inVpc: { id: string; cidr: string; tags: Record<string, string>; mapPublicIp: boolean }[],
): Promise<{ id: string; cidr: string }> {
  const name = ctx.config.clusterName;
  const key = thirdAzSubnetKey(tier);
  // A second run's subnet is among the VPC's: its range is kept with its id.
  const known = inVpc.find((s) => s.tags[KEY_TAG] === key && isOurs(s.tags, name));
  let cidr = known?.cidr ?? '';
  const { id, fresh } = await ensureTagged<Subnet>(
    ctx,
    { key, step: 2, details: { az: zone.name, tier, vpc: vpcId, ...(cidr ? { cidr } : {}) } },
    {
      kind: 'subnet',
      list: async (Filters) => (await ctx.clients.ec2.send(new DescribeSubnetsCommand({ Filters }))).Subnets,
      id: (s) => s.SubnetId,
      // Its range is chosen only for a subnet to be made, before its intent is recorded: none left is said with nothing recorded.
      ready: async () => {
        cidr =
          freeCidr(
            ctx.ledger.get(VPC_KEY)?.details?.cidr ?? ctx.config.vpcCidr,
            inVpc.map((s) => s.cidr),
          ) ?? '';
        if (!cidr)
          throw new TutorError(
            'AWS',
            text(
              `The VPC ${vpcId} has no free eighth of its range left for another subnet.`,
              `VPC ${vpcId} には、もう 1 つのサブネットに使える空き範囲(8 分の 1)がありません。`,
            ),
          );
        return { cidr };
      },
      create: () => createSubnet(ctx, vpcId, tier, zone, inVpc, cidr),
    },
  );
  // A run stopped between making a public subnet and this call leaves it without public addresses: the next sets them.
  const mapped = !fresh && inVpc.some((s) => s.id === id && s.mapPublicIp);
  if (tier === 'public' && !mapped) {
    const map = mapPublicIpRequest(id);
    await send(
      ctx,
      planned(
        ctx,
        'ec2',
        'ModifySubnetAttribute',
        map,
        text(
          'Nodes in a public subnet need public addresses, or they cannot reach the cluster.',
          'パブリックサブネットのノードにはパブリックアドレスが必要です。ないとクラスターに届きません。',
        ),
      ),
      () => ctx.clients.ec2.send(new ModifySubnetAttributeCommand(map)),
    );
  }
  return { id, cidr };
}

/** The build's route table for the tier whose default route goes where the tier's traffic goes out: a NAT gateway, or the internet gateway. */
export async function routeTable(
  ctx: DayTwoContext,
  tier: Tier,
  zones: number,
): Promise<{ id: string; target: string; associated: string[] } | undefined> {
  const keys = tier === 'public' ? [PUBLIC_RTB_KEY] : Array.from({ length: zones }, (_, i) => privateRtbKey(i));
  const ids = keys.map((k) => ctx.ledger.get(k)?.id).filter((id): id is string => Boolean(id));
  if (ids.length === 0) return undefined;
  const input = { RouteTableIds: ids };
  const answer = await send(
    ctx,
    planned(
      ctx,
      'ec2',
      'DescribeRouteTables',
      input,
      text(
        `The build's ${tier} route tables: which one sends 0.0.0.0/0 out.`,
        `ビルドの${tier === 'private' ? 'プライベート' : 'パブリック'}ルートテーブル。0.0.0.0/0 をどこへ送っているか。`,
      ),
    ),
    () => ctx.clients.ec2.send(new DescribeRouteTablesCommand(input)),
  );
  // The subnets these tables already hold: a run stopped between making the subnet and linking it is linked by the next.
  const associated = (answer.RouteTables ?? []).flatMap((t) => t.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : []));
  for (const table of answer.RouteTables ?? []) {
    const route = table.Routes?.find(
      (r) => r.DestinationCidrBlock === '0.0.0.0/0' && (tier === 'public' ? r.GatewayId?.startsWith('igw-') : r.NatGatewayId),
    );
    if (table.RouteTableId && route) return { id: table.RouteTableId, target: route.NatGatewayId ?? route.GatewayId ?? '', associated };
  }
  return undefined;
}
