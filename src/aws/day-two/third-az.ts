import { AssociateRouteTableCommand } from '@aws-sdk/client-ec2';
import { CreateNodegroupCommand, type Nodegroup } from '@aws-sdk/client-eks';
import { readyNodes } from '../../kube/kubectl.js';
import { text } from '../../text.js';
import { formatUsd } from '../cost.js';
import { KINDS } from '../resources/kinds.js';
import { linkSubnet } from '../route-links.js';
import { tutorKubectl } from '../steps/kubeconfig.js';
import { describeNodegroupNamed, namedNodegroup } from '../steps/nodegroup-describe.js';
import { ELB_TAG } from '../steps/vpc-requests.js';
import { KEY_TAG, isOurs } from '../tags.js';
import { clientToken } from '../tokens.js';
import { ensureNamed } from '../ensure.js';
import { waitFor } from '../wait.js';
import { buildShape } from './build-shape.js';
import { oneNodeGroupRequest } from './one-node-group.js';
import {
  check,
  kubectl,
  listSubnets,
  planned,
  requireKubectl,
  send,
  subnetFacts,
  tableRows,
  type DayTwoContext,
  type Outcome,
} from './context.js';
import { THIRD_AZ_NODEGROUP_KEY, thirdAzNodegroupName, thirdAzSubnetKey } from './third-az-names.js';
import { chooseZone, ensureSubnet, routeTable } from './third-az-subnet.js';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** The node group over the new subnet alone: one node, the build's instance type and role, recorded before and after. */
async function ensureNodegroup(ctx: DayTwoContext, subnetId: string, instanceType: string): Promise<string> {
  const name = thirdAzNodegroupName(ctx.config.clusterName);
  await ensureNamed<Nodegroup>(ctx, {
    ...namedNodegroup(THIRD_AZ_NODEGROUP_KEY, name, () => describeNodegroupNamed(ctx, name)),
    create: async (intent) => {
      const request = oneNodeGroupRequest(ctx, {
        key: THIRD_AZ_NODEGROUP_KEY,
        name,
        subnetId,
        instanceType,
        clientRequestToken: clientToken(ctx.config.clusterName, THIRD_AZ_NODEGROUP_KEY, intent.intentAt),
      });
      const why = text(
        "A node group's subnets are fixed when it is made, so the third zone gets a node group of its own (the other way: a new group over all three subnets, then retire the old one).",
        'ノードグループのサブネットは作成時に決まるため、3 つ目の AZ には専用のノードグループを作ります(もう 1 つの方法は、3 つのサブネットすべてを使う新しいグループを作り、古い方を廃止することです)。',
      );
      const created = await send(ctx, planned(ctx, 'eks', 'CreateNodegroup', request, why), () =>
        ctx.clients.eks.send(new CreateNodegroupCommand(request)),
      );
      return created.nodegroup?.nodegroupArn ?? name;
    },
  });
  return name;
}

async function waitReady(ctx: DayTwoContext, name: string): Promise<void> {
  const life = KINDS['eks-nodegroup'].lifecycle!;
  await waitFor<Nodegroup>(ctx, {
    key: THIRD_AZ_NODEGROUP_KEY,
    kind: 'eks-nodegroup',
    id: name,
    read: () => describeNodegroupNamed(ctx, name),
    status: (n) => n?.status ?? 'missing',
    done: (n) => n?.status === 'ACTIVE',
    failed: (n) => !n || n.status === 'CREATE_FAILED' || n.status === 'DEGRADED',
    reason: (n) => (n?.health?.issues ?? []).map((i) => `${i.code}: ${i.message}`).join('; ') || undefined,
    notListedYetMs: 60_000,
    delayMs: life.pollMs,
    expectedMs: life.createMs,
    timeoutMs: 30 * 60_000,
  });
  const args = ['get', 'nodes', '-l', `eks.amazonaws.com/nodegroup=${name}`, '-o', 'json'];
  await waitFor<string[]>(ctx, {
    key: 'nodes/third-az',
    kind: 'kubernetes-nodes',
    id: `kubectl get nodes -l eks.amazonaws.com/nodegroup=${name}`,
    read: async () => {
      const got = await tutorKubectl(ctx, args);
      return got.exitCode === 0 ? readyNodes(got.stdout) : [];
    },
    status: (ready) => `${ready?.length ?? 0}/1 Ready`,
    done: (ready) => (ready?.length ?? 0) >= 1,
    delayMs: 10_000,
    expectedMs: 60_000,
    timeoutMs: 10 * 60_000,
  });
}

/** Question 7, two AZs to three: a subnet in a zone the build does not use, routed and tagged, a node group there, and its node seen in that zone. */
export async function thirdAzAction(ctx: DayTwoContext): Promise<Outcome> {
  requireKubectl(
    ctx,
    text(
      'day-two third-az checks its node with kubectl: leave out --no-kubectl.',
      'day-two third-az はノードを kubectl で確認します。--no-kubectl を外してください。',
    ),
  );
  const shape = await buildShape(ctx);
  const instanceType = shape.group.instanceTypes?.[0] ?? ctx.config.instanceType;
  const tier = shape.nodeTier;
  const inVpc = (
    await listSubnets(
      ctx,
      { Filters: [{ Name: 'vpc-id', Values: [shape.vpcId] }] },
      text("The VPC's subnets: the zones and ranges already in use.", 'VPC のサブネット。使用中の AZ と範囲。'),
    )
  ).map(subnetFacts);
  const mine = inVpc.find((s) => s.tags[KEY_TAG] === thirdAzSubnetKey(tier));
  const buildZones = [...new Set(inVpc.filter((s) => s !== mine).map((s) => s.zone))];
  const { zone, used } = mine ? { zone: { name: mine.zone, id: '' }, used: [] } : await chooseZone(ctx, buildZones);
  const subnet = await ensureSubnet(ctx, shape.vpcId, tier, zone, inVpc);
  const table = await routeTable(ctx, tier, buildZones.length);
  if (table && !table.associated.includes(subnet.id)) {
    const input = { RouteTableId: table.id, SubnetId: subnet.id };
    const why =
      tier === 'private'
        ? text(
            `Out through ${table.target}, the NAT gateway the first zone's private subnet uses. With --nat ha the third zone would get a NAT gateway of its own (about ${formatUsd(KINDS['nat-gateway'].hourly!({}, { region: ctx.config.region, instanceType, nodes: 1, nat: shape.nat }))}/hour more); sharing one crosses zones, and stops with that zone.`,
            `最初の AZ のプライベートサブネットが使う NAT ゲートウェイ ${table.target} を通って外へ出ます。--nat ha なら 3 つ目の AZ にも専用の NAT ゲートウェイを置きます(1 時間あたり約 ${formatUsd(KINDS['nat-gateway'].hourly!({}, { region: ctx.config.region, instanceType, nodes: 1, nat: shape.nat }))} 増)。共有すると AZ をまたぎ、その AZ が止まると一緒に止まります。`,
          )
        : text(
            `Out through the internet gateway ${table.target}, as the build's public subnets.`,
            `ビルドのパブリックサブネットと同じく、インターネットゲートウェイ ${table.target} を通って外へ出ます。`,
          );
    await linkSubnet(ctx.clients.ec2, ctx.config.region, { routeTableId: table.id, subnetId: subnet.id }, () =>
      send(ctx, planned(ctx, 'ec2', 'AssociateRouteTable', input, why), () => ctx.clients.ec2.send(new AssociateRouteTableCommand(input))),
    );
  }
  const name = await ensureNodegroup(ctx, subnet.id, instanceType);
  await waitReady(ctx, name);
  const seen = await kubectl(ctx, ['get', 'nodes', '-L', ZONE_LABEL, '-L', 'eks.amazonaws.com/nodegroup']);
  const rows = tableRows(seen.stdout);
  const inThird = rows.filter((r) => r.ZONE === zone.name && r.NODEGROUP === name);
  const zonesSeen = [...new Set(rows.map((r) => r.ZONE).filter(Boolean))];
  const after = await listSubnets(ctx, { SubnetIds: [subnet.id] });
  const tags = after[0] ? subnetFacts(after[0]).tags : {};
  return {
    reasoning: text(
      `Growing into a third zone is additive: a subnet there (from free space in the VPC's range; when none is left, a secondary CIDR block), its route out, the role tag that lets load balancers use it, and nodes: a node group's subnets are fixed when it is created, so the zone gets a node group of its own here (${name}). The control plane stays in the zones it was created in; nodes and load balancers may use any subnet of the VPC.${used.length ? ` The build's zones by ID: ${used.map((z) => `${z.name} ${z.id}`).join(', ')}; the new one: ${zone.name}${zone.id ? ` ${zone.id}` : ''}.` : ''} down removes the node group and the subnet with the rest.`,
      `3 つ目の AZ への拡張は足し算です。そこにサブネット(VPC の範囲の空きから。なければセカンダリ CIDR ブロックから)、外へ出るルート、ロードバランサーが使えるようにするロールタグ、そしてノード。ノードグループのサブネットは作成時に決まるため、ここではその AZ 専用のノードグループ(${name})を作りました。コントロールプレーンは作成時の AZ にとどまり、ノードとロードバランサーは VPC のどのサブネットでも使えます。${used.length ? `ビルドの AZ(ゾーン ID): ${used.map((z) => `${z.name} ${z.id}`).join(', ')}。新しい AZ: ${zone.name}${zone.id ? ` ${zone.id}` : ''}。` : ''}down でノードグループとサブネットもほかと一緒に削除されます。`,
    ),
    checks: [
      check(
        'third-az:subnet',
        Boolean(subnet.id) && !buildZones.includes(zone.name),
        `A ${tier} subnet in ${zone.name}, a zone the build did not use`,
        `ビルドが使っていなかった ${zone.name} に${tier === 'private' ? 'プライベート' : 'パブリック'}サブネット`,
        `${subnet.id} ${subnet.cidr}`,
      ),
      check(
        'third-az:tags',
        isOurs(tags, ctx.config.clusterName) && tags[ELB_TAG[tier]] === '1',
        `It carries the tutor's tag and ${ELB_TAG[tier]}`,
        `チューターのタグと ${ELB_TAG[tier]} が付いている`,
      ),
      check(
        'third-az:route',
        Boolean(table),
        tier === 'private' ? 'Its route table sends 0.0.0.0/0 to a NAT gateway' : 'Its route table sends 0.0.0.0/0 to the internet gateway',
        tier === 'private'
          ? 'ルートテーブルが 0.0.0.0/0 を NAT ゲートウェイへ送る'
          : 'ルートテーブルが 0.0.0.0/0 をインターネットゲートウェイへ送る',
        table ? `${table.id} → ${table.target}` : undefined,
      ),
      check(
        'third-az:node',
        inThird.length >= 1,
        `kubectl get nodes -L ${ZONE_LABEL} shows a node of ${name} in ${zone.name}`,
        `kubectl get nodes -L ${ZONE_LABEL} で ${name} のノードが ${zone.name} にある`,
        inThird.map((r) => r.NAME).join(', '),
      ),
      check(
        'third-az:zones',
        zonesSeen.length >= 3,
        'The nodes now span three zones',
        'ノードが 3 つの AZ にまたがった',
        zonesSeen.join(', '),
      ),
    ],
    next: text(
      `Try it: kubectl get nodes -L ${ZONE_LABEL}. down removes ${name} and the subnet with the rest.`,
      `試してみましょう: kubectl get nodes -L ${ZONE_LABEL}。down で ${name} とサブネットもほかと一緒に削除されます。`,
    ),
  };
}
