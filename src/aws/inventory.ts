import {
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import type { ResourceKind } from '../state/ledger.js';
import { clusterRoleSpec } from './steps/cluster-role.js';
import { CLUSTER_KEY, describeCluster } from './steps/cluster.js';
import { KUBECONFIG_KEY } from './steps/kubeconfig.js';
import { NODEGROUP_KEY, describeNodegroup, nodeRoleSpec } from './steps/nodegroup.js';
import { CLUSTER_TAG, KEY_TAG, clusterFilter, isOurs } from './tags.js';
import type { StepContext } from './types.js';

/** A resource as teardown and status see it: found by tag, by ledger, or both. */
export interface Found {
  key: string;
  kind: ResourceKind;
  id: string;
  /** Its ledger entry (any state) exists. */
  inLedger: boolean;
  /** Its tag says it belongs to this cluster name. */
  tagged: boolean;
  /** Current state where AWS reports one (NAT gateway state, cluster status). */
  state?: string;
  details?: Record<string, string>;
}

type Tags = { Key?: string; Value?: string }[] | undefined;
const keyOf = (tags: Tags) => tags?.find((t) => t.Key === KEY_TAG)?.Value;

/**
 * Everything of this cluster name that exists now: what the tags say is ours,
 * joined with what the ledger recorded. Used by teardown and by `status`.
 */
export async function inventory(ctx: StepContext): Promise<Found[]> {
  const { ec2 } = ctx.clients;
  const name = ctx.config.clusterName;
  const filters = clusterFilter(name);
  const found: Found[] = [];
  const push = (kind: ResourceKind, id: string | undefined, tags: Tags, fallbackKey: string, state?: string, details?: Record<string, string>) => {
    if (!id) return;
    const tagged = (tags ?? []).some((t) => t.Key === CLUSTER_TAG && t.Value === name);
    const recorded = ctx.ledger.entries.some((e) => e.id === id);
    // An endpoint may ignore a tag filter: only what is tagged for us, or recorded by us, counts.
    if (!tagged && !recorded) return;
    const key = keyOf(tags) ?? ctx.ledger.entries.find((e) => e.id === id)?.key ?? fallbackKey;
    found.push({
      key,
      kind,
      id,
      inLedger: Boolean(ctx.ledger.get(key)) || ctx.ledger.entries.some((e) => e.id === id),
      tagged,
      ...(state ? { state } : {}),
      ...(details ? { details } : {}),
    });
  };

  const [vpcs, subnets, igws, tables, addresses, nats] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({ Filters: filters })),
    ec2.send(new DescribeSubnetsCommand({ Filters: filters })),
    ec2.send(new DescribeInternetGatewaysCommand({ Filters: filters })),
    ec2.send(new DescribeRouteTablesCommand({ Filters: filters })),
    ec2.send(new DescribeAddressesCommand({ Filters: filters })),
    ec2.send(new DescribeNatGatewaysCommand({ Filter: filters })),
  ]);
  for (const g of nats.NatGateways ?? []) {
    if (g.State === 'deleted') continue;
    push('nat-gateway', g.NatGatewayId, g.Tags, `nat/${g.NatGatewayId}`, g.State, { subnet: g.SubnetId ?? '' });
  }
  for (const a of addresses.Addresses ?? []) push('elastic-ip', a.AllocationId, a.Tags, `eip/${a.AllocationId}`, undefined, a.PublicIp ? { publicIp: a.PublicIp } : undefined);
  for (const g of igws.InternetGateways ?? []) {
    push('internet-gateway', g.InternetGatewayId, g.Tags, `igw/${g.InternetGatewayId}`, undefined, { vpc: g.Attachments?.map((a) => a.VpcId).join(',') ?? '' });
  }
  for (const s of subnets.Subnets ?? []) push('subnet', s.SubnetId, s.Tags, `subnet/${s.SubnetId}`, undefined, { az: s.AvailabilityZone ?? '', cidr: s.CidrBlock ?? '' });
  for (const t of tables.RouteTables ?? []) push('route-table', t.RouteTableId, t.Tags, `rtb/${t.RouteTableId}`);
  for (const v of vpcs.Vpcs ?? []) push('vpc', v.VpcId, v.Tags, `vpc/${v.VpcId}`, undefined, { cidr: v.CidrBlock ?? '' });

  const cluster = await describeCluster(ctx);
  const group = cluster ? await describeNodegroup(ctx) : undefined;
  if (group) {
    found.push({
      key: NODEGROUP_KEY,
      kind: 'eks-nodegroup',
      id: group.nodegroupName ?? '',
      inLedger: Boolean(ctx.ledger.get(NODEGROUP_KEY)),
      tagged: isOurs(group.tags, name),
      state: group.status ?? '',
      details: { instanceType: group.instanceTypes?.[0] ?? '', desired: String(group.scalingConfig?.desiredSize ?? 0) },
    });
  }
  if (cluster) {
    found.push({ key: CLUSTER_KEY, kind: 'eks-cluster', id: cluster.name ?? name, inLedger: Boolean(ctx.ledger.get(CLUSTER_KEY)), tagged: isOurs(cluster.tags, name), state: cluster.status ?? '' });
  }
  for (const spec of [nodeRoleSpec(ctx.config), clusterRoleSpec(name)]) {
    const role = await ctx.clients.iam.send(new GetRoleCommand({ RoleName: spec.name })).then(
      (r) => r.Role,
      () => undefined,
    );
    if (role) {
      found.push({ key: spec.key, kind: 'iam-role', id: spec.name, inLedger: Boolean(ctx.ledger.get(spec.key)), tagged: isOurs(role.Tags, name) });
    }
  }
  const kubeconfig = ctx.ledger.get(KUBECONFIG_KEY);
  if (kubeconfig && kubeconfig.state !== 'deleted' && kubeconfig.id) {
    found.push({ key: KUBECONFIG_KEY, kind: 'kubeconfig', id: kubeconfig.id, inLedger: true, tagged: true, details: { path: kubeconfig.details?.path ?? '' } });
  }
  return found;
}
