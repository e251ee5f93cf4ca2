import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  type NatGateway,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import { cliCommand } from '../cli-command.js';
import { PRICES, priceFor } from '../cost.js';
import { ensureResource } from '../ensure.js';
import { clientToken } from '../tokens.js';
import { NOT_LISTED_YET_MS } from '../retry.js';
import { natCount } from '../network.js';
import { hasKeyTags, keyFilters } from '../tags.js';
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

/**
 * The id of the one item that carries both of this build's tags for `key`.
 * Filters narrow the answer, but the tags are checked here too: an endpoint
 * that ignores a filter must never make the tutor adopt someone else's resource.
 */
function findOne<T extends { Tags?: { Key?: string; Value?: string }[] }>(
  list: T[] | undefined,
  id: (item: T) => string | undefined,
  clusterName: string,
  key: string,
): string | undefined {
  return list
    ?.filter((item) => hasKeyTags(item.Tags, clusterName, key))
    .map(id)
    .find(Boolean);
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
    const { config, clients, ledger } = ctx;
    const ec2 = clients.ec2;
    const name = config.clusterName;
    const azs = await chooseAvailabilityZones(ctx);

    const vpcId = await ensureResource(ctx, {
      key: VPC_KEY,
      kind: 'vpc',
      step: 2,
      details: { cidr: config.vpcCidr },
      find: async () =>
        findOne((await ec2.send(new DescribeVpcsCommand({ Filters: keyFilters(name, VPC_KEY) }))).Vpcs, (v) => v.VpcId, name, VPC_KEY),
      create: async () => (await ec2.send(new CreateVpcCommand(createVpcRequest(config)))).Vpc?.VpcId ?? '',
    });
    await ec2.send(new ModifyVpcAttributeCommand(enableDnsHostnamesRequest(vpcId)));

    // What this run has just created has no attachments, routes or associations yet: no need to ask.
    const fresh = new Set<string>();
    const igwId = await ensureResource(ctx, {
      key: IGW_KEY,
      kind: 'internet-gateway',
      step: 2,
      find: async () =>
        findOne(
          (await ec2.send(new DescribeInternetGatewaysCommand({ Filters: keyFilters(name, IGW_KEY) }))).InternetGateways,
          (g) => g.InternetGatewayId,
          name,
          IGW_KEY,
        ),
      create: async () => {
        const id =
          (await ec2.send(new CreateInternetGatewayCommand(createInternetGatewayRequest(config)))).InternetGateway?.InternetGatewayId ?? '';
        fresh.add(id);
        return id;
      },
    });
    const igw = fresh.has(igwId)
      ? undefined
      : (await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igwId] }))).InternetGateways?.[0];
    if (!igw?.Attachments?.some((a) => a.VpcId === vpcId)) {
      await ec2.send(new AttachInternetGatewayCommand(attachInternetGatewayRequest(vpcId, igwId)));
    }
    await ledger.created(IGW_KEY, igwId, { vpc: vpcId });

    const subnets: Record<Tier, string[]> = { public: [], private: [] };
    for (const [i, az] of azs.entries()) {
      for (const tier of TIERS) {
        const key = subnetKey(tier, i);
        const request = createSubnetRequest(config, vpcId, tier, i, az);
        const id = await ensureResource(ctx, {
          key,
          kind: 'subnet',
          step: 2,
          details: { az, cidr: request.CidrBlock, tier },
          find: async () =>
            findOne((await ec2.send(new DescribeSubnetsCommand({ Filters: keyFilters(name, key) }))).Subnets, (s) => s.SubnetId, name, key),
          create: async () => (await ec2.send(new CreateSubnetCommand(request))).Subnet?.SubnetId ?? '',
        });
        subnets[tier].push(id);
      }
      // Nodes and load balancers in public subnets need public addresses (the AWS template does this too).
      await ec2.send(new ModifySubnetAttributeCommand(mapPublicIpRequest(subnets.public[i]!)));
    }

    const tables = async (key: string) =>
      (await ec2.send(new DescribeRouteTablesCommand({ Filters: keyFilters(name, key) }))).RouteTables ?? [];
    const ensureTable = (key: string, tableName: string) =>
      ensureResource(ctx, {
        key,
        kind: 'route-table',
        step: 2,
        find: async () => findOne(await tables(key), (t) => t.RouteTableId, name, key),
        create: async () => {
          const id =
            (await ec2.send(new CreateRouteTableCommand(createRouteTableRequest(config, vpcId, key, tableName)))).RouteTable
              ?.RouteTableId ?? '';
          fresh.add(id);
          return id;
        },
      });
    const wire = async (tableId: string, target: { GatewayId: string } | { NatGatewayId: string } | undefined, subnetIds: string[]) => {
      const table: RouteTable | undefined = fresh.has(tableId)
        ? undefined
        : (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [tableId] }))).RouteTables?.[0];
      if (target && !table?.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) {
        await ec2.send(new CreateRouteCommand(defaultRouteRequest(tableId, target)));
      }
      for (const subnetId of subnetIds) {
        if (!table?.Associations?.some((a) => a.SubnetId === subnetId)) {
          await ec2.send(new AssociateRouteTableCommand(associateRouteTableRequest(tableId, subnetId)));
        }
      }
    };

    const publicTable = await ensureTable(PUBLIC_RTB_KEY, `${name}-public`);
    await wire(publicTable, { GatewayId: igwId }, subnets.public);

    for (let n = 0; n < natCount(config); n++) {
      const allocationId = await ensureResource(ctx, {
        key: eipKey(n),
        kind: 'elastic-ip',
        step: 2,
        find: async () =>
          findOne(
            (await ec2.send(new DescribeAddressesCommand({ Filters: keyFilters(name, eipKey(n)) }))).Addresses,
            (a) => a.AllocationId,
            name,
            eipKey(n),
          ),
        create: async () => (await ec2.send(new AllocateAddressCommand(allocateAddressRequest(config, n)))).AllocationId ?? '',
      });
      const subnetId = subnets.public[n]!;
      await ensureResource(ctx, {
        key: natKey(n),
        kind: 'nat-gateway',
        step: 2,
        details: { subnet: subnetId, allocation: allocationId },
        find: async () =>
          findOne(
            (
              await ec2.send(
                new DescribeNatGatewaysCommand({
                  Filter: [...keyFilters(name, natKey(n)), { Name: 'state', Values: ['pending', 'available'] }],
                }),
              )
            ).NatGateways,
            (g) => g.NatGatewayId,
            name,
            natKey(n),
          ),
        create: async () => {
          // The NAT's own intent (kept by a resumed run) makes the token: the same NAT gateway is never billed twice.
          const token = clientToken(name, natKey(n), ledger.get(natKey(n))?.intentAt ?? '');
          return (
            (await ec2.send(new CreateNatGatewayCommand(createNatGatewayRequest(config, subnetId, allocationId, n, token)))).NatGateway
              ?.NatGatewayId ?? ''
          );
        },
      });
    }

    for (let i = 0; i < azs.length; i++) {
      const key = privateRtbKey(i);
      const table = await ensureTable(key, `${name}-private-${i}`);
      // The default route to the NAT gateway waits until it is available: see settle.
      await wire(table, undefined, [subnets.private[i]!]);
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
