import { text, type Text } from '../../text.js';
import type { ExecSpec, KubeconfigEntry } from '../../kube/kubeconfig.js';
import { kubeconfigPath } from '../../kube/kubeconfig-path.js';
import type { TutorConfig } from '../../config.js';
import type { Check, PlanContext, Step, StepContext } from '../types.js';
import { CLUSTER_KEY, RECENT_MS, describeCluster } from './cluster.js';

export const KUBECONFIG_KEY = 'kubeconfig';

/**
 * kubectl on the tutor's own cluster: step 4's kubeconfig file and, once step 4
 * has written it, its context by name, so a context the learner made current
 * since is neither read nor written. `--context` goes after the command's own
 * words (before a `--`), so the line shown still starts `kubectl get nodes`.
 * Returns the arguments it ran with, to show.
 */
export async function tutorKubectl(
  ctx: Pick<StepContext, 'ledger' | 'kubectl' | 'signal'>,
  args: string[],
): Promise<{ args: string[]; stdout: string; stderr: string; exitCode: number }> {
  const entry = ctx.ledger.get(KUBECONFIG_KEY);
  const path = entry?.details?.path;
  const ran = withContext(args, entry?.id);
  const result = await ctx.kubectl(ran, { ...(path ? { kubeconfig: path } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) });
  return { ...result, args: ran };
}

/** The arguments tutorKubectl runs: `--context <context>` after the command's own words (before a `--`). */
export function withContext(args: string[], context: string | undefined): string[] {
  if (!context) return args;
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  return [...args.slice(0, end), '--context', context, ...args.slice(end)];
}

/**
 * A plan's kubectl call as tutorKubectl will run it once step 4 has recorded
 * its context, which is named after the cluster's ARN (entryName).
 */
export function plannedKubectl(ctx: Pick<PlanContext, 'config' | 'ledger' | 'accountId'>, args: string[]): { args: string[]; cli: string } {
  const ran = withContext(args, ctx.ledger.get(KUBECONFIG_KEY)?.id ?? entryName(ctx));
  return { args: ran, cli: ['kubectl', ...ran].join(' ') };
}

/** The cluster's ARN names the cluster, user and context, as update-kubeconfig names them. */
export function entryName(ctx: Pick<PlanContext, 'config' | 'ledger' | 'accountId'>): string {
  const arn = ctx.ledger.get(CLUSTER_KEY)?.id;
  if (arn?.startsWith('arn:')) return arn;
  return `arn:aws:eks:${ctx.config.region}:${ctx.accountId ?? '<account-id>'}:cluster/${ctx.config.clusterName}`;
}

/** The profile the session used: --profile, else the environment's (as `aws eks update-kubeconfig` records it). */
export function sessionProfile(config: TutorConfig, processEnv: NodeJS.ProcessEnv = process.env): string | undefined {
  return config.profile ?? (processEnv.AWS_PROFILE || processEnv.AWS_DEFAULT_PROFILE || undefined);
}

/**
 * The exec plugin: kubectl runs `aws eks get-token` for a fresh token on every call.
 * It carries AWS_PROFILE whenever the session used a profile, so kubectl keeps
 * working from a shell where the profile is not exported. `env` is the sandbox's.
 */
export function execSpec(config: TutorConfig, env?: Record<string, string>, processEnv: NodeJS.ProcessEnv = process.env): ExecSpec {
  const profile = env ? undefined : sessionProfile(config, processEnv);
  const vars = [
    ...(profile ? [{ name: 'AWS_PROFILE', value: profile }] : []),
    ...Object.entries(env ?? {}).map(([name, value]) => ({ name, value })),
  ];
  return {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    command: 'aws',
    args: ['--region', config.region, 'eks', 'get-token', '--cluster-name', config.clusterName, '--output', 'json'],
    ...(vars.length ? { env: vars } : {}),
  };
}

function updateKubeconfigCli(config: TutorConfig): string {
  return [
    'aws eks update-kubeconfig --name',
    config.clusterName,
    '--region',
    config.region,
    ...(config.profile ? ['--profile', config.profile] : []),
  ].join(' ');
}

/** kubectl get svc must list the `kubernetes` service of the default namespace. */
export function listsKubernetesService(output: string): boolean {
  return output.split('\n').some((line) => /^kubernetes\s+ClusterIP\s/.test(line));
}

async function kubectlGetSvc(ctx: StepContext, path: string): Promise<string> {
  const result = await ctx.kubectl(['get', 'svc'], { kubeconfig: path, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  const output = (result.stdout + (result.exitCode === 0 ? '' : `\n${result.stderr}`)).trim();
  ctx.emit({ type: 'kubectl', args: ['get', 'svc'], output });
  return output;
}

/** What a re-run changed in an entry that was there: made current again, brought up to date, or both. */
function setRightNote(path: string, name: string, madeCurrent: boolean, rewritten: boolean): Text {
  const en = [
    rewritten ? `the tutor's entry ${name} was brought up to date (its endpoint, certificate or sign-in command had changed)` : '',
    madeCurrent ? `${name} is the current context again` : '',
  ].filter(Boolean);
  const ja = [
    rewritten
      ? `チューターのエントリー ${name} を最新の内容に更新しました(エンドポイント・証明書・サインインのコマンドのいずれかが変わっていました)`
      : '',
    madeCurrent ? `${name} を再び現在のコンテキストにしました` : '',
  ].filter(Boolean);
  return text(`kubeconfig ${path}: ${en.join('; ')}.`, `kubeconfig ${path}: ${ja.join('。')}。`);
}

export const kubeconfigStep: Step = {
  number: 4,
  id: 'kubeconfig',
  // The kubeconfig needs the cluster's endpoint and certificate: an ACTIVE cluster.
  needs: [3],
  plan(ctx) {
    const name = entryName(ctx);
    return {
      step: 4,
      calls: [
        {
          service: 'kubeconfig',
          action: 'UpdateKubeconfig',
          input: { file: kubeconfigPath(), cluster: name, context: name, user: name, exec: execSpec(ctx.config) },
          cli: updateKubeconfigCli(ctx.config),
          why: text(
            'Adds a cluster, a user and a context to your kubeconfig and makes the context current.',
            'kubeconfig にクラスター・ユーザー・コンテキストを追加し、そのコンテキストを現在のものにします。',
          ),
        },
        { service: 'kubectl', action: 'GetSvc', input: { args: ['get', 'svc'] }, cli: 'kubectl get svc' },
      ],
      hourlyCost: 0,
    };
  },

  async apply(ctx) {
    const cluster = await describeCluster(ctx, { maxAgeMs: RECENT_MS });
    const path = kubeconfigPath();
    const entry: KubeconfigEntry = {
      name: entryName(ctx),
      server: cluster?.endpoint ?? '',
      certificateAuthorityData: cluster?.certificateAuthority?.data ?? '',
      exec: execSpec(ctx.config, ctx.kubeconfigEnv),
    };
    const { mergeEntry, readEntry, readKubeconfig, useContext, writeKubeconfig } = await import('../../kube/kubeconfig.js');
    const source = await readKubeconfig(path);
    const merged = mergeEntry(source, entry);
    const before = source === undefined ? undefined : readEntry(source, entry.name);
    const known = ctx.ledger.get(KUBECONFIG_KEY);
    const recorded = known?.state === 'created' && known.id === entry.name && known.details?.path === path;
    // Only a change is written: an entry already as it should be (a re-run) leaves the file as it is.
    const changed = merged.text !== source;
    if (changed || !recorded) await ctx.ledger.intend(KUBECONFIG_KEY, 'kubeconfig', 4, { path });
    if (changed) await writeKubeconfig(path, merged.text);
    // Remember the context that was current before the tutor's, once: teardown puts it back.
    if (ctx.ledger.facts.kubeconfigPath !== path || ctx.ledger.facts.previousContext === undefined) {
      await ctx.ledger.setFacts({
        kubeconfigPath: path,
        previousContext: merged.previousContext === entry.name ? null : merged.previousContext,
      });
    }
    if (changed || !recorded) await ctx.ledger.created(KUBECONFIG_KEY, entry.name, { path });
    // News only: an entry written where there was none is created, one found that the ledger did not know is adopted,
    // and one set right again (another endpoint, or made current again) is said in a note.
    const report = (change: 'created' | 'adopted') =>
      ctx.emit({ type: 'resource', key: KUBECONFIG_KEY, kind: 'kubeconfig', id: path, change });
    if (!before) report('created');
    else if (!recorded) report('adopted');
    if (before && changed)
      ctx.emit({ type: 'note', text: setRightNote(path, entry.name, !before.current, useContext(source!, entry.name) !== merged.text) });
  },

  async verify(ctx) {
    const path = ctx.ledger.get(KUBECONFIG_KEY)?.details?.path ?? kubeconfigPath();
    const { readEntry, readKubeconfig } = await import('../../kube/kubeconfig.js');
    const source = (await readKubeconfig(path)) ?? '';
    const found = readEntry(source, entryName(ctx));
    const cluster = await describeCluster(ctx, { maxAgeMs: RECENT_MS });
    const checks: Check[] = [
      {
        id: 'kubeconfig:entry',
        ok: Boolean(found),
        label: text(`${path} has the cluster, user and context`, `${path} にクラスター・ユーザー・コンテキストがある`),
        detail: entryName(ctx),
      },
      {
        id: 'kubeconfig:server',
        ok: Boolean(found && found.server === cluster?.endpoint),
        label: text('It points at the cluster’s API endpoint', 'クラスターの API エンドポイントを指している'),
        ...(found ? { detail: found.server } : {}),
      },
      {
        id: 'kubeconfig:exec',
        ok: found?.exec.apiVersion === 'client.authentication.k8s.io/v1beta1' && found.exec.args.includes('get-token'),
        label: text(
          'kubectl gets its token from `aws eks get-token` (v1beta1)',
          'kubectl は `aws eks get-token`(v1beta1)でトークンを取得する',
        ),
      },
      { id: 'kubeconfig:current', ok: found?.current === true, label: text('It is the current context', '現在のコンテキストになっている') },
    ];
    if (ctx.config.kubectl) {
      const output = await kubectlGetSvc(ctx, path);
      checks.push({
        id: 'kubeconfig:get-svc',
        ok: listsKubernetesService(output),
        label: text('`kubectl get svc` lists the kubernetes service', '`kubectl get svc` に kubernetes サービスが表示される'),
      });
    }
    return checks;
  },
};
