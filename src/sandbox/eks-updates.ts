import { randomUUID } from 'node:crypto';
import { checkToken, fingerprint, rememberToken } from './client-tokens.js';
import { type EksRoutes, epochSeconds, relay } from './eks-http.js';
import { creatableOn } from './eks-versions.js';
import type { EksView, Json } from './eks-view.js';
import type { CallerScope } from './moto-client.js';
import { eksError, jsonAnswer, type ProxyAnswer } from './proxy-types.js';
import type { UpdateMemo } from './timeline.js';

/**
 * Version upgrades, which moto lacks: UpdateClusterVersion (one minor at a
 * time, refused while a managed node group is behind the control plane's
 * minor, as EKS refuses it, unless `force` is set),
 * UpdateNodegroupVersion (never newer than the control plane), DescribeUpdate
 * and ListUpdates. The cluster or node group is UPDATING until the update's
 * time is up; the settler then moves it to the new version.
 */

const minor = (version: string): number => Number(String(version).split('.')[1] ?? NaN);

export function updateInProgress(view: EksView, memo: UpdateMemo): boolean {
  return view.timeline.now() < memo.createdAt + view.timeline.durationMs(memo.nodegroupName ? 'nodegroupUpdate' : 'clusterUpdate');
}

/** The update still running on a cluster itself (nodegroup undefined) or on one of its node groups. */
export function runningUpdate(view: EksView, region: string, clusterName: string, nodegroupName?: string): UpdateMemo | undefined {
  return view.memory.updatesOf(region, clusterName).find((u) => u.nodegroupName === nodegroupName && updateInProgress(view, u));
}

function updateJson(view: EksView, memo: UpdateMemo): Json {
  return {
    id: memo.id,
    status: updateInProgress(view, memo) ? 'InProgress' : 'Successful',
    type: 'VersionUpdate',
    params: memo.params,
    createdAt: epochSeconds(memo.createdAt),
    errors: [],
  };
}

function startUpdate(view: EksView, scope: CallerScope, fields: Omit<UpdateMemo, 'region' | 'id' | 'createdAt'>): UpdateMemo {
  const memo: UpdateMemo = { region: scope.region, id: randomUUID(), createdAt: view.timeline.now(), ...fields };
  view.memory.setUpdate(memo);
  return memo;
}

/**
 * What every update call checks first. Its idempotency token: reused with
 * other parameters, EKS's refusal; reused with the same, the update it started
 * then. Then the cluster or node group (`subject`, as EKS names it) must be
 * ACTIVE. Else the request's fingerprint, to remember with the update this call starts.
 */
function updateToken(
  view: EksView,
  scope: CallerScope,
  clusterName: string,
  operation: string,
  body: Json,
  subject: { label: string; status: unknown; fields?: Json },
): { answer: ProxyAnswer } | { print: string } {
  const print = fingerprint(body, 'clientRequestToken');
  const token = checkToken(view.behaviours, view.memory, scope, operation, body.clientRequestToken, print, 'eks');
  if (token.kind === 'mismatch') return { answer: token.answer };
  const replayed =
    token.kind === 'replay' ? view.memory.updatesOf(scope.region, clusterName).find((u) => u.id === token.answer) : undefined;
  if (replayed) return { answer: jsonAnswer(200, { update: updateJson(view, replayed) }) };
  if (subject.status !== 'ACTIVE') {
    const message = `${subject.label} is in ${String(subject.status)} state and cannot be updated.`;
    return { answer: eksError(409, 'ResourceInUseException', message, { clusterName, ...subject.fields }) };
  }
  return { print };
}

async function updateClusterVersion(view: EksView, scope: CallerScope, clusterName: string, body: Json): Promise<ProxyAnswer> {
  const described = await view.describeCluster(scope, clusterName);
  if (described.status !== 200) return relay(described);
  const cluster = described.json!.cluster as Json;
  const operation = `UpdateClusterVersion ${clusterName}`;
  const token = updateToken(view, scope, clusterName, operation, body, { label: `Cluster ${clusterName}`, status: cluster.status });
  if ('answer' in token) return token.answer;
  const { print } = token;
  const current = String(cluster.version);
  const target = String(body.version ?? '');
  if (target === current) {
    return eksError(400, 'InvalidParameterException', `The cluster is already at the desired configuration with version: ${current}`, {
      clusterName,
    });
  }
  if (minor(target) !== minor(current) + 1 || !creatableOn(target, view.timeline.now())) {
    return eksError(400, 'InvalidParameterException', `Unsupported Kubernetes minor version update from ${current} to ${target}`, {
      clusterName,
    });
  }
  if (body.force !== true) {
    // EKS asks that managed node groups be on the control plane's minor before the next control-plane upgrade.
    const behind = (await view.nodegroups(scope, clusterName)).filter((ng) => minor(String(ng.version)) < minor(current));
    if (behind.length > 0) {
      return eksError(
        400,
        'InvalidRequestException',
        `Nodegroups ${behind.map((ng) => `${ng.nodegroupName} (${ng.version})`).join(', ')} must be updated to match cluster version ${current} before updating cluster version`,
        { clusterName },
      );
    }
  }
  const update = startUpdate(view, scope, {
    clusterName,
    version: target,
    params: [
      { type: 'Version', value: target },
      { type: 'PlatformVersion', value: 'eks.1' },
    ],
  });
  rememberToken(view.memory, scope, operation, body.clientRequestToken, print, update.id);
  return jsonAnswer(200, { update: updateJson(view, update) });
}

async function updateNodegroupVersion(
  view: EksView,
  scope: CallerScope,
  clusterName: string,
  name: string,
  body: Json,
): Promise<ProxyAnswer> {
  const described = await view.describeNodegroup(scope, clusterName, name);
  if (described.status !== 200) return relay(described);
  const nodegroup = described.json!.nodegroup as Json;
  const cluster = await view.describeCluster(scope, clusterName);
  const clusterVersion = String(cluster.json?.cluster?.version ?? nodegroup.version);
  const operation = `UpdateNodegroupVersion ${clusterName}/${name}`;
  const subject = { label: `Nodegroup ${name}`, status: nodegroup.status, fields: { nodegroupName: name } };
  const token = updateToken(view, scope, clusterName, operation, body, subject);
  if ('answer' in token) return token.answer;
  const { print } = token;
  const target = String(body.version ?? clusterVersion);
  if (minor(target) > minor(clusterVersion)) {
    return eksError(
      400,
      'InvalidParameterException',
      `Requested Nodegroup version ${target} is not supported: it cannot be newer than the cluster version ${clusterVersion}.`,
      { clusterName, nodegroupName: name },
    );
  }
  const update = startUpdate(view, scope, {
    clusterName,
    nodegroupName: name,
    version: target,
    releaseVersion: body.releaseVersion,
    params: [
      { type: 'Version', value: target },
      ...(body.releaseVersion ? [{ type: 'ReleaseVersion', value: String(body.releaseVersion) }] : []),
    ],
  });
  rememberToken(view.memory, scope, operation, body.clientRequestToken, print, update.id);
  return jsonAnswer(200, { update: updateJson(view, update) });
}

/** /clusters/{name}/updates[/{id}] and /clusters/{name}/node-groups/{ng}/update-version. */
export const updateRoutes: EksRoutes = async (view, { method, scope, url }, segments, body) => {
  const [root, clusterName, sub, id, action] = segments;
  if (root !== 'clusters' || clusterName === undefined) return undefined;
  if (sub === 'node-groups' && id !== undefined && action === 'update-version' && segments.length === 5 && method === 'POST') {
    return updateNodegroupVersion(view, scope, clusterName, id, body ?? {});
  }
  if (sub !== 'updates' || segments.length > 4) return undefined;
  if (id === undefined) {
    if (method === 'POST' && body?.version) return updateClusterVersion(view, scope, clusterName, body);
    if (method !== 'GET') return undefined;
    const described = await view.describeCluster(scope, clusterName);
    if (described.status !== 200) return relay(described);
    const nodegroupName = url.searchParams.get('nodegroupName') ?? undefined;
    const ids = view.memory
      .updatesOf(scope.region, clusterName)
      .filter((u) => u.nodegroupName === nodegroupName)
      .map((u) => u.id);
    return jsonAnswer(200, { updateIds: ids });
  }
  if (method !== 'GET') return undefined;
  const nodegroupName = url.searchParams.get('nodegroupName') ?? undefined;
  const update = view.memory.updatesOf(scope.region, clusterName).find((u) => u.id === id && u.nodegroupName === nodegroupName);
  if (!update) return eksError(404, 'ResourceNotFoundException', `No update found for ID: ${id}`, { clusterName });
  return jsonAnswer(200, { update: updateJson(view, update) });
};
