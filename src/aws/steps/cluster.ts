import { CreateClusterCommand, DescribeClusterCommand, ResourceNotFoundException, type Cluster } from '@aws-sdk/client-eks';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { cliCommand } from '../cli-command.js';
import { PRICES } from '../cost.js';
import { ensureNamed } from '../ensure.js';
import { tagMap, tutorTags } from '../tags.js';
import { clientToken } from '../tokens.js';
import type { Check, PlanContext, Step, StepContext } from '../types.js';
import { resolveVersion } from '../versions.js';
import { NOT_LISTED_YET_MS } from '../retry.js';
import { EXPECTED, POLL_DELAY, waitFor } from '../wait.js';
import { CLUSTER_ROLE_KEY, clusterRoleSpec } from './cluster-role.js';
import { subnetKey } from './vpc-requests.js';

export const CLUSTER_KEY = 'cluster';
export const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

/** Raised when EKS refuses an AZ; the engine rebuilds the VPC in the zones it names. */
export class UnsupportedZonesError extends TutorError {
  readonly validZones: string[];
  constructor(validZones: string[], cause: unknown) {
    super(
      'AWS',
      text(
        `EKS does not accept one of the chosen availability zones here; it accepts ${validZones.join(', ')}.`,
        `選んだアベイラビリティーゾーンの一部は EKS で使えません。使えるのは ${validZones.join(', ')} です。`,
      ),
      cause,
    );
    this.validZones = validZones;
  }
}

function subnetIds(ctx: Pick<StepContext, 'ledger' | 'config'>, placeholders: boolean): string[] {
  const ids: string[] = [];
  for (let i = 0; i < ctx.config.azs; i++) {
    for (const tier of ['public', 'private'] as const) {
      const id = ctx.ledger.get(subnetKey(tier, i))?.id;
      if (id) ids.push(id);
      else if (placeholders) ids.push(`<subnet-${tier}-${i}>`);
    }
  }
  return ids;
}

export interface ClusterRequestOptions {
  /** The idempotency token; the plan shows a placeholder. */
  token?: string;
  /** EXTENDED only for a version already in extended support (EKS accepts nothing else there). */
  supportType?: 'STANDARD' | 'EXTENDED';
}

export function createClusterRequest(
  ctx: Pick<StepContext, 'ledger' | 'config'>,
  version: string,
  accountId?: string,
  options: ClusterRequestOptions = {},
) {
  const { config } = ctx;
  const roleArn =
    ctx.ledger.get(CLUSTER_ROLE_KEY)?.id ?? `arn:aws:iam::${accountId ?? '<account-id>'}:role/${clusterRoleSpec(config.clusterName).name}`;
  return {
    name: config.clusterName,
    version,
    roleArn,
    resourcesVpcConfig: { subnetIds: subnetIds(ctx, true), endpointPublicAccess: true, endpointPrivateAccess: true },
    logging: { clusterLogging: [{ types: [...LOG_TYPES], enabled: config.logging }] },
    // Set explicitly: the API's defaults (CONFIG_MAP, EXTENDED support) are not the console's.
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' as const, bootstrapClusterCreatorAdminPermissions: true },
    upgradePolicy: { supportType: options.supportType ?? ('STANDARD' as const) },
    tags: tagMap(tutorTags(config.clusterName, CLUSTER_KEY, config.clusterName)),
    clientRequestToken: options.token ?? '<client-token>',
  };
}

/**
 * The version to send: resolved once per run (before the plan is shown, when
 * the front end asks the engine) and remembered in the ledger for later runs.
 */
export async function chooseVersion(ctx: StepContext): Promise<string> {
  if (!ctx.kubernetes) {
    ctx.kubernetes = await resolveVersion(ctx);
    if (ctx.kubernetes.note) ctx.emit({ type: 'note', text: ctx.kubernetes.note });
  }
  const resolved = ctx.kubernetes;
  if (ctx.ledger.facts.kubernetesVersion !== resolved.version) await ctx.ledger.setFacts({ kubernetesVersion: resolved.version });
  return resolved.version;
}

/** The version a plan shows: the resolved one, else what is known, else a placeholder (a dry run asks nobody). */
export function plannedVersion(ctx: Pick<PlanContext, 'config' | 'ledger' | 'kubernetes'>): string {
  return ctx.kubernetes?.version ?? ctx.config.kubernetesVersion ?? ctx.ledger.facts.kubernetesVersion ?? '<kubernetes-version>';
}

/** How old an answer may be for a read that follows another one moments later (a check right after the wait). */
export const RECENT_MS = 10_000;

const lastCluster = new WeakMap<StepContext['clients'], { name: string; at: number; cluster: Cluster | undefined }>();

/** DescribeCluster; with `maxAgeMs`, the answer of a call made within that time is reused instead of asking again. */
export async function describeCluster(
  ctx: Pick<StepContext, 'clients' | 'config'>,
  options: { maxAgeMs?: number } = {},
): Promise<Cluster | undefined> {
  const seen = lastCluster.get(ctx.clients);
  if (options.maxAgeMs && seen && seen.name === ctx.config.clusterName && Date.now() - seen.at <= options.maxAgeMs) return seen.cluster;
  let cluster: Cluster | undefined;
  try {
    cluster = (await ctx.clients.eks.send(new DescribeClusterCommand({ name: ctx.config.clusterName }))).cluster;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException || (error as { name?: string }).name === 'ResourceNotFoundException')) throw error;
  }
  lastCluster.set(ctx.clients, { name: ctx.config.clusterName, at: Date.now(), cluster });
  return cluster;
}

/** EKS's own words for what went wrong: `code: message` of each health issue. */
export function healthReason(issues: { code?: string; message?: string }[] | undefined): string | undefined {
  const words = (issues ?? []).map((i) => [i.code, i.message].filter(Boolean).join(': ')).filter(Boolean);
  return words.length ? words.join('; ') : undefined;
}

export const clusterStep: Step = {
  number: 3,
  id: 'cluster',
  /** EKS refused an availability zone: step 2's subnets are rebuilt in the zones it names, and the cluster asked for again. */
  async recover(error, _ctx, engine) {
    if (!(error instanceof UnsupportedZonesError)) return 'fail';
    await engine.rebuildNetworkIn(error.validZones);
    return 'retry';
  },
  plan(ctx) {
    const input = createClusterRequest(ctx, plannedVersion(ctx), ctx.accountId, { supportType: ctx.kubernetes?.supportType ?? 'STANDARD' });
    return {
      step: 3,
      calls: [
        {
          service: 'eks',
          action: 'CreateCluster',
          input,
          cli: cliCommand('eks', 'CreateCluster', input, ctx.config.region),
          why: text(
            'EKS starts a control plane and places its network interfaces in the subnets.',
            'EKS がコントロールプレーンを起動し、そのネットワークインターフェイスをサブネットに配置します。',
          ),
        },
      ],
      hourlyCost: ctx.kubernetes?.clusterHourUsd ?? PRICES.clusterHour,
    };
  },

  async apply(ctx) {
    const name = ctx.config.clusterName;
    let version = '';
    await ensureNamed<Cluster>(ctx, {
      key: CLUSTER_KEY,
      kind: 'eks-cluster',
      step: 3,
      name,
      label: text('An EKS cluster', 'EKS クラスター'),
      // One being deleted is not there to adopt.
      describe: async () => {
        const cluster = await describeCluster(ctx);
        return cluster?.status === 'DELETING' ? undefined : cluster;
      },
      tags: (cluster) => cluster.tags,
      id: (cluster) => cluster.arn ?? name,
      details: { name },
      // The version is chosen (and may be refused) only for a cluster to be made, before its intent is recorded.
      ready: async () => {
        version = await chooseVersion(ctx);
        return { version };
      },
      create: async (intent) => {
        const request = createClusterRequest(ctx, version, undefined, {
          token: clientToken(name, CLUSTER_KEY, intent.intentAt),
          supportType: ctx.kubernetes?.supportType ?? 'STANDARD',
        });
        try {
          return (await ctx.clients.eks.send(new CreateClusterCommand(request))).cluster?.arn ?? name;
        } catch (error) {
          if ((error as { name?: string }).name !== 'UnsupportedAvailabilityZoneException') throw error;
          // Nothing was created: the intent goes, the engine rebuilds the subnets.
          await ctx.ledger.deleted(CLUSTER_KEY);
          throw new UnsupportedZonesError((error as { validZones?: string[] }).validZones ?? [], error);
        }
      },
    });
  },

  /** The control plane takes about nine minutes to become ACTIVE. */
  async settle(ctx) {
    const cluster = await waitFor<Cluster>(ctx, {
      key: CLUSTER_KEY,
      kind: 'eks-cluster',
      id: ctx.config.clusterName,
      read: () => describeCluster(ctx),
      status: (c) => c?.status ?? 'missing',
      done: (c) => c?.status === 'ACTIVE',
      failed: (c) => !c || c.status === 'FAILED' || c.status === 'DELETING',
      reason: (c) => healthReason(c?.health?.issues),
      notListedYetMs: NOT_LISTED_YET_MS,
      delayMs: POLL_DELAY.cluster,
      expectedMs: EXPECTED.clusterCreate,
      timeoutMs: 30 * 60_000,
    });
    if (cluster?.endpoint) {
      await ctx.ledger.created(CLUSTER_KEY, cluster.arn ?? ctx.config.clusterName, { endpoint: cluster.endpoint });
    }
  },

  async verify(ctx) {
    const cluster = await describeCluster(ctx, { maxAgeMs: RECENT_MS });
    const checks: Check[] = [];
    const add = (id: string, ok: boolean | undefined, en: string, ja: string, detail?: string) =>
      checks.push({
        id,
        ok: ok === true,
        ...(ok === undefined ? { unknown: true } : {}),
        label: text(en, ja),
        ...(detail ? { detail } : {}),
      });
    add(
      'cluster:active',
      cluster?.status === 'ACTIVE',
      'The cluster is ACTIVE',
      'クラスターが ACTIVE',
      cluster ? `${cluster.name} ${cluster.status}` : undefined,
    );
    if (!cluster) return checks;
    const roleArn = ctx.ledger.get(CLUSTER_ROLE_KEY)?.id;
    add(
      'cluster:role',
      cluster.roleArn === roleArn,
      'It uses the cluster role of step 1',
      'ステップ 1 のクラスターロールを使っている',
      cluster.roleArn,
    );
    const wanted = subnetIds(ctx, false).sort();
    const got = [...(cluster.resourcesVpcConfig?.subnetIds ?? [])].sort();
    add(
      'cluster:subnets',
      wanted.length > 0 && wanted.join() === got.join(),
      'It uses all subnets of step 2',
      'ステップ 2 のすべてのサブネットを使っている',
      got.join(', '),
    );
    add(
      'cluster:endpoint-access',
      cluster.resourcesVpcConfig?.endpointPublicAccess === true && cluster.resourcesVpcConfig?.endpointPrivateAccess === true,
      'The API endpoint is reachable publicly and from inside the VPC',
      'API エンドポイントにパブリックと VPC 内の両方からアクセスできる',
      cluster.endpoint,
    );
    const mode = cluster.accessConfig?.authenticationMode;
    add(
      'cluster:auth-mode',
      mode === undefined ? undefined : mode === 'API_AND_CONFIG_MAP',
      'Authentication mode is API_AND_CONFIG_MAP (access entries and aws-auth)',
      '認証モードが API_AND_CONFIG_MAP(アクセスエントリーと aws-auth の両方)',
      mode,
    );
    const support = cluster.upgradePolicy?.supportType;
    const wantedSupport = ctx.kubernetes?.supportType ?? 'STANDARD';
    add(
      'cluster:upgrade-policy',
      support === undefined ? undefined : support === wantedSupport,
      wantedSupport === 'STANDARD'
        ? 'Upgrade policy is STANDARD (no extended-support charge)'
        : 'Upgrade policy is EXTENDED (the version is already in extended support)',
      wantedSupport === 'STANDARD'
        ? 'アップグレードポリシーが STANDARD(延長サポート料金がかからない)'
        : 'アップグレードポリシーが EXTENDED(バージョンがすでに延長サポート中)',
      support,
    );
    const sgId = cluster.resourcesVpcConfig?.clusterSecurityGroupId;
    let sgFound: boolean | undefined;
    if (sgId) {
      const groups = await ctx.clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [sgId] })).catch(() => undefined);
      sgFound = Boolean(groups?.SecurityGroups?.length);
    }
    add(
      'cluster:security-group',
      sgFound,
      'EKS created the cluster security group',
      'EKS がクラスターセキュリティグループを作成した',
      sgId,
    );
    return checks;
  },
};
