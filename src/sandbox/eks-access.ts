import { randomUUID } from 'node:crypto';
import { checkToken, fingerprint, rememberToken } from './client-tokens.js';
import { accountOf, type EksRoutes, epochSeconds, page, relay } from './eks-http.js';
import type { EksView, Json } from './eks-view.js';
import { unsignedAuthorization, type CallerScope } from './moto-client.js';
import { eksError, jsonAnswer, type ProxyAnswer } from './proxy-types.js';
import type { AccessEntryMemo, ClusterMemo } from './timeline.js';
import { childText, parseXml } from './xml.js';

/**
 * Access entries, which moto lacks: who may use a cluster's Kubernetes API
 * (CreateAccessEntry, ListAccessEntries, DescribeAccessEntry,
 * AssociateAccessPolicy, ListAssociatedAccessPolicies,
 * DisassociateAccessPolicy, DeleteAccessEntry), kept in the sandbox's Memory.
 * A cluster made with bootstrapClusterCreatorAdminPermissions (the default) in
 * a mode that allows access entries gets its creator's entry with
 * AmazonEKSClusterAdminPolicy, as EKS makes it.
 */

export const CLUSTER_ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
const ENTRY_MODES = ['API', 'API_AND_CONFIG_MAP'];

/** The IAM principal a set of keys stands for, as moto's STS says; an assumed-role session becomes its role. */
export async function callerPrincipal(view: EksView, scope: CallerScope): Promise<string> {
  const answer = await view.moto.send({
    method: 'POST',
    path: '/',
    headers: {
      host: `sts.${scope.region}.amazonaws.com`,
      authorization: unsignedAuthorization(scope, 'sts'),
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-15'),
  });
  let arn = '';
  try {
    arn = childText(parseXml(answer.body.toString('utf8')).children[0], 'Arn');
  } catch {
    // No readable answer: the default principal below.
  }
  const session = /^arn:aws:sts::(\d+):assumed-role\/([^/]+)\//.exec(arn);
  return session ? `arn:aws:iam::${session[1]}:role/${session[2]}` : arn || 'arn:aws:iam::123456789012:user/moto';
}

function defaultUsername(principalArn: string): string {
  const role = /^arn:aws:iam::(\d+):role\/(?:.*\/)?([^/]+)$/.exec(principalArn);
  return role ? `arn:aws:sts::${role[1]}:assumed-role/${role[2]}/{{SessionName}}` : principalArn;
}

function newEntry(region: string, clusterName: string, account: string, principalArn: string, body: Json): AccessEntryMemo {
  const kind = principalArn.includes(':role/') ? 'role' : 'user';
  const name = principalArn.slice(principalArn.lastIndexOf('/') + 1);
  return {
    region,
    clusterName,
    principalArn,
    accessEntryArn: `arn:aws:eks:${region}:${account}:access-entry/${clusterName}/${kind}/${account}/${name}/${randomUUID()}`,
    kubernetesGroups: (body.kubernetesGroups ?? []).map(String),
    username: String(body.username ?? defaultUsername(principalArn)),
    type: String(body.type ?? 'STANDARD'),
    tags: body.tags ?? {},
    createdAt: Date.now(),
    policies: [],
  };
}

/** The creator's entry, made once when the cluster's create request asked for it. */
export async function bootstrapCreatorEntry(view: EksView, scope: CallerScope, memo: ClusterMemo, clusterArn: unknown): Promise<void> {
  const access = memo.request?.accessConfig;
  if (!access?.bootstrapClusterCreatorAdminPermissions || !ENTRY_MODES.includes(access.authenticationMode)) return;
  const principalArn = await callerPrincipal(view, scope);
  const entry = newEntry(scope.region, memo.name, accountOf(clusterArn), principalArn, {});
  entry.createdAt = view.timeline.now();
  entry.policies.push({ policyArn: CLUSTER_ADMIN_POLICY, accessScope: { type: 'cluster', namespaces: [] }, associatedAt: entry.createdAt });
  view.memory.setAccessEntry(entry);
}

function entryJson(memo: AccessEntryMemo): Json {
  return {
    clusterName: memo.clusterName,
    principalArn: memo.principalArn,
    kubernetesGroups: memo.kubernetesGroups,
    accessEntryArn: memo.accessEntryArn,
    createdAt: epochSeconds(memo.createdAt),
    modifiedAt: epochSeconds(memo.createdAt),
    tags: memo.tags,
    username: memo.username,
    type: memo.type,
  };
}

function policyJson(policy: AccessEntryMemo['policies'][number]): Json {
  return {
    policyArn: policy.policyArn,
    accessScope: { type: policy.accessScope.type, namespaces: policy.accessScope.namespaces ?? [] },
    associatedAt: epochSeconds(policy.associatedAt),
    modifiedAt: epochSeconds(policy.associatedAt),
  };
}

const noEntry = (): ProxyAnswer =>
  eksError(
    404,
    'ResourceNotFoundException',
    "The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.",
  );

/** The access-entry routes under /clusters/{name}/access-entries. */
export const accessRoutes: EksRoutes = async (view, { method, scope, url }, segments, body) => {
  const [root, clusterName, sub, principalArn, policies, policyArn, extra] = segments;
  if (root !== 'clusters' || clusterName === undefined || sub !== 'access-entries' || extra !== undefined) return undefined;
  const cluster = await view.describeCluster(scope, clusterName);
  if (cluster.status !== 200) return relay(cluster);
  const { memory, timeline } = view;
  const mode = String(cluster.json?.cluster?.accessConfig?.authenticationMode ?? 'CONFIG_MAP');
  if (!ENTRY_MODES.includes(mode)) {
    return eksError(
      400,
      'InvalidRequestException',
      "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
      { clusterName },
    );
  }
  if (principalArn === undefined) {
    if (method === 'GET') {
      const arns = memory
        .accessEntriesOf(scope.region, clusterName)
        .map((e) => e.principalArn)
        .sort();
      const { names, nextToken } = page(arns, url.searchParams);
      return jsonAnswer(200, { accessEntries: names, ...(nextToken ? { nextToken } : {}) });
    }
    if (method !== 'POST' || !body?.principalArn) return undefined;
    const arn = String(body.principalArn);
    const operation = `CreateAccessEntry ${clusterName}`;
    const print = fingerprint(body, 'clientRequestToken');
    const token = checkToken(view.behaviours, memory, scope, operation, body.clientRequestToken, print, 'eks');
    if (token.kind === 'mismatch') return token.answer;
    const existing = memory.accessEntry(scope.region, clusterName, arn);
    if (existing && token.kind === 'replay') return jsonAnswer(200, { accessEntry: entryJson(existing) });
    if (existing) {
      return eksError(409, 'ResourceInUseException', 'The specified access entry resource is already in use on this cluster.', {
        clusterName,
      });
    }
    const entry = newEntry(scope.region, clusterName, accountOf(cluster.json?.cluster?.arn), arn, body);
    entry.createdAt = timeline.now();
    memory.setAccessEntry(entry);
    rememberToken(memory, scope, operation, body.clientRequestToken, print, arn);
    return jsonAnswer(200, { accessEntry: entryJson(entry) });
  }
  const entry = memory.accessEntry(scope.region, clusterName, principalArn);
  if (!entry) return noEntry();
  if (policies === undefined) {
    if (method === 'GET') return jsonAnswer(200, { accessEntry: entryJson(entry) });
    if (method === 'DELETE') {
      memory.removeAccessEntry(entry);
      return jsonAnswer(200, {});
    }
    return undefined;
  }
  if (policies !== 'access-policies') return undefined;
  if (policyArn === undefined) {
    if (method === 'GET') {
      return jsonAnswer(200, { clusterName, principalArn, associatedAccessPolicies: entry.policies.map(policyJson) });
    }
    if (method !== 'POST' || !body?.policyArn) return undefined;
    const policy = {
      policyArn: String(body.policyArn),
      accessScope: { type: String(body.accessScope?.type ?? 'cluster'), namespaces: (body.accessScope?.namespaces ?? []).map(String) },
      associatedAt: timeline.now(),
    };
    entry.policies = [...entry.policies.filter((p) => p.policyArn !== policy.policyArn), policy];
    memory.setAccessEntry(entry);
    return jsonAnswer(200, { clusterName, principalArn, associatedAccessPolicy: policyJson(policy) });
  }
  if (method !== 'DELETE') return undefined;
  entry.policies = entry.policies.filter((p) => p.policyArn !== policyArn);
  memory.setAccessEntry(entry);
  return jsonAnswer(200, {});
};
