import { DescribeNatGatewaysCommand, DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import { text, type Text } from '../../text.js';
import { formatUsd, resourceHourly } from '../cost.js';
import type { Check } from '../types.js';
import { buildShape, nodesHourly, priceConfig } from './build-shape.js';
import { check, kubectl, listSubnets, planned, requireKubectl, send, tableRows, type DayTwoContext, type Outcome } from './context.js';

const HOURS_A_MONTH = 730;

/** Why each read is made, shown above its call. */
const WHY = {
  subnets: text(
    "The node group's subnets: MapPublicIpOnLaunch says whether its nodes get public addresses.",
    'ノードグループのサブネット。MapPublicIpOnLaunch で、ノードにパブリックアドレスが付くかが決まります。',
  ),
  routeTables: text(
    "The VPC's route tables: where the node subnets' 0.0.0.0/0 goes, the internet gateway or a NAT gateway.",
    'VPC のルートテーブル。ノードサブネットの 0.0.0.0/0 の行き先は、インターネットゲートウェイか NAT ゲートウェイか。',
  ),
  natGateways: text('The NAT gateways billed in the VPC.', 'VPC で課金されている NAT ゲートウェイ。'),
};

export interface NatCosts {
  /** One NAT gateway and its Elastic IP, an hour. */
  natHour: number;
  eipHour: number;
  single: number;
  ha: number;
  /** --nat none: the nodes' public IPv4 addresses, an hour. */
  none: number;
}

/** What each NAT mode costs an hour for this region, zones and nodes, from the prices in resources/kinds.ts; traffic (per GB) comes on top. */
export function natCosts(ctx: Pick<DayTwoContext, 'config'>, zones: number, nodes: number, instanceType: string): NatCosts {
  const config = priceConfig(ctx, 'single', nodes);
  const natHour = resourceHourly({ kind: 'nat-gateway' }, config);
  const eipHour = resourceHourly({ kind: 'elastic-ip' }, config);
  const none = nodesHourly(ctx, nodes, instanceType, 'none') - nodesHourly(ctx, nodes, instanceType, 'single');
  return { natHour, eipHour, single: natHour + eipHour, ha: zones * (natHour + eipHour), none };
}

function costLines(costs: NatCosts, zones: number, nodes: number, mode: string): Text {
  const month = (hour: number) => `~${formatUsd(hour * HOURS_A_MONTH)}/month`;
  const mark = (m: string) => (m === mode ? ' ◀' : '');
  const en = [
    `What outbound internet costs an hour (${nodes} nodes, ${zones} zones, list prices; traffic per GB on top with NAT):`,
    `  --nat single  1 NAT gateway ${formatUsd(costs.natHour)} + its Elastic IP ${formatUsd(costs.eipHour)} = ${formatUsd(costs.single)}/hour (${month(costs.single)})${mark('single')}`,
    `  --nat ha      ${zones} × ${formatUsd(costs.single)} = ${formatUsd(costs.ha)}/hour (${month(costs.ha)})${mark('ha')}`,
    `  --nat none    no NAT; ${nodes} public IPv4 addresses on the nodes = ${formatUsd(costs.none)}/hour (${month(costs.none)})${mark('none')}`,
  ];
  const ja = [
    `外向きのインターネット接続の 1 時間あたりの費用(ノード ${nodes} 台、${zones} AZ、定価。NAT では GB 単位の通信料が別にかかります):`,
    `  --nat single  NAT ゲートウェイ 1 つ ${formatUsd(costs.natHour)} + その Elastic IP ${formatUsd(costs.eipHour)} = ${formatUsd(costs.single)}/時間(${month(costs.single)})${mark('single')}`,
    `  --nat ha      ${zones} × ${formatUsd(costs.single)} = ${formatUsd(costs.ha)}/時間(${month(costs.ha)})${mark('ha')}`,
    `  --nat none    NAT なし。ノードのパブリック IPv4 アドレス ${nodes} 個 = ${formatUsd(costs.none)}/時間(${month(costs.none)})${mark('none')}`,
  ];
  return text(en.join('\n'), ja.join('\n'));
}

/** Question 5, IGW only: a build made with `up --nat none` has its nodes in public subnets with public IPs; any other build is compared with it. */
export async function noNatAction(ctx: DayTwoContext): Promise<Outcome> {
  requireKubectl(
    ctx,
    text(
      'day-two no-nat checks the nodes with kubectl: leave out --no-kubectl.',
      'day-two no-nat はノードを kubectl で確認します。--no-kubectl を外してください。',
    ),
  );
  const shape = await buildShape(ctx);
  const subnetIds = shape.group.subnets ?? [];
  const nodes = shape.group.scalingConfig?.desiredSize ?? ctx.config.nodes;
  const instanceType = shape.group.instanceTypes?.[0] ?? ctx.config.instanceType;
  const zones = ctx.ledger.facts.availabilityZones?.length ?? ctx.config.azs;
  const costs = natCosts(ctx, zones, nodes, instanceType);
  ctx.emit({ type: 'note', text: costLines(costs, zones, nodes, shape.nat) });

  const subnets = await listSubnets(ctx, { SubnetIds: subnetIds }, WHY.subnets);
  const tablesInput = { Filters: [{ Name: 'vpc-id', Values: [shape.vpcId] }] };
  const tables =
    (
      await send(ctx, planned(ctx, 'ec2', 'DescribeRouteTables', tablesInput, WHY.routeTables), () =>
        ctx.clients.ec2.send(new DescribeRouteTablesCommand(tablesInput)),
      )
    ).RouteTables ?? [];
  const natInput = {
    Filter: [
      { Name: 'vpc-id', Values: [shape.vpcId] },
      { Name: 'state', Values: ['pending', 'available'] },
    ],
  };
  const gateways =
    (
      await send(ctx, planned(ctx, 'ec2', 'DescribeNatGateways', natInput, WHY.natGateways), () =>
        ctx.clients.ec2.send(new DescribeNatGatewaysCommand(natInput)),
      )
    ).NatGateways ?? [];
  const targets = subnetIds.map((id) => {
    const table = tables.find((t) => t.Associations?.some((a) => a.SubnetId === id));
    const route = table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
    return route?.GatewayId ?? route?.NatGatewayId ?? '';
  });
  const wide = await kubectl(ctx, ['get', 'nodes', '-o', 'wide']);
  const rows = tableRows(wide.stdout);
  const external = rows.map((r) => r['EXTERNAL-IP'] ?? '<none>');
  const publicIps = external.filter((ip) => ip && ip !== '<none>');
  const mapped = subnets.map((s) => `${s.SubnetId} ${s.MapPublicIpOnLaunch ? 'MapPublicIpOnLaunch' : 'no public IPs'}`).join(', ');

  const checks: Check[] =
    shape.nat === 'none'
      ? [
          check('no-nat:nat', gateways.length === 0, 'No NAT gateway in the VPC', 'VPC に NAT ゲートウェイがない'),
          check(
            'no-nat:public',
            subnets.length > 0 && subnets.every((s) => s.MapPublicIpOnLaunch),
            'The nodes are in public subnets that give instances public IPs',
            'ノードはインスタンスにパブリック IP を付けるパブリックサブネットにある',
            mapped,
          ),
          check(
            'no-nat:igw',
            targets.length > 0 && targets.every((t) => t.startsWith('igw-')),
            "Those subnets' 0.0.0.0/0 goes to the internet gateway",
            'そのサブネットの 0.0.0.0/0 はインターネットゲートウェイへ',
            targets.join(', '),
          ),
          check(
            'no-nat:external-ip',
            rows.length > 0 && publicIps.length === rows.length,
            'kubectl get nodes -o wide shows an EXTERNAL-IP on every node',
            'kubectl get nodes -o wide ですべてのノードに EXTERNAL-IP がある',
            external.join(', '),
          ),
        ]
      : [
          check(
            'no-nat:nat',
            gateways.length === shape.natCount && gateways.length > 0,
            `This build pays for ${gateways.length} NAT gateway(s)`,
            `このビルドは NAT ゲートウェイ ${gateways.length} 個の料金を払っている`,
            gateways.map((g) => g.NatGatewayId).join(', '),
          ),
          check(
            'no-nat:private',
            subnets.length > 0 && subnets.every((s) => !s.MapPublicIpOnLaunch),
            'Its nodes are in private subnets, with no public IPs',
            'ノードはパブリック IP のないプライベートサブネットにある',
            mapped,
          ),
          check(
            'no-nat:via-nat',
            targets.length > 0 && targets.every((t) => t.startsWith('nat-')),
            "Those subnets' 0.0.0.0/0 goes to a NAT gateway",
            'そのサブネットの 0.0.0.0/0 は NAT ゲートウェイへ',
            targets.join(', '),
          ),
          check(
            'no-nat:external-ip',
            rows.length > 0 && publicIps.length === 0,
            'kubectl get nodes -o wide shows no EXTERNAL-IP',
            'kubectl get nodes -o wide で EXTERNAL-IP がない',
            external.join(', '),
          ),
        ];
  const saving = shape.nat === 'none' ? costs.single - costs.none : (shape.nat === 'ha' ? costs.ha : costs.single) - costs.none;
  return {
    reasoning: text(
      `Nodes need a way out (to pull images, reach the EKS and EC2 APIs, register). In private subnets that is a NAT gateway, billed by the hour and per GB whether nodes use it or not. With --nat none the nodes sit in public subnets routed to the internet gateway, each with a public IPv4 address (MapPublicIpOnLaunch on the subnet; managed node groups refuse public subnets without it), and no NAT is billed: about ${formatUsd(saving)} an hour less than ${shape.nat === 'none' ? '--nat single' : `this build's --nat ${shape.nat}`} here. The cost is exposure: every node has an address on the internet, and only security groups decide what reaches it (the cluster security group EKS gives the nodes lets in only traffic from itself). Load balancers still go in the public subnets either way.`,
      `ノードには外へ出る道が必要です(イメージの取得、EKS と EC2 の API、クラスターへの登録)。プライベートサブネットではそれが NAT ゲートウェイで、使っていなくても時間単位と GB 単位で課金されます。--nat none ではノードはインターネットゲートウェイにルーティングされたパブリックサブネットに置かれ、それぞれパブリック IPv4 アドレスを持ちます(サブネットの MapPublicIpOnLaunch。これがないとマネージド型ノードグループはパブリックサブネットを受け付けません)。NAT の料金はかからず、ここでは${shape.nat === 'none' ? ' --nat single' : `このビルドの --nat ${shape.nat} `}より 1 時間あたり約 ${formatUsd(saving)} 安くなります。代わりに、すべてのノードがインターネット上のアドレスを持ち、届くものを決めるのはセキュリティグループだけです(EKS がノードに付けるクラスターセキュリティグループは、自分自身からの通信だけを通します)。ロードバランサーはどちらでもパブリックサブネットに置かれます。`,
    ),
    checks,
    ...(shape.nat === 'none'
      ? {
          next: text(
            "Try it: kubectl get nodes -o wide. The EXTERNAL-IP column is each node's public address.",
            '試してみましょう: kubectl get nodes -o wide。EXTERNAL-IP 列が各ノードのパブリックアドレスです。',
          ),
        }
      : {
          next: text(
            `To see it built without NAT: \`eks-basics-tutor down\`, then \`eks-basics-tutor up --nat none\`, then \`eks-basics-tutor day-two no-nat\` again (about ${formatUsd(saving)} an hour less).`,
            `NAT なしの構成を見るには: \`eks-basics-tutor down\` の後に \`eks-basics-tutor up --nat none\`、そしてもう一度 \`eks-basics-tutor day-two no-nat\`(1 時間あたり約 ${formatUsd(saving)} 安くなります)。`,
          ),
        }),
  };
}
