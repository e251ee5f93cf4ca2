import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateRouteCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  type NatGateway,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import { cliCommand } from '../cli-command.js';
import { PRICES, priceFor } from '../cost.js';
import type { Ensured } from '../ensure.js';
import { NOT_LISTED_YET_MS } from '../retry.js';
import { natCount } from '../network.js';
import { elasticIpResource } from '../resources/elastic-ip.js';
import { internetGatewayResource } from '../resources/internet-gateway.js';
import { natGatewayResource } from '../resources/nat-gateway.js';
import { routeTableResource } from '../resources/route-table.js';
import { linkSubnet } from '../route-links.js';
import { subnetResource } from '../resources/subnet.js';
import { vpcResource } from '../resources/vpc.js';
import type { PlannedCall, Step, StepContext } from '../types.js';
import { EXPECTED, POLL_DELAY, waitFor } from '../wait.js';
import { routePrivateTablesToNats } from './vpc-routes.js';
import { verifyVpc } from './vpc-verify.js';
import { chooseAvailabilityZones, plannedAzs } from './vpc-zones.js';
import {
  IGW_KEY,
  PUBLIC_RTB_KEY,
  VPC_KEY,
  allocateAddressRequest,
  associateRouteTableRequest,
  attachInternetGatewayRequest,
  createInternetGatewayRequest,
  createNatGatewayRequest,
  createRouteTableRequest,
  createSubnetRequest,
  createVpcRequest,
  defaultRouteRequest,
  eipKey,
  enableDnsHostnamesRequest,
  mapPublicIpRequest,
  natForAz,
  natKey,
  privateRtbKey,
  subnetKey,
  type Tier,
} from './vpc-requests.js';

const TIERS: Tier[] = ['public', 'private'];

const idOr = (ctx: { ledger: StepContext['ledger'] }, key: string, placeholder: string) => ctx.ledger.get(key)?.id ?? `<${placeholder}>`;

const ensureTable = (ctx: StepContext, vpcId: string, key: string, tableName: string) =>
  routeTableResource.ensure(ctx, { key, step: 2, request: createRouteTableRequest(ctx.config, vpcId, key, tableName) });

/** The table's default route (when it has a target now) and its subnets' associations, where they are missing. */
async function wire(
  ctx: StepContext,
  table: Ensured,
  target: { GatewayId: string } | { NatGatewayId: string } | undefined,
  subnetIds: string[],
): Promise<void> {
  const ec2 = ctx.clients.ec2;
  const now: RouteTable | undefined = table.fresh
    ? undefined
    : (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table.id] }))).RouteTables?.[0];
  if (target && !now?.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) {
    await ec2.send(new CreateRouteCommand(defaultRouteRequest(table.id, target)));
  }
  for (const subnetId of subnetIds) {
    if (!now?.Associations?.some((a) => a.SubnetId === subnetId)) {
      const request = associateRouteTableRequest(table.id, subnetId);
      await linkSubnet(ec2, ctx.config.region, { routeTableId: table.id, subnetId }, () =>
        ec2.send(new AssociateRouteTableCommand(request)),
      );
    }
  }
}

export const vpcStep: Step = {
  number: 2,
  id: 'vpc',
  plan(ctx) {
    const { config } = ctx;
    const region = config.region;
    const call = (action: string, input: Record<string, unknown>): PlannedCall => ({
      service: 'ec2',
      action,
      input,
      cli: cliCommand('ec2', action, input, region),
    });
    const vpcId = idOr(ctx, VPC_KEY, 'vpc-id');
    const igwId = idOr(ctx, IGW_KEY, 'igw-id');
    const azs = plannedAzs(ctx);
    const calls: PlannedCall[] = [
      call('CreateVpc', createVpcRequest(config)),
      call('ModifyVpcAttribute', enableDnsHostnamesRequest(vpcId)),
      call('CreateInternetGateway', createInternetGatewayRequest(config)),
      call('AttachInternetGateway', attachInternetGatewayRequest(vpcId, igwId)),
    ];
    azs.forEach((az, i) => {
      for (const tier of TIERS) calls.push(call('CreateSubnet', createSubnetRequest(config, vpcId, tier, i, az)));
      calls.push(call('ModifySubnetAttribute', mapPublicIpRequest(idOr(ctx, subnetKey('public', i), `subnet-public-${i}`))));
    });
    const publicRtb = idOr(ctx, PUBLIC_RTB_KEY, 'rtb-public');
    calls.push(call('CreateRouteTable', createRouteTableRequest(config, vpcId, PUBLIC_RTB_KEY, `${config.clusterName}-public`)));
    calls.push(call('CreateRoute', defaultRouteRequest(publicRtb, { GatewayId: igwId })));
    azs.forEach((_, i) =>
      calls.push(
        call('AssociateRouteTable', associateRouteTableRequest(publicRtb, idOr(ctx, subnetKey('public', i), `subnet-public-${i}`))),
      ),
    );
    for (let n = 0; n < natCount(config); n++) {
      calls.push(call('AllocateAddress', allocateAddressRequest(config, n)));
      calls.push(
        call(
          'CreateNatGateway',
          createNatGatewayRequest(
            config,
            idOr(ctx, subnetKey('public', n), `subnet-public-${n}`),
            idOr(ctx, eipKey(n), `eipalloc-${n}`),
            n,
            `<client-token-${n}>`,
          ),
        ),
      );
    }
    azs.forEach((_, i) => {
      const rtb = idOr(ctx, privateRtbKey(i), `rtb-private-${i}`);
      calls.push(call('CreateRouteTable', createRouteTableRequest(config, vpcId, privateRtbKey(i), `${config.clusterName}-private-${i}`)));
      const nat = natForAz(config, i);
      if (nat !== undefined)
        calls.push(call('CreateRoute', defaultRouteRequest(rtb, { NatGatewayId: idOr(ctx, natKey(nat), `nat-${nat}`) })));
      calls.push(call('AssociateRouteTable', associateRouteTableRequest(rtb, idOr(ctx, subnetKey('private', i), `subnet-private-${i}`))));
    });
    const nats = natCount(config);
    return { step: 2, calls, hourlyCost: nats * (priceFor(config.region).natGatewayHour + PRICES.publicIpv4Hour) };
  },

  async apply(ctx) {
    const { config, clients } = ctx;
    const ec2 = clients.ec2;
    const name = config.clusterName;
    const azs = await chooseAvailabilityZones(ctx);

    const vpc = await vpcResource.ensure(ctx, {
      key: VPC_KEY,
      step: 2,
      details: { cidr: config.vpcCidr },
      request: createVpcRequest(config),
    });
    const vpcId = vpc.id;
    await ec2.send(new ModifyVpcAttributeCommand(enableDnsHostnamesRequest(vpcId)));

    // What this run has just created (fresh) has no attachments, routes or associations yet: no need to ask.
    const igw = await internetGatewayResource.ensure(ctx, { key: IGW_KEY, step: 2, request: createInternetGatewayRequest(config) });
    const attached = igw.fresh
      ? undefined
      : (await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw.id] }))).InternetGateways?.[0];
    if (!attached?.Attachments?.some((a) => a.VpcId === vpcId)) {
      await ec2.send(new AttachInternetGatewayCommand(attachInternetGatewayRequest(vpcId, igw.id)));
    }
    await ctx.ledger.created(IGW_KEY, igw.id, { vpc: vpcId });

    const subnets: Record<Tier, string[]> = { public: [], private: [] };
    for (const [i, az] of azs.entries()) {
      for (const tier of TIERS) {
        const request = createSubnetRequest(config, vpcId, tier, i, az);
        const details = { az, cidr: request.CidrBlock, tier };
        subnets[tier].push((await subnetResource.ensure(ctx, { key: subnetKey(tier, i), step: 2, details, request })).id);
      }
      // Nodes and load balancers in public subnets need public addresses (the AWS template does this too).
      await ec2.send(new ModifySubnetAttributeCommand(mapPublicIpRequest(subnets.public[i]!)));
    }

    const publicTable = await ensureTable(ctx, vpcId, PUBLIC_RTB_KEY, `${name}-public`);
    await wire(ctx, publicTable, { GatewayId: igw.id }, subnets.public);

    for (let n = 0; n < natCount(config); n++) {
      const eip = await elasticIpResource.ensure(ctx, { key: eipKey(n), step: 2, request: allocateAddressRequest(config, n) });
      const subnetId = subnets.public[n]!;
      await natGatewayResource.ensure(ctx, {
        key: natKey(n),
        step: 2,
        details: { subnet: subnetId, allocation: eip.id },
        request: (token) => createNatGatewayRequest(config, subnetId, eip.id, n, token),
      });
    }

    for (let i = 0; i < azs.length; i++) {
      const table = await ensureTable(ctx, vpcId, privateRtbKey(i), `${name}-private-${i}`);
      // The default route to the NAT gateway waits until it is available: see settle.
      await wire(ctx, table, undefined, [subnets.private[i]!]);
    }
  },

  /** NAT gateways take a minute or two; nodes in private subnets need them, the cluster does not. */
  async settle(ctx) {
    for (let n = 0; n < natCount(ctx.config); n++) {
      const entry = ctx.ledger.get(natKey(n));
      if (!entry?.id) continue;
      const id = entry.id;
      await waitFor<NatGateway>(ctx, {
        key: natKey(n),
        kind: 'nat-gateway',
        id,
        read: async () => (await ctx.clients.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))).NatGateways?.[0],
        status: (g) => g?.State ?? 'missing',
        done: (g) => g?.State === 'available',
        failed: (g) => g?.State === 'failed' || g?.State === 'deleted' || !g,
        reason: (g) => [g?.FailureCode, g?.FailureMessage].filter(Boolean).join(': ') || undefined,
        notListedYetMs: NOT_LISTED_YET_MS,
        delayMs: POLL_DELAY.natGateway,
        expectedMs: EXPECTED.natCreate,
        timeoutMs: 10 * 60_000,
      });
    }
    await routePrivateTablesToNats(ctx);
  },

  verify: verifyVpc,
};
