import type { StepContext } from '../types.js';
import { waitFor } from '../wait.js';
import { withDependencyRetry } from './dependency.js';
import { isNotFound, kubernetesClusterTag, type Found, type Scan, type Tags } from './found.js';
import { MINUTE } from './facts.js';
import { loadBalancerHour } from './prices.js';
import type { ResourceType } from './types.js';

/** DescribeLoadBalancers waiters poll every 15 s. */
const LIFE = { pollMs: 15_000, createMs: 3 * MINUTE, deleteMs: MINUTE };
/** The tags Kubernetes puts on a load balancer: the Service it serves, the Ingress (AWS Load Balancer Controller). */
const SERVICE_TAG = 'kubernetes.io/service-name';
const INGRESS_TAG = 'ingress.k8s.aws/stack';
const CONTROLLER_CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

interface Candidate {
  name: string;
  arn?: string;
  type: string;
  scheme: string;
  vpc: string;
  zones: number;
  dns: string;
  state?: string;
}

/** The VPCs to look in: the tutor's own, and the cluster's when the cluster is the tutor's. */
async function vpcsToSearch(scan: Scan): Promise<{ own: Set<string>; clusterVpc?: string }> {
  const own = new Set(await scan.tutorVpcIds());
  const cluster = await scan.cluster();
  const clusterVpc = cluster?.resourcesVpcConfig?.vpcId && (await scan.clusterIsOurs()) ? cluster.resourcesVpcConfig.vpcId : undefined;
  return { own, ...(clusterVpc ? { clusterVpc } : {}) };
}

async function classicCandidates(ctx: StepContext, inVpc: (vpc: string) => boolean): Promise<Candidate[]> {
  const out: Candidate[] = [];
  let marker: string | undefined;
  do {
    const page = await ctx.clients.elb.describeLoadBalancers({ ...(marker ? { Marker: marker } : {}) });
    for (const lb of page.LoadBalancerDescriptions ?? []) {
      if (!lb.LoadBalancerName || !inVpc(lb.VPCId ?? '')) continue;
      out.push({
        name: lb.LoadBalancerName,
        type: 'classic',
        scheme: lb.Scheme ?? '',
        vpc: lb.VPCId ?? '',
        zones: lb.AvailabilityZones?.length ?? 1,
        dns: lb.DNSName ?? '',
      });
    }
    marker = page.NextMarker;
  } while (marker);
  return out;
}

async function v2Candidates(ctx: StepContext, inVpc: (vpc: string) => boolean): Promise<Candidate[]> {
  const { DescribeLoadBalancersCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const out: Candidate[] = [];
  let marker: string | undefined;
  do {
    const page = await ctx.clients.elbv2.send(new DescribeLoadBalancersCommand({ ...(marker ? { Marker: marker } : {}) }));
    for (const lb of page.LoadBalancers ?? []) {
      if (!lb.LoadBalancerName || !inVpc(lb.VpcId ?? '')) continue;
      out.push({
        name: lb.LoadBalancerName,
        ...(lb.LoadBalancerArn ? { arn: lb.LoadBalancerArn } : {}),
        type: lb.Type ?? 'application',
        scheme: lb.Scheme ?? '',
        vpc: lb.VpcId ?? '',
        zones: lb.AvailabilityZones?.length ?? 1,
        dns: lb.DNSName ?? '',
        ...(lb.State?.Code ? { state: lb.State.Code } : {}),
      });
    }
    marker = page.NextMarker;
  } while (marker);
  return out;
}

/** Tags of up to 20 load balancers a call, by name (classic) or ARN (v2). */
async function tagsOf(ctx: StepContext, lbs: Candidate[]): Promise<Map<string, Tags>> {
  const tags = new Map<string, Tags>();
  const classic = lbs.filter((l) => l.type === 'classic').map((l) => l.name);
  const v2 = lbs.filter((l) => l.arn).map((l) => l.arn!);
  for (let i = 0; i < classic.length; i += 20) {
    const answer = await ctx.clients.elb.describeTags({ LoadBalancerNames: classic.slice(i, i + 20) });
    for (const d of answer.TagDescriptions ?? []) if (d.LoadBalancerName) tags.set(d.LoadBalancerName, d.Tags);
  }
  const { DescribeTagsCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  for (let i = 0; i < v2.length; i += 20) {
    const answer = await ctx.clients.elbv2.send(new DescribeTagsCommand({ ResourceArns: v2.slice(i, i + 20) }));
    for (const d of answer.TagDescriptions ?? []) if (d.ResourceArn) tags.set(d.ResourceArn, d.Tags);
  }
  return tags;
}

/** A load balancer made for a Service (the cloud provider's) or an Ingress (the AWS Load Balancer Controller's). */
export const loadBalancerResource: ResourceType<'load-balancer'> = {
  kind: 'load-balancer',
  keys: [{ prefix: 'lb' }],
  deleteRank: 25,
  inventoried: true,
  madeBy: 'kubernetes',
  lifecycle: LIFE,
  hourly: (r, c) =>
    loadBalancerHour(c.region, {
      type: r.details?.type ?? '',
      zones: Number(r.details?.zones ?? 1) || 1,
      internetFacing: r.details?.scheme !== 'internal',
    }),
  async find(scan) {
    const { ctx } = scan;
    const { own, clusterVpc } = await vpcsToSearch(scan);
    if (own.size === 0 && !clusterVpc) return [];
    const inVpc = (vpc: string) => own.has(vpc) || vpc === clusterVpc;
    const lbs = [...(await classicCandidates(ctx, inVpc)), ...(await v2Candidates(ctx, inVpc))];
    if (lbs.length === 0) return [];
    const tags = await tagsOf(ctx, lbs);
    const clusterTag = kubernetesClusterTag(ctx.config.clusterName);
    return lbs.map((lb): Found => {
      const list = tags.get(lb.arn ?? lb.name) ?? [];
      const tag = (key: string) => list.find((t) => t.Key === key)?.Value;
      const forCluster = tag(clusterTag) !== undefined || tag(CONTROLLER_CLUSTER_TAG) === ctx.config.clusterName;
      const service = tag(SERVICE_TAG);
      const ingress = tag(INGRESS_TAG);
      // Which cluster's cloud provider or controller made it: several clusters may share the VPC.
      const madeFor =
        tag(CONTROLLER_CLUSTER_TAG) ??
        list.find((t) => t.Key?.startsWith('kubernetes.io/cluster/'))?.Key?.slice('kubernetes.io/cluster/'.length);
      return {
        key: `lb/${lb.name}`,
        kind: 'load-balancer',
        id: lb.name,
        inLedger: false,
        // Inside the tutor's own VPC, or tagged for the tutor's cluster: nothing else is ever touched.
        tagged: own.has(lb.vpc) || forCluster,
        ...(lb.state ? { state: lb.state } : {}),
        details: {
          type: lb.type,
          scheme: lb.scheme,
          zones: String(lb.zones),
          vpc: lb.vpc,
          dns: lb.dns,
          ...(lb.arn ? { arn: lb.arn } : {}),
          ...(service ? { service } : {}),
          ...(ingress ? { ingress } : {}),
          ...(madeFor ? { cluster: madeFor } : {}),
        },
      };
    });
  },
  async destroy(ctx, f) {
    const arn = f.details?.arn;
    const targetGroups = arn ? await targetGroupsOf(ctx, arn) : [];
    const { DeleteLoadBalancerCommand, DeleteTargetGroupCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
    try {
      if (arn) await ctx.clients.elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn }));
      else await ctx.clients.elb.deleteLoadBalancer({ LoadBalancerName: f.id });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await waitUntilGone(ctx, f);
    // Target groups cost nothing but are refused while a listener still points at them: after the load balancer.
    for (const group of targetGroups) {
      await withDependencyRetry(ctx, { ...f, id: group }, () =>
        ctx.clients.elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: group })),
      ).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
  },
};

async function targetGroupsOf(ctx: StepContext, arn: string): Promise<string[]> {
  const { DescribeTargetGroupsCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  try {
    const answer = await ctx.clients.elbv2.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: arn }));
    return (answer.TargetGroups ?? []).map((g) => g.TargetGroupArn ?? '').filter(Boolean);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** Polls until AWS no longer lists the load balancer, reporting the elapsed time. */
export async function waitUntilGone(ctx: StepContext, f: Found): Promise<void> {
  const { DescribeLoadBalancersCommand } = await import('@aws-sdk/client-elastic-load-balancing-v2');
  const read = async (): Promise<string | undefined> => {
    try {
      if (f.details?.arn) {
        const lb = (await ctx.clients.elbv2.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [f.details.arn] })))
          .LoadBalancers?.[0];
        return lb ? (lb.State?.Code ?? 'active') : undefined;
      }
      const lb = (await ctx.clients.elb.describeLoadBalancers({ LoadBalancerNames: [f.id] })).LoadBalancerDescriptions?.[0];
      return lb ? 'deleting' : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  await waitFor<string>(ctx, {
    key: f.key,
    kind: f.kind,
    id: f.id,
    read,
    status: (s) => s ?? 'deleted',
    done: (s) => s === undefined,
    delayMs: LIFE.pollMs,
    expectedMs: LIFE.deleteMs,
    timeoutMs: 15 * 60_000,
  });
}
