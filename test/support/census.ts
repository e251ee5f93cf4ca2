import {
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { IAMClient, ListRolesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { CLUSTER_TAG, KEY_TAG } from '../../src/aws/tags.js';

/** One thing in the AWS endpoint that carries the tutor's cluster tag. */
export interface Tagged {
  kind:
    | 'vpc'
    | 'subnet'
    | 'internet-gateway'
    | 'route-table'
    | 'elastic-ip'
    | 'nat-gateway'
    | 'security-group'
    | 'eks-cluster'
    | 'eks-nodegroup'
    | 'iam-role';
  id: string;
  /** The `eks-basics-tutor/key` tag: the ledger key it was made for. */
  key: string;
}

export interface CensusOptions {
  endpoint: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

type TagList = { Key?: string; Value?: string }[] | undefined;
const tagOf = (tags: TagList, key: string) => tags?.find((t) => t.Key === key)?.Value;

/**
 * Everything tagged for `clusterName`, read straight from the endpoint (moto),
 * never through the tutor: filters narrow the answer, the tags are checked here.
 */
export async function census(clusterName: string, options: CensusOptions): Promise<Tagged[]> {
  const config = {
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    credentials: options.credentials ?? { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 3,
  };
  const ec2 = new EC2Client(config);
  const eks = new EKSClient(config);
  const iam = new IAMClient(config);
  try {
    const found: Tagged[] = [];
    const filter = [{ Name: `tag:${CLUSTER_TAG}`, Values: [clusterName] }];
    const add = (kind: Tagged['kind'], id: string | undefined, tags: TagList) => {
      if (id && tagOf(tags, CLUSTER_TAG) === clusterName) found.push({ kind, id, key: tagOf(tags, KEY_TAG) ?? '' });
    };
    const [vpcs, subnets, igws, tables, addresses, nats, groups] = await Promise.all([
      ec2.send(new DescribeVpcsCommand({ Filters: filter })),
      ec2.send(new DescribeSubnetsCommand({ Filters: filter })),
      ec2.send(new DescribeInternetGatewaysCommand({ Filters: filter })),
      ec2.send(new DescribeRouteTablesCommand({ Filters: filter })),
      ec2.send(new DescribeAddressesCommand({ Filters: filter })),
      ec2.send(new DescribeNatGatewaysCommand({ Filter: filter })),
      ec2.send(new DescribeSecurityGroupsCommand({ Filters: filter })),
    ]);
    for (const v of vpcs.Vpcs ?? []) add('vpc', v.VpcId, v.Tags);
    for (const s of subnets.Subnets ?? []) add('subnet', s.SubnetId, s.Tags);
    for (const g of igws.InternetGateways ?? []) add('internet-gateway', g.InternetGatewayId, g.Tags);
    for (const t of tables.RouteTables ?? []) add('route-table', t.RouteTableId, t.Tags);
    for (const a of addresses.Addresses ?? []) add('elastic-ip', a.AllocationId, a.Tags);
    for (const g of nats.NatGateways ?? []) if (g.State !== 'deleted' && g.State !== 'deleting') add('nat-gateway', g.NatGatewayId, g.Tags);
    for (const g of groups.SecurityGroups ?? []) add('security-group', g.GroupId, g.Tags);

    // Other tests' clusters and roles come and go meanwhile: one that vanished between list and describe is not ours.
    const unlessGone = <T>(call: Promise<T>) =>
      call.catch((error: { name?: string }) => {
        if (/NotFound|NoSuchEntity/.test(error.name ?? '')) return undefined;
        throw error;
      });
    const asList = (tags: Record<string, string> | undefined) => Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    for (const name of (await eks.send(new ListClustersCommand({}))).clusters ?? []) {
      const cluster = (await unlessGone(eks.send(new DescribeClusterCommand({ name }))))?.cluster;
      if (!cluster) continue;
      add('eks-cluster', cluster.name, asList(cluster.tags));
      for (const groupName of (await unlessGone(eks.send(new ListNodegroupsCommand({ clusterName: name }))))?.nodegroups ?? []) {
        const group = (await unlessGone(eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: groupName }))))
          ?.nodegroup;
        add('eks-nodegroup', group?.nodegroupName, asList(group?.tags));
      }
    }
    for (const role of (await iam.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles ?? []) {
      const tags = (await unlessGone(iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName }))))?.Tags;
      add('iam-role', role.RoleName, tags);
    }
    return found;
  } finally {
    ec2.destroy();
    eks.destroy();
    iam.destroy();
  }
}

/** How many of each kind; security groups are left out (EKS makes its own, the tutor none). */
export function countByKind(found: Tagged[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of found) if (f.kind !== 'security-group') counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** One complete build with the default options (2 AZs, one NAT gateway): exactly one of everything. */
export const ONE_FULL_SET: Record<string, number> = {
  vpc: 1,
  subnet: 4,
  'internet-gateway': 1,
  'route-table': 3,
  'elastic-ip': 1,
  'nat-gateway': 1,
  'eks-cluster': 1,
  'eks-nodegroup': 1,
  'iam-role': 2,
};

/** Steps 1-3 only: no node group, no node role. */
export const THROUGH_STEP_3: Record<string, number> = { ...ONE_FULL_SET, 'eks-nodegroup': 0, 'iam-role': 1 };

/** The counts without the kinds that have none, for `toEqual`. */
export function expected(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Every load balancer in the endpoint, classic and v2, by name: what `down` must leave none of. */
export async function loadBalancers(options: CensusOptions): Promise<{ name: string; type: string; vpc: string }[]> {
  const { ElasticLoadBalancing } = await import('@aws-sdk/client-elastic-load-balancing');
  const { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const config = {
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    // A copy: the SDK marks the credentials object it is given, and the sandbox's is frozen.
    credentials: { ...(options.credentials ?? { accessKeyId: 'testing', secretAccessKey: 'testing' }) },
    maxAttempts: 3,
  };
  const elb = new ElasticLoadBalancing(config);
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  try {
    const classic = (await elb.describeLoadBalancers({})).LoadBalancerDescriptions ?? [];
    const v2 = (await elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? [];
    return [
      ...classic.map((l) => ({ name: l.LoadBalancerName ?? '', type: 'classic', vpc: l.VPCId ?? '' })),
      ...v2.map((l) => ({ name: l.LoadBalancerName ?? '', type: l.Type ?? '', vpc: l.VpcId ?? '' })),
    ];
  } finally {
    elb.destroy();
    elbv2.destroy();
  }
}
