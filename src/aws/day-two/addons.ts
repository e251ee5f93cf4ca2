import { CreateAddonCommand, DescribeAddonCommand, DescribeAddonVersionsCommand, type Addon } from '@aws-sdk/client-eks';
import { TutorError } from '../../errors.js';
import type { ResourceKind } from '../../state/ledger.js';
import { text } from '../../text.js';
import { describeCluster } from '../steps/cluster.js';
import { isOurs, tagMap, tutorTags } from '../tags.js';
import { clientToken } from '../tokens.js';
import { ensureNamed } from '../ensure.js';
import type { Check } from '../types.js';
import { waitFor } from '../wait.js';
import { checkCni } from './cni-check.js';
import { notOffered, planned, send, type DayTwoContext, type Outcome } from './context.js';

/** The four add-ons the console and eksctl install as EKS add-ons, in the order they are made. */
export const ADDON_NAMES = ['vpc-cni', 'kube-proxy', 'coredns', 'eks-pod-identity-agent'] as const;
export type AddonName = (typeof ADDON_NAMES)[number];

export const addonKey = (name: string) => `addon/${name}`;
/** Not a kind the teardown registry lists: EKS deletes a cluster's add-ons with the cluster. */
export const ADDON_KIND = 'eks-addon' as ResourceKind;

/** About a minute on AWS; the aws CLI's addon-active waiter asks every 10 s. */
const ADDON_LIFE = { pollMs: 10_000, createMs: 60_000 };

const WHY: Record<AddonName, ReturnType<typeof text>> = {
  'vpc-cni': text(
    'aws-node, the VPC CNI: gives pods addresses from the node subnets. OVERWRITE takes over the self-managed DaemonSet EKS installed at creation.',
    'aws-node(VPC CNI): Pod にノードのサブネットのアドレスを渡します。OVERWRITE で、作成時に EKS が入れたセルフマネージドの DaemonSet を引き継ぎます。',
  ),
  'kube-proxy': text(
    'kube-proxy: programs each node for Service addresses. OVERWRITE takes over the self-managed DaemonSet.',
    'kube-proxy: 各ノードに Service のアドレスへの転送を設定します。OVERWRITE でセルフマネージドの DaemonSet を引き継ぎます。',
  ),
  coredns: text(
    'CoreDNS: the cluster DNS, two pods with VPC addresses. OVERWRITE takes over the self-managed Deployment.',
    'CoreDNS: クラスター内の DNS。VPC のアドレスを持つ 2 つの Pod です。OVERWRITE でセルフマネージドの Deployment を引き継ぎます。',
  ),
  'eks-pod-identity-agent': text(
    'The EKS Pod Identity agent: hands pods the credentials of the IAM role associated with their service account. A cluster made through the API has none.',
    'EKS Pod Identity エージェント: サービスアカウントに関連付けた IAM ロールの認証情報を Pod に渡します。API で作ったクラスターには入っていません。',
  ),
};

/** The newest add-on version EKS marks as the default for this Kubernetes version (DescribeAddonVersions). */
export async function compatibleVersion(ctx: DayTwoContext, name: AddonName, kubernetesVersion: string): Promise<string> {
  const input = { addonName: name, kubernetesVersion };
  const answer = await send(
    ctx,
    planned(
      ctx,
      'eks',
      'DescribeAddonVersions',
      input,
      text(
        `Which ${name} versions run on Kubernetes ${kubernetesVersion}.`,
        `Kubernetes ${kubernetesVersion} で動く ${name} のバージョン。`,
      ),
    ),
    () => ctx.clients.eks.send(new DescribeAddonVersionsCommand(input)),
  );
  const versions = (answer.addons ?? []).filter((a) => a.addonName === name).flatMap((a) => a.addonVersions ?? []);
  const fits = versions.filter((v) => v.compatibilities?.some((c) => c.clusterVersion === kubernetesVersion));
  const chosen = fits.find((v) => v.compatibilities?.some((c) => c.clusterVersion === kubernetesVersion && c.defaultVersion)) ?? fits[0];
  if (!chosen?.addonVersion) {
    throw new TutorError(
      'AWS',
      text(
        `EKS offers no ${name} version for Kubernetes ${kubernetesVersion}.`,
        `EKS には Kubernetes ${kubernetesVersion} 用の ${name} のバージョンがありません。`,
      ),
    );
  }
  return chosen.addonVersion;
}

export async function describeAddon(ctx: DayTwoContext, name: string): Promise<Addon | undefined> {
  try {
    return (await ctx.clients.eks.send(new DescribeAddonCommand({ clusterName: ctx.config.clusterName, addonName: name }))).addon;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw notOffered(ctx, 'DescribeAddon', error) ?? error;
  }
}

export function createAddonRequest(ctx: Pick<DayTwoContext, 'config'>, name: AddonName, version: string, token = '<client-token>') {
  return {
    clusterName: ctx.config.clusterName,
    addonName: name,
    addonVersion: version,
    resolveConflicts: 'OVERWRITE' as const,
    tags: tagMap(tutorTags(ctx.config.clusterName, addonKey(name), `${ctx.config.clusterName}-${name}`)),
    clientRequestToken: token,
  };
}

/** Makes the four EKS add-ons (or adopts those already made), recorded in the ledger like every create, and waits for ACTIVE. */
export async function createAddons(ctx: DayTwoContext): Promise<{ name: AddonName; version: string; status: string }[]> {
  const cluster = await describeCluster(ctx);
  if (cluster?.status !== 'ACTIVE' || !cluster.version) {
    throw new TutorError(
      'NOT_FOUND',
      text(
        'There is no ACTIVE cluster for this name: run `eks-basics-tutor up --through 5` first.',
        'この名前の ACTIVE なクラスターがありません。先に `eks-basics-tutor up --through 5` を実行してください。',
      ),
    );
  }
  const kubernetesVersion = cluster.version;
  const made: { name: AddonName; version: string }[] = [];
  for (const name of ADDON_NAMES) {
    const key = addonKey(name);
    let version = '';
    try {
      await ensureNamed<Addon>(ctx, {
        key,
        kind: ADDON_KIND,
        step: 5,
        name,
        label: text('An EKS add-on', 'EKS アドオン'),
        // One being deleted is not there to adopt: it is made again.
        describe: async () => {
          const existing = await describeAddon(ctx, name);
          if (existing?.addonVersion) version = existing.addonVersion;
          return existing?.status === 'DELETING' ? undefined : existing;
        },
        tags: (addon) => addon.tags,
        // Its tags, or the ledger: an add-on this build recorded is its own.
        ours: (addon) => isOurs(addon.tags, ctx.config.clusterName) || ctx.ledger.get(key)?.state === 'created',
        id: (addon) => addon.addonArn ?? name,
        details: { name },
        ready: async () => {
          version = await compatibleVersion(ctx, name, kubernetesVersion);
          return { version };
        },
        create: async (intent) => {
          const request = createAddonRequest(ctx, name, version, clientToken(ctx.config.clusterName, key, intent.intentAt));
          const answer = await send(ctx, { ...planned(ctx, 'eks', 'CreateAddon', request, WHY[name]) }, () =>
            ctx.clients.eks.send(new CreateAddonCommand(request)),
          );
          return answer.addon?.addonArn ?? name;
        },
      });
    } catch (error) {
      // Someone else's add-on of that name is left as it is, and the others are still made.
      if (!(error instanceof TutorError && error.code === 'NAME_TAKEN')) throw error;
      ctx.emit({
        type: 'note',
        text: text(
          `${name} is already an EKS add-on made by someone else: left as it is.`,
          `${name} は別の誰かが作った EKS アドオンです。そのままにします。`,
        ),
      });
      continue;
    }
    made.push({ name, version });
  }
  const results: { name: AddonName; version: string; status: string }[] = [];
  for (const { name, version } of made) {
    const addon = await waitFor<Addon>(ctx, {
      key: addonKey(name),
      kind: 'eks-addon',
      id: name,
      read: () => describeAddon(ctx, name),
      status: (a) => a?.status ?? 'missing',
      done: (a) => a?.status === 'ACTIVE',
      failed: (a) => !a || a.status === 'CREATE_FAILED' || a.status === 'DELETING',
      reason: (a) => (a?.health?.issues ?? []).map((i) => [i.code, i.message].filter(Boolean).join(': ')).join('; ') || undefined,
      notListedYetMs: 60_000,
      delayMs: ADDON_LIFE.pollMs,
      expectedMs: ADDON_LIFE.createMs,
      timeoutMs: 20 * 60_000,
    });
    results.push({ name, version: addon?.addonVersion ?? version, status: addon?.status ?? 'missing' });
  }
  return results;
}

/** `day-two addons`: the four EKS add-ons made and ACTIVE, then the VPC CNI seen at work. */
export async function addonsAction(ctx: DayTwoContext): Promise<Outcome> {
  const made = await createAddons(ctx);
  const checks: Check[] = made.map((a) => ({
    id: `addon:${a.name}`,
    ok: a.status === 'ACTIVE',
    label: text(`${a.name} is an EKS add-on, ACTIVE`, `${a.name} が EKS アドオンで ACTIVE`),
    detail: `${a.version} ${a.status}`,
  }));
  if (ctx.config.kubectl) checks.push(...(await checkCni(ctx)));
  return {
    reasoning: text(
      'A cluster made through the API gets vpc-cni, kube-proxy and CoreDNS as self-managed add-ons (bootstrapSelfManagedAddons defaults to true): they run, but EKS does not update them. As EKS add-ons, EKS tracks their version, offers updates (DescribeAddonVersions) and reports their health. resolveConflicts OVERWRITE lets EKS take over the fields the self-managed copies had set; without it, CreateAddon fails on the first field they disagree on.',
      'API で作ったクラスターでは、vpc-cni・kube-proxy・CoreDNS がセルフマネージドのアドオンとして入ります(bootstrapSelfManagedAddons の既定値は true)。動きはしますが、EKS は更新しません。EKS アドオンにすると、EKS がバージョンを管理し、更新を示し(DescribeAddonVersions)、状態を報告します。resolveConflicts の OVERWRITE で、セルフマネージドのものが設定していた項目を EKS が引き継ぎます。指定しないと、食い違う項目があった時点で CreateAddon が失敗します。',
    ),
    checks,
    next: text(
      'Next: `eks-basics-tutor day-two workload` deploys a first app behind a load balancer.',
      '次は `eks-basics-tutor day-two workload` で、最初のアプリをロードバランサーの後ろに置きます。',
    ),
  };
}
