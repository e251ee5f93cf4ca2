import { callerPrincipal } from './eks-access.js';
import type { EksView, Json } from './eks-view.js';
import type { AccessPicture } from './kube-access.js';
import type { ClusterLookup } from './kube-api.js';
import type { NodegroupPicture } from './kube-objects.js';

const seconds = (value: unknown): number | undefined => (typeof value === 'number' ? value * 1000 : undefined);

/**
 * What the sandbox's Kubernetes API shows for a cluster, read through the same
 * view of EKS the AWS proxy answers with: nodes exist only for ACTIVE node
 * groups, so they appear when the node group turns ACTIVE and go when it starts
 * deleting.
 */
export function clusterLookup(view: EksView, accessKeyId: string): ClusterLookup {
  const principals = new Map<string, Promise<string>>();
  /** Who the sandbox's own keys stand for, asked of moto's STS once (other keys it issued carry their principal). */
  const principal = (region: string) => {
    if (!principals.has(region)) principals.set(region, callerPrincipal(view, { accessKeyId, region }));
    return principals.get(region)!;
  };
  return async (region, clusterName, callerArn) => {
    const scope = { accessKeyId, region };
    const answer = await view.describeCluster(scope, clusterName);
    const cluster: Json | undefined = answer.json?.cluster;
    if (answer.status !== 200 || !cluster || cluster.status === 'CREATING') return undefined;
    const clusterMemo = view.memory.cluster(region, clusterName);
    const active = (await view.nodegroups(scope, clusterName)).filter((ng) => ng.status === 'ACTIVE' || ng.status === 'UPDATING');
    const subnetIds = [...new Set(active.flatMap((ng) => (ng.subnets ?? []) as string[]))];
    const subnets = await view.subnets(scope, subnetIds);
    const nodegroups: NodegroupPicture[] = active.map((ng) => {
      const memo = view.memory.nodegroup(region, clusterName, String(ng.nodegroupName));
      return {
        name: String(ng.nodegroupName),
        desiredSize: Number(ng.scalingConfig?.desiredSize ?? 0),
        instanceType: String(ng.instanceTypes?.[0] ?? 't3.medium'),
        capacityType: String(ng.capacityType ?? 'ON_DEMAND'),
        amiType: String(ng.amiType ?? 'AL2023_x86_64_STANDARD'),
        version: String(ng.version),
        labels: (ng.labels ?? {}) as Record<string, string>,
        taints: (ng.taints ?? []) as NodegroupPicture['taints'],
        readySince: (memo && view.timeline.activeSince(memo, 'nodegroupCreate')) ?? seconds(ng.createdAt) ?? view.timeline.now(),
        subnets: ((ng.subnets ?? []) as string[]).flatMap((id) => subnets.filter((s) => s.id === id)),
      };
    });
    return {
      name: clusterName,
      region,
      version: String(cluster.version),
      readySince:
        (clusterMemo && view.timeline.activeSince(clusterMemo, 'clusterCreate')) ?? seconds(cluster.createdAt) ?? view.timeline.now(),
      serviceCidr: String(cluster.kubernetesNetworkConfig?.serviceIpv4Cidr ?? '10.100.0.0/16'),
      vpcId: cluster.resourcesVpcConfig?.vpcId,
      creatorAccessKeyId: clusterMemo?.accessKeyId ?? accessKeyId,
      incarnation: String(cluster.arn ?? clusterName) + String(cluster.createdAt ?? ''),
      // An add-on's pods carry its version from CreateAddon on, and go when it is deleted.
      addons: Object.fromEntries(
        view.memory
          .addonsOf(region, clusterName)
          .filter((a) => ['creating', 'active'].includes(view.timeline.lifecycle(a, 'addonCreate', 'addonDelete')))
          .map((a) => [a.addonName, a.addonVersion]),
      ),
      bootstrapSelfManagedAddons: clusterMemo?.request?.bootstrapSelfManagedAddons,
      access: clusterMemo?.request
        ? await accessOf(
            view,
            region,
            clusterName,
            clusterMemo.request.accessConfig.authenticationMode,
            callerArn ?? (await principal(region)),
            callerArn === undefined,
          )
        : undefined,
      nodegroups,
    };
  };
}

/** The caller's access entry and its policies, as EKS's authorizer reads them. */
async function accessOf(
  view: EksView,
  region: string,
  clusterName: string,
  mode: string,
  principalArn: string,
  creator: boolean,
): Promise<AccessPicture> {
  const entry = view.memory.accessEntry(region, clusterName, principalArn);
  return {
    mode,
    principalArn,
    creator,
    entry: entry && {
      username: entry.username,
      policies: entry.policies.map((p) => ({ policyArn: p.policyArn, accessScope: p.accessScope })),
    },
  };
}
