import { createClusterSecurityGroup } from './cluster-security-group.js';
import type { EksView, Json } from './eks-view.js';
import { checkToken, fingerprint, rememberToken } from './client-tokens.js';
import { clusterRoleNotYetSeen, nodeRoleNotYetSeen } from './eks-iam.js';
import { creatableOn, defaultVersionOn, describeClusterVersions } from './eks-versions.js';
import type { CallerScope } from './moto-client.js';
import { eksError, jsonAnswer, type Handler, type ProxyAnswer } from './proxy-types.js';
import type { ClusterMemo, NodegroupMemo } from './timeline.js';
import { page, parseBody, relay } from './eks-http.js';
import { accessRoutes, bootstrapCreatorEntry } from './eks-access.js';
import { addonRoutes } from './eks-addons.js';
import { subnetsOutsideClusterVpc } from './eks-subnets.js';
import { updateRoutes } from './eks-updates.js';

const enc = encodeURIComponent;

/**
 * The EKS REST-JSON routes the sandbox reshapes; everything else goes to moto
 * unchanged.
 */
export function eksHandler(view: EksView): Handler {
  const { moto, memory, timeline, behaviours } = view;

  async function listClusters(scope: CallerScope, query: URLSearchParams): Promise<ProxyAnswer> {
    const { names, nextToken } = page(await view.clusterNames(scope), query);
    return jsonAnswer(200, { clusters: names, ...(nextToken ? { nextToken } : {}) });
  }

  async function createCluster(scope: CallerScope, body: Json): Promise<ProxyAnswer> {
    const name = String(body.name);
    if (view.deletingCluster(scope.region, name)) {
      return eksError(409, 'ResourceInUseException', `Cluster already exists with name: ${name}`, { clusterName: name });
    }
    const print = fingerprint(body, 'clientRequestToken');
    const token = checkToken(behaviours, memory, scope, 'CreateCluster', body.clientRequestToken, print, 'eks');
    if (token.kind === 'mismatch') return token.answer;
    if (token.kind === 'replay') return relay(await view.describeCluster(scope, token.answer));
    const version = String(body.version ?? defaultVersionOn(timeline.now()));
    if (!creatableOn(version, timeline.now())) {
      return eksError(400, 'InvalidParameterException', `unsupported Kubernetes version ${version}`, { clusterName: name });
    }
    const unseenRole = clusterRoleNotYetSeen(view, scope, body.roleArn, name);
    if (unseenRole) return unseenRole;
    const answer = await moto.eks(scope, 'POST', '/clusters', { ...body, version });
    if (answer.status !== 200 || !answer.json?.cluster) return relay(answer);
    rememberToken(memory, scope, 'CreateCluster', body.clientRequestToken, print, name);
    const memo: ClusterMemo = {
      region: scope.region,
      name,
      accessKeyId: scope.accessKeyId,
      createdAt: timeline.now(),
      request: {
        version,
        accessConfig: {
          authenticationMode: String(body.accessConfig?.authenticationMode ?? 'CONFIG_MAP'),
          bootstrapClusterCreatorAdminPermissions: body.accessConfig?.bootstrapClusterCreatorAdminPermissions ?? true,
        },
        upgradePolicy: { supportType: String(body.upgradePolicy?.supportType ?? 'EXTENDED') },
        serviceIpv4Cidr: body.kubernetesNetworkConfig?.serviceIpv4Cidr,
        bootstrapSelfManagedAddons: body.bootstrapSelfManagedAddons ?? true,
      },
    };
    memo.subnetIds = (body.resourcesVpcConfig?.subnetIds ?? []).map(String);
    const firstSubnet: string | undefined = body.resourcesVpcConfig?.subnetIds?.[0];
    memo.vpcId = firstSubnet ? (await view.subnets(scope, [firstSubnet]))[0]?.vpcId : undefined;
    if (memo.vpcId) {
      memo.securityGroupId = await createClusterSecurityGroup(moto, scope, { name, vpcId: memo.vpcId, tags: body.tags ?? {} });
    }
    memory.setCluster(memo);
    await bootstrapCreatorEntry(view, scope, memo, answer.json.cluster.arn);
    return jsonAnswer(200, { cluster: await view.patchCluster(scope, answer.json.cluster) });
  }

  async function deleteCluster(scope: CallerScope, name: string): Promise<ProxyAnswer> {
    if (view.deletingCluster(scope.region, name)) {
      return eksError(409, 'ResourceInUseException', `Cluster ${name} is already being deleted.`, { clusterName: name });
    }
    const current = await view.describeCluster(scope, name);
    if (current.status !== 200) return relay(current);
    // moto forgets node groups at once; EKS keeps them until they are deleted.
    const stillDeleting = memory
      .nodegroupsOf(scope.region, name)
      .filter((memo) => view.nodegroupLifecycle(memo) === 'deleting')
      .map((memo) => memo.name);
    if (stillDeleting.length > 0) {
      return eksError(409, 'ResourceInUseException', 'Cluster has nodegroups attached', {
        clusterName: name,
        nodegroupName: stillDeleting.join(','),
      });
    }
    const answer = await moto.eks(scope, 'DELETE', `/clusters/${enc(name)}`);
    if (answer.status !== 200) return relay(answer);
    const memo = memory.cluster(scope.region, name) ?? { region: scope.region, name, accessKeyId: scope.accessKeyId };
    memo.deletedAt = timeline.now();
    memo.lastSeen = { ...current.json?.cluster, status: 'DELETING' };
    memory.setCluster(memo);
    return jsonAnswer(200, { cluster: memo.lastSeen });
  }

  async function listNodegroups(scope: CallerScope, clusterName: string, query: URLSearchParams): Promise<ProxyAnswer> {
    if (!view.deletingCluster(scope.region, clusterName)) {
      const check = await moto.eks(scope, 'GET', `/clusters/${enc(clusterName)}/node-groups?maxResults=1`);
      if (check.status !== 200) return relay(check);
    }
    const { names, nextToken } = page(await view.nodegroupNames(scope, clusterName), query);
    return jsonAnswer(200, { nodegroups: names, ...(nextToken ? { nextToken } : {}) });
  }

  async function createNodegroup(scope: CallerScope, clusterName: string, body: Json): Promise<ProxyAnswer> {
    const cluster = await view.describeCluster(scope, clusterName);
    if (cluster.status === 200 && cluster.json?.cluster?.status !== 'ACTIVE') {
      return eksError(400, 'InvalidRequestException', `Cluster '${clusterName}' is not in ACTIVE status`, { clusterName });
    }
    const name = String(body.nodegroupName);
    const print = fingerprint(body, 'clientRequestToken');
    const operation = `CreateNodegroup ${clusterName}`;
    const token = checkToken(behaviours, memory, scope, operation, body.clientRequestToken, print, 'eks');
    if (token.kind === 'mismatch') return token.answer;
    if (token.kind === 'replay') return relay(await view.describeNodegroup(scope, clusterName, token.answer));
    if (view.deletingNodegroup(scope.region, clusterName, name)) {
      return eksError(409, 'ResourceInUseException', `NodeGroup already exists with name ${name} and cluster name ${clusterName}`, {
        clusterName,
        nodegroupName: name,
      });
    }
    if (cluster.status === 200) {
      const vpcId = cluster.json?.cluster?.resourcesVpcConfig?.vpcId ?? memory.cluster(scope.region, clusterName)?.vpcId;
      const outside = await subnetsOutsideClusterVpc(view, scope, { name: clusterName, vpcId }, name, body.subnets);
      if (outside) return outside;
      const unseenRole = nodeRoleNotYetSeen(view, scope, body.nodeRole, clusterName, name);
      if (unseenRole) return unseenRole;
    }
    const answer = await moto.eks(scope, 'POST', `/clusters/${enc(clusterName)}/node-groups`, body);
    if (answer.status !== 200 || !answer.json?.nodegroup) return relay(answer);
    rememberToken(memory, scope, operation, body.clientRequestToken, print, name);
    const memo: NodegroupMemo = {
      region: scope.region,
      clusterName,
      name,
      createdAt: timeline.now(),
      request: {
        // A node group made without a version gets the control plane's of that moment, and keeps it.
        version: body.version ?? cluster.json?.cluster?.version,
        releaseVersion: body.releaseVersion,
        amiType: body.amiType,
        remoteAccess: body.remoteAccess !== undefined && body.remoteAccess !== null,
      },
    };
    memory.setNodegroup(memo);
    return jsonAnswer(200, { nodegroup: await view.patchNodegroup(scope, answer.json.nodegroup) });
  }

  async function deleteNodegroup(scope: CallerScope, clusterName: string, name: string): Promise<ProxyAnswer> {
    if (view.deletingNodegroup(scope.region, clusterName, name)) {
      return eksError(409, 'ResourceInUseException', `Nodegroup ${name} is already being deleted.`, { clusterName, nodegroupName: name });
    }
    const current = await view.describeNodegroup(scope, clusterName, name);
    if (current.status !== 200) return relay(current);
    const answer = await moto.eks(scope, 'DELETE', `/clusters/${enc(clusterName)}/node-groups/${enc(name)}`);
    if (answer.status !== 200) return relay(answer);
    const memo = memory.nodegroup(scope.region, clusterName, name) ?? { region: scope.region, clusterName, name };
    memo.deletedAt = timeline.now();
    memo.lastSeen = { ...current.json?.nodegroup, status: 'DELETING' };
    memory.setNodegroup(memo);
    return jsonAnswer(200, { nodegroup: memo.lastSeen });
  }

  return async (request) => {
    const { method, scope, url } = request;
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return undefined;
    }
    const [root, clusterName, sub, nodegroupName] = segments;
    if (root === 'cluster-versions' && segments.length === 1 && method === 'GET') {
      return jsonAnswer(200, describeClusterVersions(url.searchParams, timeline.now()));
    }
    const extraBody = method === 'POST' ? parseBody(request) : undefined;
    for (const routes of [addonRoutes, accessRoutes, updateRoutes]) {
      const answer = await routes(view, request, segments, extraBody);
      if (answer) return answer;
    }
    if (root !== 'clusters') return undefined;
    if (segments.length === 1) {
      if (method === 'GET') return listClusters(scope, url.searchParams);
      const body = parseBody(request);
      if (method === 'POST' && body?.name) return createCluster(scope, body);
      return undefined;
    }
    if (clusterName === undefined) return undefined;
    if (segments.length === 2) {
      if (method === 'GET') return relay(await view.describeCluster(scope, clusterName));
      if (method === 'DELETE') return deleteCluster(scope, clusterName);
      return undefined;
    }
    if (sub !== 'node-groups') return undefined;
    if (segments.length === 3) {
      if (method === 'GET') return listNodegroups(scope, clusterName, url.searchParams);
      const body = parseBody(request);
      if (method === 'POST' && body?.nodegroupName) return createNodegroup(scope, clusterName, body);
      return undefined;
    }
    if (segments.length === 4 && nodegroupName !== undefined) {
      if (method === 'GET') return relay(await view.describeNodegroup(scope, clusterName, nodegroupName));
      if (method === 'DELETE') return deleteNodegroup(scope, clusterName, nodegroupName);
    }
    return undefined;
  };
}
