import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { text } from '../../text.js';
import { natCount } from '../network.js';
import type { Check, StepContext } from '../types.js';
import { ELB_TAG, IGW_KEY, VPC_KEY, natKey } from './vpc-requests.js';

const tag = (subnet: Subnet, key: string) => subnet.Tags?.find((t) => t.Key === key)?.Value;

/** Reads the VPC back and checks each requirement EKS and its load balancers have of it. */
export async function verifyVpc(ctx: StepContext): Promise<Check[]> {
  const ec2 = ctx.clients.ec2;
  const vpcId = ctx.ledger.get(VPC_KEY)?.id;
  const checks: Check[] = [];
  const add = (id: string, ok: boolean, en: string, ja: string, detail?: string) =>
    checks.push({ id, ok, label: text(en, ja), ...(detail ? { detail } : {}) });
  if (!vpcId) {
    add('vpc:exists', false, 'The VPC exists', 'VPC が存在する');
    return checks;
  }
  const dns = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
  add(
    'vpc:dns',
    dns.EnableDnsHostnames?.Value === true,
    'DNS hostnames are on (needed for the private endpoint)',
    'DNS ホスト名が有効(プライベートエンドポイントに必要)',
    vpcId,
  );

  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets ?? [];
  const mine = subnets.filter((s) => tag(s, ELB_TAG.public) || tag(s, ELB_TAG.private));
  const publicSubnets = mine.filter((s) => tag(s, ELB_TAG.public) === '1');
  const privateSubnets = mine.filter((s) => tag(s, ELB_TAG.private) === '1');
  const azs = new Set(mine.map((s) => s.AvailabilityZone));
  add(
    'vpc:azs',
    azs.size >= 2,
    `Subnets span ${azs.size} availability zones (EKS needs at least 2)`,
    `サブネットが ${azs.size} 個のアベイラビリティーゾーンにまたがる(EKS には 2 個以上が必要)`,
    [...azs].join(', '),
  );
  const perAz = [...azs].every(
    (az) => publicSubnets.some((s) => s.AvailabilityZone === az) && privateSubnets.some((s) => s.AvailabilityZone === az),
  );
  add(
    'vpc:tiers',
    perAz && azs.size === ctx.config.azs,
    'Each AZ has one public and one private subnet',
    '各 AZ にパブリックとプライベートのサブネットが 1 つずつある',
  );
  add(
    'vpc:elb-tags',
    publicSubnets.length === ctx.config.azs,
    `Public subnets carry ${ELB_TAG.public}=1 (internet-facing load balancers go there)`,
    `パブリックサブネットに ${ELB_TAG.public}=1 タグ(インターネット向けロードバランサーの置き場所)`,
    publicSubnets.map((s) => s.SubnetId).join(', '),
  );
  add(
    'vpc:internal-elb-tags',
    privateSubnets.length === ctx.config.azs,
    `Private subnets carry ${ELB_TAG.private}=1 (internal load balancers go there)`,
    `プライベートサブネットに ${ELB_TAG.private}=1 タグ(内部ロードバランサーの置き場所)`,
    privateSubnets.map((s) => s.SubnetId).join(', '),
  );
  add(
    'vpc:public-ip',
    publicSubnets.every((s) => s.MapPublicIpOnLaunch === true),
    'Public subnets give instances a public IPv4 address',
    'パブリックサブネットはインスタンスにパブリック IPv4 アドレスを割り当てる',
  );

  const igwId = ctx.ledger.get(IGW_KEY)?.id;
  const igw = igwId
    ? (await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igwId] }))).InternetGateways?.[0]
    : undefined;
  add(
    'vpc:igw',
    Boolean(igw?.Attachments?.some((a) => a.VpcId === vpcId && (a.State === 'attached' || String(a.State) === 'available'))),
    'The internet gateway is attached to the VPC',
    'インターネットゲートウェイが VPC にアタッチされている',
    igwId,
  );

  const tables = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).RouteTables ?? [];
  const tableOf = (subnetId: string | undefined) => tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId));
  const defaultRoute = (subnetId: string | undefined) => tableOf(subnetId)?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  add(
    'vpc:public-route',
    publicSubnets.length > 0 && publicSubnets.every((s) => defaultRoute(s.SubnetId)?.GatewayId === igwId),
    'Public subnets route 0.0.0.0/0 to the internet gateway',
    'パブリックサブネットは 0.0.0.0/0 をインターネットゲートウェイへルーティングする',
  );

  const nats = natCount(ctx.config);
  if (nats === 0) {
    add(
      'vpc:private-route',
      privateSubnets.every((s) => !defaultRoute(s.SubnetId)),
      'Private subnets have no route to the internet (--nat none: nodes go in public subnets)',
      'プライベートサブネットにはインターネットへのルートがない(--nat none: ノードはパブリックサブネットに置く)',
    );
  } else {
    const natIds = Array.from({ length: nats }, (_, n) => ctx.ledger.get(natKey(n))?.id ?? '');
    const gateways = (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: natIds.filter(Boolean) }))).NatGateways ?? [];
    add(
      'vpc:nat',
      gateways.length === nats &&
        gateways.every(
          (g) =>
            g.State === 'available' && publicSubnets.some((s) => s.SubnetId === g.SubnetId) && g.NatGatewayAddresses?.[0]?.AllocationId,
        ),
      `${nats} NAT gateway${nats > 1 ? 's are' : ' is'} available in public subnets, each with an Elastic IP`,
      `NAT ゲートウェイ ${nats} 個がパブリックサブネットで available になり、それぞれ Elastic IP を持つ`,
      gateways.map((g) => `${g.NatGatewayId} ${g.State}`).join(', '),
    );
    add(
      'vpc:private-route',
      privateSubnets.length > 0 && privateSubnets.every((s) => natIds.includes(defaultRoute(s.SubnetId)?.NatGatewayId ?? '-')),
      'Private subnets route 0.0.0.0/0 to a NAT gateway',
      'プライベートサブネットは 0.0.0.0/0 を NAT ゲートウェイへルーティングする',
    );
  }
  return checks;
}
