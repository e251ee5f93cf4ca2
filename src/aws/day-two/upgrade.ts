import {
  DescribeClusterVersionsCommand,
  DescribeUpdateCommand,
  UpdateClusterVersionCommand,
  UpdateNodegroupVersionCommand,
  type Update,
} from '@aws-sdk/client-eks';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { describeCluster } from '../steps/cluster.js';
import { describeNodegroup, nodegroupName } from '../steps/nodegroup.js';
import { clientToken } from '../tokens.js';
import type { Check } from '../types.js';
import { waitFor } from '../wait.js';
import { check, kubectl, planned, send, type DayTwoContext, type Outcome } from './context.js';

/** The kubelet may be up to three minors older than the API server, never newer (Kubernetes' version skew policy). */
export const KUBELET_SKEW = 3;
/** A control plane update takes about eight minutes, a node group's rolling update about as long for two nodes. */
const UPDATE_LIFE = { pollMs: 30_000, clusterMs: 8 * 60_000, nodegroupMs: 8 * 60_000 };

export const minorOf = (version: string): number => Number(/^v?\d+\.(\d+)/.exec(version)?.[1] ?? NaN);
export const nextMinor = (version: string): string => `${version.split('.')[0]}.${minorOf(version) + 1}`;

/** What kubectl says now: the API server's version and each node's kubelet. */
async function versions(ctx: DayTwoContext): Promise<{ server: string; kubelets: string[] }> {
  const server = await kubectl(ctx, ['version']);
  const nodes = await kubectl(ctx, ['get', 'nodes']);
  const serverVersion = /Server Version:\s*(\S+)/.exec(server.stdout)?.[1] ?? '';
  const kubelets = nodes.stdout
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/).at(-1) ?? '')
    .filter((v) => v.startsWith('v'));
  return { server: serverVersion, kubelets };
}

function skewCheck(id: string, when: 'before' | 'between' | 'after', seen: { server: string; kubelets: string[] }): Check {
  const server = minorOf(seen.server);
  const within = seen.kubelets.length > 0 && seen.kubelets.every((k) => minorOf(k) <= server && server - minorOf(k) <= KUBELET_SKEW);
  const words = {
    before: ['before the upgrade', 'アップグレード前'],
    between: ['with the control plane upgraded and the nodes not yet', 'コントロールプレーンだけ上げた状態'],
    after: ['after both', '両方を上げた後'],
  }[when];
  return check(
    id,
    within,
    `Version skew ${words[0]}: every kubelet at most ${KUBELET_SKEW} minors behind the API server, none ahead`,
    `${words[1]}のバージョンスキュー: すべての kubelet が API サーバーより新しくなく、遅れも ${KUBELET_SKEW} マイナー以内`,
    `server ${seen.server}, kubelets ${seen.kubelets.join(' ') || '-'}`,
  );
}

async function waitUpdate(
  ctx: DayTwoContext,
  update: Update | undefined,
  nodegroup: string | undefined,
  expectedMs: number,
): Promise<void> {
  if (!update?.id) return;
  const input = { name: ctx.config.clusterName, updateId: update.id, ...(nodegroup ? { nodegroupName: nodegroup } : {}) };
  const done = await waitFor<Update>(ctx, {
    key: nodegroup ? 'nodegroup' : 'cluster',
    kind: nodegroup ? 'eks-nodegroup' : 'eks-cluster',
    id: `${nodegroup ?? ctx.config.clusterName} update ${update.id}`,
    read: async () => (await ctx.clients.eks.send(new DescribeUpdateCommand(input))).update,
    status: (u) => u?.status ?? 'missing',
    done: (u) => u?.status === 'Successful',
    failed: (u) => !u || u.status === 'Failed' || u.status === 'Cancelled',
    reason: (u) => (u?.errors ?? []).map((e) => [e.errorCode, e.errorMessage].filter(Boolean).join(': ')).join('; ') || undefined,
    notListedYetMs: 60_000,
    delayMs: UPDATE_LIFE.pollMs,
    expectedMs,
    timeoutMs: 60 * 60_000,
  });
  if (done?.status !== 'Successful')
    throw new TutorError('AWS', text(`The update ${update.id} did not succeed.`, `更新 ${update.id} は成功しませんでした。`));
}

/** `day-two upgrade`: the control plane one minor up, then the node group, with the skew seen at each stage. */
export async function upgradeAction(ctx: DayTwoContext): Promise<Outcome> {
  const cluster = await describeCluster(ctx);
  const group = await describeNodegroup(ctx);
  if (cluster?.status !== 'ACTIVE' || !cluster.version || group?.status !== 'ACTIVE') {
    throw new TutorError(
      'NOT_FOUND',
      text(
        'There is no ACTIVE cluster and node group for this name: run `eks-basics-tutor up --through 5` first.',
        'この名前の ACTIVE なクラスターとノードグループがありません。先に `eks-basics-tutor up --through 5` を実行してください。',
      ),
    );
  }
  const from = cluster.version;
  const to = nextMinor(from);
  const checks: Check[] = [];
  const useKubectl = ctx.config.kubectl;
  if (useKubectl) checks.push(skewCheck('upgrade:skew-before', 'before', await versions(ctx)));

  const offered = { clusterVersions: [to] };
  const answer = await send(
    ctx,
    planned(ctx, 'eks', 'DescribeClusterVersions', offered, text(`Does EKS offer ${to}?`, `EKS は ${to} を提供しているか。`)),
    () => ctx.clients.eks.send(new DescribeClusterVersionsCommand(offered)),
  );
  if (!(answer.clusterVersions ?? []).some((v) => v.clusterVersion === to)) {
    throw new TutorError(
      'AWS',
      text(
        `${from} is the newest version EKS offers here, so there is nothing to upgrade to. To try an upgrade, build with an older one: \`eks-basics-tutor down\`, then \`up --kubernetes-version ${from.split('.')[0]}.${minorOf(from) - 1}\`.`,
        `${from} はここで EKS が提供する最新のバージョンなので、上げる先がありません。アップグレードを試すには、古いバージョンで作り直してください: \`eks-basics-tutor down\` の後に \`up --kubernetes-version ${from.split('.')[0]}.${minorOf(from) - 1}\`。`,
      ),
    );
  }
  const clusterInput = {
    name: ctx.config.clusterName,
    version: to,
    clientRequestToken: clientToken(ctx.config.clusterName, `upgrade/${to}`, from),
  };
  let clusterUpdate: Update | undefined;
  try {
    clusterUpdate = (
      await send(
        ctx,
        planned(
          ctx,
          'eks',
          'UpdateClusterVersion',
          clusterInput,
          text(
            `The control plane from ${from} to ${to}: one minor at a time is all EKS accepts.`,
            `コントロールプレーンを ${from} から ${to} へ。EKS が受け付けるのは 1 マイナーずつです。`,
          ),
        ),
        () => ctx.clients.eks.send(new UpdateClusterVersionCommand(clusterInput)),
      )
    ).update;
  } catch (error) {
    if ((error as { name?: string }).name !== 'InvalidParameterException') throw error;
    throw new TutorError(
      'AWS',
      text(
        `EKS does not offer Kubernetes ${to} after ${from} here: ${(error as Error).message}`,
        `ここでは EKS が ${from} の次の Kubernetes ${to} を提供していません: ${(error as Error).message}`,
      ),
      error,
    );
  }
  await waitUpdate(ctx, clusterUpdate, undefined, UPDATE_LIFE.clusterMs);
  if (useKubectl) checks.push(skewCheck('upgrade:skew-between', 'between', await versions(ctx)));

  const name = nodegroupName(ctx.config.clusterName);
  const groupInput = {
    clusterName: ctx.config.clusterName,
    nodegroupName: name,
    version: to,
    clientRequestToken: clientToken(ctx.config.clusterName, `upgrade/${to}/nodegroup`, from),
  };
  const groupUpdate = (
    await send(
      ctx,
      planned(
        ctx,
        'eks',
        'UpdateNodegroupVersion',
        groupInput,
        text(
          'Then the nodes: EKS replaces them with nodes of the new AMI, draining each old one first.',
          '続いてノード。EKS は古いノードを 1 台ずつドレインし、新しい AMI のノードに入れ替えます。',
        ),
      ),
      () => ctx.clients.eks.send(new UpdateNodegroupVersionCommand(groupInput)),
    )
  ).update;
  await waitUpdate(ctx, groupUpdate, name, UPDATE_LIFE.nodegroupMs);
  await ctx.ledger.setFacts({ kubernetesVersion: to });

  const after = await describeCluster(ctx);
  const afterGroup = await describeNodegroup(ctx);
  checks.push(
    check('upgrade:cluster', after?.version === to, `The control plane runs ${to}`, `コントロールプレーンが ${to}`, after?.version),
  );
  checks.push(
    check('upgrade:nodegroup', afterGroup?.version === to, `The node group runs ${to}`, `ノードグループが ${to}`, afterGroup?.version),
  );
  if (useKubectl) {
    const seen = await versions(ctx);
    checks.push(skewCheck('upgrade:skew-after', 'after', seen));
    checks.push(
      check(
        'upgrade:kubelets',
        seen.kubelets.length > 0 && seen.kubelets.every((k) => minorOf(k) === minorOf(to)),
        `kubectl get nodes shows every node at ${to}`,
        `kubectl get nodes ですべてのノードが ${to}`,
        seen.kubelets.join(' '),
      ),
    );
  }
  return {
    reasoning: text(
      `EKS moves a control plane one minor version at a time, and refuses the next upgrade while a managed node group is still behind the control plane's current minor: nodes catch up first. Kubernetes lets kubelets lag the API server by up to ${KUBELET_SKEW} minors, never lead it: UpdateNodegroupVersion to a version newer than the cluster's is refused. So the order is always: control plane first (UpdateClusterVersion), then each node group (UpdateNodegroupVersion), then the add-ons (UpdateAddon, to a version DescribeAddonVersions lists for ${to}).`,
      `EKS はコントロールプレーンを 1 マイナーずつ上げ、マネージド型ノードグループがコントロールプレーンの現在のマイナーに追いついていない間は、次のアップグレードを拒否します。先にノードを追いつかせます。Kubernetes は kubelet が API サーバーより ${KUBELET_SKEW} マイナーまで遅れることを認めますが、先行は認めません。クラスターより新しいバージョンへの UpdateNodegroupVersion は拒否されます。そのため順番は常に、コントロールプレーン(UpdateClusterVersion)、次に各ノードグループ(UpdateNodegroupVersion)、最後にアドオン(UpdateAddon。DescribeAddonVersions が ${to} 向けに示すバージョンへ)です。`,
    ),
    checks,
  };
}
