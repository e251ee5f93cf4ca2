import { Behaviours } from './behaviours.js';
import { runningUpdate } from './eks-updates.js';
import { nodeReleaseVersion } from './kube-versions.js';
import { ec2Filters, type CallerScope, type MotoClient } from './moto-client.js';
import type { ClusterMemo, Lifecycle, Memory, NodegroupMemo, Timeline } from './timeline.js';
import { childText, items } from './xml.js';

/** moto's EKS JSON, which the sandbox reshapes into what EKS answers. */
export type Json = { [key: string]: any };

/** Where the sandbox's Kubernetes API answers for a cluster, and the CA to trust. */
export interface KubeEndpoint {
  url(region: string, clusterName: string): Promise<string>;
  /** base64 of the CA certificate PEM, as in `certificateAuthority.data`. */
  caData: string;
}

export interface EksAnswer {
  status: number;
  json: Json | undefined;
  /** moto's x-amzn-ErrorType when the answer is an error. */
  errorType?: string | undefined;
}

export interface SubnetFacts {
  id: string;
  cidr: string;
  availabilityZone: string;
  availabilityZoneId: string;
  vpcId: string;
  /** Instances launched here get a public IPv4 address (a public subnet's nodes). */
  mapPublicIpOnLaunch: boolean;
}

/** moto's defaults that EKS would not show. */
const MOTO_SERVICE_CIDR = '172.20.0.0/16';
const EKS_SERVICE_CIDR = '10.100.0.0/16';
const MOTO_SSH_KEY = 'eksKeypair';

const enc = encodeURIComponent;

/**
 * EKS as the learner sees it: moto's clusters and node groups, moved through
 * CREATING and DELETING on the sandbox's clock, with the fields moto leaves out.
 */
export class EksView {
  constructor(
    readonly moto: MotoClient,
    readonly memory: Memory,
    readonly timeline: Timeline,
    readonly kube: KubeEndpoint,
    /** Where AWS is hard on purpose (behaviours.ts); all on, unlogged, unless the sandbox says otherwise. */
    readonly behaviours: Behaviours = new Behaviours(timeline),
  ) {}

  clusterLifecycle(memo: ClusterMemo): Lifecycle {
    return this.timeline.lifecycle(memo, 'clusterCreate', 'clusterDelete');
  }

  nodegroupLifecycle(memo: NodegroupMemo): Lifecycle {
    return this.timeline.lifecycle(memo, 'nodegroupCreate', 'nodegroupDelete');
  }

  /** The memory of a cluster that moto has dropped but the learner should still see DELETING. */
  deletingCluster(region: string, name: string): ClusterMemo | undefined {
    const memo = this.memory.cluster(region, name);
    return memo && this.clusterLifecycle(memo) === 'deleting' ? memo : undefined;
  }

  deletingNodegroup(region: string, clusterName: string, name: string): NodegroupMemo | undefined {
    const memo = this.memory.nodegroup(region, clusterName, name);
    return memo && this.nodegroupLifecycle(memo) === 'deleting' ? memo : undefined;
  }

  async describeCluster(scope: CallerScope, name: string): Promise<EksAnswer> {
    const deleting = this.deletingCluster(scope.region, name);
    if (deleting?.lastSeen) return { status: 200, json: { cluster: { ...deleting.lastSeen, status: 'DELETING' } } };
    const answer = await this.moto.eks(scope, 'GET', `/clusters/${enc(name)}`);
    if (answer.status !== 200 || !answer.json?.cluster) return answer;
    return { status: 200, json: { cluster: await this.patchCluster(scope, answer.json.cluster) } };
  }

  async patchCluster(scope: CallerScope, cluster: Json): Promise<Json> {
    const name = String(cluster.name);
    let memo = this.memory.cluster(scope.region, name);
    if (!memo || memo.deletedAt !== undefined) {
      // Created before the sandbox started, or made again behind its back: long settled.
      memo = { region: scope.region, name, accessKeyId: scope.accessKeyId };
      this.memory.setCluster(memo);
    }
    const vpcConfig: Json = cluster.resourcesVpcConfig ?? {};
    const subnetIds: string[] = vpcConfig.subnetIds ?? [];
    if (memo.vpcId === undefined && subnetIds[0]) memo.vpcId = (await this.subnets(scope, [subnetIds[0]]))[0]?.vpcId;
    if (!memo.request && memo.securityGroupId === undefined && memo.vpcId) {
      // Made by an earlier sandbox on the same moto: find the cluster security group it made, by its tag.
      memo.securityGroupId = await this.clusterSecurityGroup(scope, name, memo.vpcId);
    }
    const creating = this.clusterLifecycle(memo) === 'creating';
    const motoCidr: string | undefined = cluster.kubernetesNetworkConfig?.serviceIpv4Cidr;
    const patched: Json = {
      ...cluster,
      version: memo.upgradedVersion ?? memo.request?.version ?? cluster.version,
      status: creating ? 'CREATING' : runningUpdate(this, scope.region, name) ? 'UPDATING' : 'ACTIVE',
      resourcesVpcConfig: {
        subnetIds,
        securityGroupIds: vpcConfig.securityGroupIds ?? [],
        ...(memo.securityGroupId ? { clusterSecurityGroupId: memo.securityGroupId } : {}),
        ...(memo.vpcId ? { vpcId: memo.vpcId } : {}),
        endpointPublicAccess: vpcConfig.endpointPublicAccess ?? true,
        endpointPrivateAccess: vpcConfig.endpointPrivateAccess ?? false,
        publicAccessCidrs: vpcConfig.publicAccessCidrs ?? ['0.0.0.0/0'],
      },
      kubernetesNetworkConfig: {
        serviceIpv4Cidr: memo.request?.serviceIpv4Cidr ?? (!motoCidr || motoCidr === MOTO_SERVICE_CIDR ? EKS_SERVICE_CIDR : motoCidr),
        ipFamily: 'ipv4',
        elasticLoadBalancing: { enabled: false },
      },
      // Unknown when the create request was seen by another sandbox: left out, as moto leaves them out.
      ...(memo.request ? { accessConfig: memo.request.accessConfig, upgradePolicy: memo.request.upgradePolicy } : {}),
      health: { issues: [] },
    };
    if (creating) {
      // EKS publishes the endpoint and CA only once the control plane is up.
      delete patched.endpoint;
      patched.certificateAuthority = {};
    } else {
      patched.endpoint = await this.kube.url(scope.region, name);
      patched.certificateAuthority = { data: this.kube.caData };
    }
    return patched;
  }

  private async clusterSecurityGroup(scope: CallerScope, name: string, vpcId: string): Promise<string | undefined> {
    const answer = await this.moto.ec2(scope, {
      Action: 'DescribeSecurityGroups',
      ...ec2Filters({ 'vpc-id': [vpcId], 'tag:aws:eks:cluster-name': [name] }),
    });
    const group = items(answer.root, 'securityGroupInfo')[0];
    return group ? childText(group, 'groupId') || undefined : undefined;
  }

  async describeNodegroup(scope: CallerScope, clusterName: string, name: string): Promise<EksAnswer> {
    const deleting = this.deletingNodegroup(scope.region, clusterName, name);
    if (deleting?.lastSeen) return { status: 200, json: { nodegroup: { ...deleting.lastSeen, status: 'DELETING' } } };
    const answer = await this.moto.eks(scope, 'GET', `/clusters/${enc(clusterName)}/node-groups/${enc(name)}`);
    if (answer.status !== 200 || !answer.json?.nodegroup) return answer;
    return { status: 200, json: { nodegroup: await this.patchNodegroup(scope, answer.json.nodegroup) } };
  }

  async patchNodegroup(scope: CallerScope, nodegroup: Json): Promise<Json> {
    const clusterName = String(nodegroup.clusterName);
    const name = String(nodegroup.nodegroupName);
    let memo = this.memory.nodegroup(scope.region, clusterName, name);
    if (!memo || memo.deletedAt !== undefined) {
      memo = { region: scope.region, clusterName, name };
      this.memory.setNodegroup(memo);
    }
    const version = memo.upgradedVersion ?? memo.request?.version ?? (await this.clusterVersion(scope, clusterName)) ?? nodegroup.version;
    const lifecycle = this.nodegroupLifecycle(memo);
    const patched: Json = {
      ...nodegroup,
      version,
      releaseVersion:
        memo.upgradedReleaseVersion ??
        (memo.upgradedVersion ? nodeReleaseVersion(version) : (memo.request?.releaseVersion ?? nodeReleaseVersion(version))),
      status: lifecycle === 'creating' ? 'CREATING' : runningUpdate(this, scope.region, clusterName, name) ? 'UPDATING' : 'ACTIVE',
      diskSize: Number(nodegroup.diskSize ?? 20),
      updateConfig: nodegroup.updateConfig ?? { maxUnavailable: 1 },
      health: { issues: [] },
    };
    if (memo.request) patched.amiType = memo.request.amiType ?? 'AL2023_x86_64_STANDARD';
    // moto adds an SSH key nobody asked for; EKS shows remoteAccess only when it was requested.
    const asked = memo.request ? memo.request.remoteAccess : nodegroup.remoteAccess?.ec2SshKey !== MOTO_SSH_KEY;
    if (!asked) {
      delete patched.remoteAccess;
      if (patched.resources) {
        patched.resources = { ...patched.resources };
        delete patched.resources.remoteAccessSecurityGroup;
      }
    }
    return patched;
  }

  private async clusterVersion(scope: CallerScope, clusterName: string): Promise<string | undefined> {
    const memo = this.memory.cluster(scope.region, clusterName);
    if (memo?.upgradedVersion) return memo.upgradedVersion;
    if (memo?.request) return memo.request.version;
    if (memo?.lastSeen) return String(memo.lastSeen.version);
    const answer = await this.moto.eks(scope, 'GET', `/clusters/${enc(clusterName)}`);
    return answer.json?.cluster?.version;
  }

  /** Cluster names as ListClusters should show them: moto's plus those still DELETING. */
  async clusterNames(scope: CallerScope): Promise<string[]> {
    const names = await this.pagedNames(scope, '/clusters', 'clusters');
    for (const memo of this.memory.allClusters()) {
      if (memo.region === scope.region && this.clusterLifecycle(memo) === 'deleting') names.add(memo.name);
    }
    return [...names].sort();
  }

  async nodegroupNames(scope: CallerScope, clusterName: string): Promise<string[]> {
    const names = await this.pagedNames(scope, `/clusters/${enc(clusterName)}/node-groups`, 'nodegroups');
    for (const memo of this.memory.nodegroupsOf(scope.region, clusterName)) {
      if (this.nodegroupLifecycle(memo) === 'deleting') names.add(memo.name);
    }
    return [...names].sort();
  }

  private async pagedNames(scope: CallerScope, path: string, field: string): Promise<Set<string>> {
    const names = new Set<string>();
    let nextToken: string | undefined;
    do {
      const query = nextToken ? `?maxResults=100&nextToken=${enc(nextToken)}` : '?maxResults=100';
      const answer = await this.moto.eks(scope, 'GET', path + query);
      for (const name of (answer.json?.[field] ?? []) as string[]) names.add(name);
      nextToken = answer.json?.nextToken ?? undefined;
    } while (nextToken);
    return names;
  }

  /** Every cluster of the region that is not gone, patched. */
  async clusters(scope: CallerScope): Promise<Json[]> {
    const found: Json[] = [];
    for (const name of await this.clusterNames(scope)) {
      const answer = await this.describeCluster(scope, name);
      if (answer.status === 200 && answer.json?.cluster) found.push(answer.json.cluster);
    }
    return found;
  }

  /** Every node group of a cluster that is not gone, patched. */
  async nodegroups(scope: CallerScope, clusterName: string): Promise<Json[]> {
    const found: Json[] = [];
    for (const name of await this.nodegroupNames(scope, clusterName)) {
      const answer = await this.describeNodegroup(scope, clusterName, name);
      if (answer.status === 200 && answer.json?.nodegroup) found.push(answer.json.nodegroup);
    }
    return found;
  }

  async subnets(scope: CallerScope, ids: string[]): Promise<SubnetFacts[]> {
    if (ids.length === 0) return [];
    const answer = await this.moto.ec2(scope, { Action: 'DescribeSubnets', ...ec2Filters({ 'subnet-id': ids }) });
    return items(answer.root, 'subnetSet').map((item) => ({
      id: childText(item, 'subnetId'),
      cidr: childText(item, 'cidrBlock'),
      availabilityZone: childText(item, 'availabilityZone'),
      availabilityZoneId: childText(item, 'availabilityZoneId'),
      vpcId: childText(item, 'vpcId'),
      mapPublicIpOnLaunch: childText(item, 'mapPublicIpOnLaunch') === 'true',
    }));
  }
}
