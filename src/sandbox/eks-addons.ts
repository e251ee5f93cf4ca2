import { randomUUID } from 'node:crypto';
import { addonVersionsFor, describeAddonVersions, isAddonName } from './addon-versions.js';
import { checkToken, fingerprint, rememberToken } from './client-tokens.js';
import { accountOf, type EksRoutes, epochSeconds, page, relay } from './eks-http.js';
import type { EksView, Json } from './eks-view.js';
import type { CallerScope } from './moto-client.js';
import { eksError, jsonAnswer, type ProxyAnswer } from './proxy-types.js';
import type { AddonMemo } from './timeline.js';

/**
 * EKS add-ons, which moto lacks: CreateAddon, DescribeAddon, ListAddons,
 * DeleteAddon and DescribeAddonVersions, kept in the sandbox's Memory and moved
 * CREATING -> ACTIVE and DELETING -> gone on its clock.
 */

const STATUS = { creating: 'CREATING', active: 'ACTIVE', deleting: 'DELETING', gone: 'DELETED' } as const;

export function addonStatus(view: EksView, memo: AddonMemo): string {
  return STATUS[view.timeline.lifecycle(memo, 'addonCreate', 'addonDelete')];
}

/** An add-on that has not gone yet (forgetting it once it has). */
function liveAddon(view: EksView, region: string, clusterName: string, name: string): AddonMemo | undefined {
  const memo = view.memory.addon(region, clusterName, name);
  if (memo && addonStatus(view, memo) === 'DELETED') {
    view.memory.removeAddon(memo);
    return undefined;
  }
  return memo;
}

function addonJson(view: EksView, memo: AddonMemo): Json {
  return {
    addonName: memo.addonName,
    clusterName: memo.clusterName,
    status: addonStatus(view, memo),
    addonVersion: memo.addonVersion,
    health: { issues: [] },
    addonArn: memo.addonArn,
    createdAt: epochSeconds(memo.createdAt ?? view.timeline.now()),
    modifiedAt: epochSeconds(memo.deletedAt ?? memo.createdAt ?? view.timeline.now()),
    ...(memo.serviceAccountRoleArn ? { serviceAccountRoleArn: memo.serviceAccountRoleArn } : {}),
    ...(memo.configurationValues ? { configurationValues: memo.configurationValues } : {}),
    tags: memo.tags,
    podIdentityAssociations: [],
  };
}

const noAddon = (name: string, clusterName: string): ProxyAnswer =>
  eksError(404, 'ResourceNotFoundException', `No addon: ${name} found in cluster: ${clusterName}`, { clusterName, addonName: name });

async function createAddon(view: EksView, scope: CallerScope, clusterName: string, body: Json): Promise<ProxyAnswer> {
  const cluster = await view.describeCluster(scope, clusterName);
  if (cluster.status !== 200) return relay(cluster);
  const name = String(body.addonName ?? '');
  const operation = `CreateAddon ${clusterName}`;
  const print = fingerprint(body, 'clientRequestToken');
  const token = checkToken(view.behaviours, view.memory, scope, operation, body.clientRequestToken, print, 'eks');
  if (token.kind === 'mismatch') return token.answer;
  const existing = liveAddon(view, scope.region, clusterName, name);
  if (token.kind === 'replay' && existing) return jsonAnswer(200, { addon: addonJson(view, existing) });
  if (cluster.json?.cluster?.status !== 'ACTIVE') {
    return eksError(400, 'InvalidRequestException', `Cluster '${clusterName}' is not in ACTIVE status`, { clusterName });
  }
  const clusterVersion = String(cluster.json.cluster.version);
  const versions = isAddonName(name) ? addonVersionsFor(name, clusterVersion) : [];
  if (versions.length === 0) {
    return eksError(400, 'InvalidParameterException', `Addon ${name} specified is not supported in ${clusterVersion} kubernetes version`, {
      clusterName,
      addonName: name,
    });
  }
  const version = String(body.addonVersion ?? versions[0]);
  if (!versions.includes(version)) {
    return eksError(
      400,
      'InvalidParameterException',
      `Addon version ${version} specified is not supported in ${clusterVersion} kubernetes version`,
      {
        clusterName,
        addonName: name,
      },
    );
  }
  if (existing) return eksError(409, 'ResourceInUseException', 'Addon already exists.', { clusterName, addonName: name });
  const memo: AddonMemo = {
    region: scope.region,
    clusterName,
    addonName: name,
    addonVersion: version,
    addonArn: `arn:aws:eks:${scope.region}:${accountOf(cluster.json.cluster.arn)}:addon/${clusterName}/${name}/${randomUUID()}`,
    serviceAccountRoleArn: body.serviceAccountRoleArn,
    configurationValues: body.configurationValues,
    tags: body.tags ?? {},
    createdAt: view.timeline.now(),
  };
  view.memory.setAddon(memo);
  rememberToken(view.memory, scope, operation, body.clientRequestToken, print, name);
  return jsonAnswer(200, { addon: addonJson(view, memo) });
}

async function listAddons(view: EksView, scope: CallerScope, clusterName: string, query: URLSearchParams): Promise<ProxyAnswer> {
  const cluster = await view.describeCluster(scope, clusterName);
  if (cluster.status !== 200) return relay(cluster);
  const live = view.memory
    .addonsOf(scope.region, clusterName)
    .filter((memo) => liveAddon(view, scope.region, clusterName, memo.addonName))
    .map((memo) => memo.addonName)
    .sort();
  const { names, nextToken } = page(live, query);
  return jsonAnswer(200, { addons: names, ...(nextToken ? { nextToken } : {}) });
}

async function addonAction(
  view: EksView,
  scope: CallerScope,
  method: string,
  clusterName: string,
  name: string,
): Promise<ProxyAnswer | undefined> {
  const cluster = await view.describeCluster(scope, clusterName);
  if (cluster.status !== 200) return relay(cluster);
  const memo = liveAddon(view, scope.region, clusterName, name);
  if (!memo) return noAddon(name, clusterName);
  if (method === 'GET') return jsonAnswer(200, { addon: addonJson(view, memo) });
  if (method !== 'DELETE') return undefined;
  if (memo.deletedAt === undefined) {
    memo.deletedAt = view.timeline.now();
    view.memory.setAddon(memo);
  }
  return jsonAnswer(200, { addon: addonJson(view, memo) });
}

/** The add-on routes: /addons/supported-versions and /clusters/{name}/addons[/{addon}]. */
export const addonRoutes: EksRoutes = async (view, { method, scope, url }, segments, body) => {
  const [root, clusterName, sub, addonName, extra] = segments;
  if (root === 'addons' && clusterName === 'supported-versions' && segments.length === 2 && method === 'GET') {
    return jsonAnswer(200, describeAddonVersions(url.searchParams));
  }
  if (root !== 'clusters' || clusterName === undefined || sub !== 'addons' || extra !== undefined) return undefined;
  if (addonName === undefined) {
    if (method === 'GET') return listAddons(view, scope, clusterName, url.searchParams);
    if (method === 'POST' && body?.addonName) return createAddon(view, scope, clusterName, body);
    return undefined;
  }
  return addonAction(view, scope, method, clusterName, addonName);
};
