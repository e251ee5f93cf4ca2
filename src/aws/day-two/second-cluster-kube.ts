import {
  currentContextOf,
  mergeEntry,
  readEntry,
  readKubeconfig,
  useContext,
  writeKubeconfig,
  type ExecSpec,
} from '../../kube/kubeconfig.js';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { KUBECONFIG_KEY } from '../steps/kubeconfig.js';
import type { Check, PlannedCall } from '../types.js';
import { check, kubectl, type DayTwoContext } from './context.js';
import { SECOND_KUBECONFIG_KEY } from './second-cluster-names.js';

/** The tutor's kubeconfig entry of step 4: its file, its name (the cluster ARN) and how it signs in. */
export async function firstEntry(ctx: DayTwoContext): Promise<{ path: string; name: string; exec: ExecSpec; server: string }> {
  const recorded = ctx.ledger.get(KUBECONFIG_KEY);
  const path = recorded?.details?.path;
  const source = path ? await readKubeconfig(path) : undefined;
  const entry = recorded?.id && source !== undefined ? readEntry(source, recorded.id) : undefined;
  if (!path || !entry || recorded?.state === 'deleted') {
    throw new TutorError(
      'NOT_FOUND',
      text(
        "The tutor's kubeconfig entry is missing: run step 4 first (up --through 4).",
        'チューターの kubeconfig エントリーがありません。先にステップ 4 を実行してください(up --through 4)。',
      ),
    );
  }
  return { path, name: entry.name, exec: entry.exec, server: entry.server };
}

/** The first entry's exec plugin, asking for the second cluster's token: same command, profile and environment. */
function execFor(exec: ExecSpec, clusterName: string): ExecSpec {
  const args = exec.args.map((arg, i, all) => (all[i - 1] === '--cluster-name' ? clusterName : arg));
  return { ...exec, args };
}

const localCall = (action: string, cli: string, why: ReturnType<typeof text>): PlannedCall => ({
  service: 'kubeconfig',
  action,
  input: {},
  cli,
  why,
});

export interface KubeSide {
  checks: Check[];
  /** The context current before, put back at the end (null: none was). */
  restored: string | null;
}

/**
 * Adds the second cluster beside the first in the tutor's kubeconfig, as
 * `aws eks update-kubeconfig` does (it becomes current), then shows both
 * contexts, each cluster answering on its own, and puts back the context that
 * was current before. Only the tutor's items and the current-context value
 * change; every other byte of the file stays.
 */
export async function addAndSwitch(
  ctx: DayTwoContext,
  cluster: { name: string; arn: string; endpoint: string; caData: string },
  first: { path: string; name: string; exec: ExecSpec; server: string },
): Promise<KubeSide> {
  const { path } = first;
  const entry = {
    name: cluster.arn,
    server: cluster.endpoint,
    certificateAuthorityData: cluster.caData,
    exec: execFor(first.exec, cluster.name),
  };
  const update = [
    'aws eks update-kubeconfig --name',
    cluster.name,
    '--region',
    ctx.config.region,
    ...(ctx.config.profile ? ['--profile', ctx.config.profile] : []),
  ].join(' ');
  ctx.show(
    localCall(
      'UpdateKubeconfig',
      update,
      text(
        `Adds the second cluster's cluster, user and context to ${path} beside the first, and makes it current. The user runs the same aws eks get-token, for the other cluster name.`,
        `2 つ目のクラスターのクラスター・ユーザー・コンテキストを ${path} の 1 つ目の隣に追加し、現在のコンテキストにします。ユーザーは同じ aws eks get-token を、もう一方のクラスター名で実行します。`,
      ),
    ),
  );
  // The cluster is named in the ledger: down asks it for its load balancer Services before deleting it.
  const known = ctx.ledger.get(SECOND_KUBECONFIG_KEY);
  const recorded = known?.state === 'created' && known.id === entry.name && known.details?.path === path;
  await ctx.ledger.intend(SECOND_KUBECONFIG_KEY, 'kubeconfig', 5, { path, cluster: cluster.name });
  const source = (await readKubeconfig(path)) ?? '';
  const had = readEntry(source, entry.name) !== undefined;
  const merged = mergeEntry(source, entry);
  await writeKubeconfig(path, merged.text);
  await ctx.ledger.created(SECOND_KUBECONFIG_KEY, entry.name, { path, cluster: cluster.name });
  // News only, as step 4 reports its entry: made where there was none, or found there and not yet recorded.
  if (!had || !recorded) {
    ctx.emit({ type: 'resource', key: SECOND_KUBECONFIG_KEY, kind: 'kubeconfig', id: path, change: had ? 'adopted' : 'created' });
  }

  const at = { kubeconfig: path };
  const contexts = await kubectl(ctx, ['config', 'get-contexts'], at);
  const switched = await kubectl(ctx, ['config', 'current-context'], at);
  const info = await kubectl(ctx, ['cluster-info'], at);

  // Back to the context that was current before, by the same one-value edit.
  const before = merged.previousContext;
  ctx.show(
    localCall(
      'UseContext',
      before ? `kubectl config use-context ${before}` : 'kubectl config unset current-context',
      text(
        'Puts back the context that was current before. The tutor changes only the current-context value; kubectl config use-context does the same from your shell, but writes the whole file back in its own layout.',
        '元の現在のコンテキストに戻します。チューターは current-context の値だけを書き換えます。シェルからは kubectl config use-context で同じことができますが、kubectl はファイル全体を自分の書式で書き直します。',
      ),
    ),
  );
  const now = (await readKubeconfig(path)) ?? '';
  if (currentContextOf(now) !== before) await writeKubeconfig(path, useContext(now, before ?? ''));
  const back = await kubectl(ctx, ['config', 'current-context'], at);
  const greenNs = await kubectl(ctx, ['--context', entry.name, 'get', 'namespaces'], at);
  const blueNodes = await kubectl(ctx, ['--context', first.name, 'get', 'nodes'], at);

  const lines = contexts.stdout.split('\n');
  const listed = (name: string) => lines.some((line) => line.replace(/^\*/, ' ').trim().split(/\s+/)[0] === name);
  const nodeCount = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => /\sReady\s/.test(l)).length;
  // With none current, kubectl says "current-context is not set" and exits 1.
  const restored = before ? back.exitCode === 0 && back.stdout.trim() === before : back.exitCode !== 0 || back.stdout.trim() === '';
  return {
    restored: before,
    checks: [
      check(
        'second-cluster:contexts',
        contexts.exitCode === 0 && listed(first.name) && listed(entry.name),
        'kubectl config get-contexts lists both clusters',
        'kubectl config get-contexts に両方のクラスターが並ぶ',
        `${first.name}, ${entry.name}`,
      ),
      check(
        'second-cluster:switched',
        switched.stdout.trim() === entry.name,
        'After update-kubeconfig, the current context is the second cluster',
        'update-kubeconfig の後、現在のコンテキストは 2 つ目のクラスター',
        switched.stdout.trim(),
      ),
      check(
        'second-cluster:own-api',
        info.exitCode === 0 && info.stdout.includes(entry.server) && first.server !== entry.server,
        'Plain kubectl now talks to the second cluster’s own API endpoint (kubectl cluster-info)',
        '--context なしの kubectl は 2 つ目のクラスター専用の API エンドポイントにつながる(kubectl cluster-info)',
        entry.server,
      ),
      check(
        'second-cluster:restored',
        restored,
        before ? 'The context current before is current again' : 'No context is current again, as before',
        before ? '元の現在のコンテキストに戻った' : '元どおり、現在のコンテキストはない',
        before ?? undefined,
      ),
      check(
        'second-cluster:get-ns',
        greenNs.exitCode === 0 && /\bkube-system\b/.test(greenNs.stdout),
        `kubectl --context <second> get namespaces answers`,
        'kubectl --context <2 つ目> get namespaces が答える',
        entry.name,
      ),
      check(
        'second-cluster:first-nodes',
        blueNodes.exitCode === 0,
        'kubectl --context <first> get nodes still answers from the first cluster',
        'kubectl --context <1 つ目> get nodes は引き続き 1 つ目のクラスターから答える',
        `${nodeCount(blueNodes)} Ready`,
      ),
    ],
  };
}
