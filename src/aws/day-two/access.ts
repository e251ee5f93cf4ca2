import { CreateRoleCommand, GetRoleCommand, type Role } from '@aws-sdk/client-iam';
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  ListAccessEntriesCommand,
} from '@aws-sdk/client-eks';
import { TutorError } from '../../errors.js';
import { kubeconfigPath, mergeUser, readEntry, readKubeconfig, viewerName, writeKubeconfig } from '../../kube/kubeconfig.js';
import { text } from '../../text.js';
import { roleName } from '../roles.js';
import { describeCluster } from '../steps/cluster.js';
import { KUBECONFIG_KEY } from '../steps/kubeconfig.js';
import { tutorTags } from '../tags.js';
import { ensureNamed } from '../ensure.js';
import { check, kubectl, planned, send, type DayTwoContext, type Outcome } from './context.js';

/** The ledger key of the viewer role; `down` finds it there (resources/iam-role.ts) and deletes it when tagged as the tutor's. */
export const VIEWER_ROLE_KEY = 'role/viewer';
export const VIEW_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';

const said = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;
const unauthorized = (r: { exitCode: number; stdout: string; stderr: string }) => r.exitCode !== 0 && /Unauthorized/.test(said(r));
const forbidden = (r: { exitCode: number; stdout: string; stderr: string }) => r.exitCode !== 0 && /Forbidden|forbidden/.test(said(r));
const firstLine = (r: { stdout: string; stderr: string }) =>
  said(r)
    .trim()
    .split('\n')
    .find((l) => /Unauthorized|orbidden|error/i.test(l)) ?? '';

/** Why each call on the access entry is made, shown above it. */
const WHY = {
  deleteEntry: text(
    'Removes the entry an earlier run made, to start again from none.',
    '前回作ったエントリーを消し、エントリーなしからやり直します。',
  ),
  createEntry: text(
    'An access entry lets the principal authenticate to the cluster; with no access policy it may do nothing yet.',
    'アクセスエントリーでプリンシパルはクラスターに認証できます。アクセスポリシーがなければまだ何もできません。',
  ),
  associatePolicy: text(
    "AmazonEKSViewPolicy at cluster scope: EKS maps it to Kubernetes' view role (get, list, watch; no writes, no Secrets).",
    'クラスタースコープの AmazonEKSViewPolicy: EKS はこれを Kubernetes の view ロール(get・list・watch。書き込みと Secret はなし)に対応させます。',
  ),
};

/** A role anyone in the account may assume (if their own IAM policy lets them): the second person of the course. */
async function ensureViewerRole(ctx: DayTwoContext, account: string): Promise<string> {
  const name = roleName(ctx.config.clusterName, 'viewer');
  await ensureNamed<Role>(ctx, {
    key: VIEWER_ROLE_KEY,
    kind: 'iam-role',
    step: 5,
    name,
    label: text('An IAM role', 'IAM ロール'),
    describe: () =>
      ctx.clients.iam.send(new GetRoleCommand({ RoleName: name })).then(
        (r) => r.Role,
        (error: unknown) => {
          if (/^NoSuchEntity(Exception)?$/.test((error as { name?: string }).name ?? '')) return undefined;
          throw error;
        },
      ),
    tags: (role) => role.Tags,
    // The ledger knows it by name: down finds and deletes it by that name.
    id: () => name,
    details: { name },
    create: async () => {
      const input = {
        RoleName: name,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
        }),
        Description: `Read-only viewer of the EKS cluster ${ctx.config.clusterName}, made by eks-basics-tutor`,
        Tags: tutorTags(ctx.config.clusterName, VIEWER_ROLE_KEY, name),
      };
      const why = text(
        'A second IAM principal: a role that principals of this account may assume (their own IAM policy must allow sts:AssumeRole on it). It has no IAM permissions; what it may do in Kubernetes comes from access entries only.',
        '2 人目の IAM プリンシパル: このアカウントのプリンシパルが引き受けられるロール(本人の IAM ポリシーで sts:AssumeRole が許されている必要があります)。IAM の権限はなく、Kubernetes でできることはアクセスエントリーだけで決まります。',
      );
      await send(ctx, planned(ctx, 'iam', 'CreateRole', input, why), () => ctx.clients.iam.send(new CreateRoleCommand(input)));
      return name;
    },
    nameInUse: (error) => /^EntityAlreadyExists(Exception)?$/.test((error as { name?: string }).name ?? ''),
  });
  return `arn:aws:iam::${account}:role/${name}`;
}

/** A user and context in the tutor's kubeconfig that sign in as the viewer role (`aws eks get-token --role-arn`). */
async function addViewerContext(ctx: DayTwoContext, roleArn: string): Promise<{ path: string; context: string }> {
  const path = ctx.ledger.get(KUBECONFIG_KEY)?.details?.path ?? kubeconfigPath();
  const name = ctx.ledger.get(KUBECONFIG_KEY)?.id;
  const source = await readKubeconfig(path);
  const entry = name && source !== undefined ? readEntry(source, name) : undefined;
  if (!name || !entry || source === undefined) {
    throw new TutorError(
      'NOT_FOUND',
      text(
        "The tutor's kubeconfig entry is missing: run step 4 first (up --through 4).",
        'チューターの kubeconfig エントリーがありません。先にステップ 4 を実行してください(up --through 4)。',
      ),
    );
  }
  const context = viewerName(name);
  // get-token --role-arn calls STS AssumeRole: against a local endpoint (the sandbox), STS is there too.
  const stsUrl = ctx.kubeconfigEnv?.AWS_ENDPOINT_URL_STS ?? ctx.config.endpointUrl;
  const endpoint = stsUrl ? [{ name: 'AWS_ENDPOINT_URL_STS', value: stsUrl }] : [];
  const env = [...(entry.exec.env ?? []).filter((e) => e.name !== 'AWS_ENDPOINT_URL_STS'), ...endpoint];
  const exec = {
    ...entry.exec,
    args: [...entry.exec.args.filter((a, i, all) => a !== '--role-arn' && all[i - 1] !== '--role-arn'), '--role-arn', roleArn],
    ...(env.length ? { env } : {}),
  };
  // Written only when it changes, as step 4's entry is: a second run finds its context there already.
  const merged = mergeUser(source, context, name, exec);
  const changed = merged !== source;
  if (changed) await writeKubeconfig(path, merged);
  ctx.emit({
    type: 'note',
    text: changed
      ? text(
          `kubeconfig ${path}: user and context ${context} (aws eks get-token … --role-arn ${roleArn}); the current context is unchanged.`,
          `kubeconfig ${path}: ユーザーとコンテキスト ${context}(aws eks get-token … --role-arn ${roleArn})を追加。現在のコンテキストは変わりません。`,
        )
      : text(
          `kubeconfig ${path}: the user and context ${context} are there already, as an earlier run wrote them; nothing written.`,
          `kubeconfig ${path}: ユーザーとコンテキスト ${context} は前回の実行で書いたとおりにあります。何も書き込みません。`,
        ),
  });
  return { path, context };
}

/** Question 2, more people: a second IAM principal is Unauthorized with no access entry, Forbidden with one and no policy, and may read with AmazonEKSViewPolicy. */
export async function accessAction(ctx: DayTwoContext): Promise<Outcome> {
  const cluster = await describeCluster(ctx);
  if (!cluster?.arn)
    throw new TutorError(
      'NOT_FOUND',
      text(
        'No cluster to give access to: run the steps first (up --through 4).',
        'アクセスを与えるクラスターがありません。先にステップを実行してください(up --through 4)。',
      ),
    );
  const clusterName = ctx.config.clusterName;
  const account = cluster.arn.split(':')[4] ?? '';
  const principalArn = await ensureViewerRole(ctx, account);
  const { path, context } = await addViewerContext(ctx, principalArn);
  const asViewer = (args: string[]) => kubectl(ctx, ['--context', context, ...args], { kubeconfig: path });

  // Start from no entry, so each stage is seen (a second run finds the entry the first made).
  const entries = await send(ctx, planned(ctx, 'eks', 'ListAccessEntries', { clusterName }), () =>
    ctx.clients.eks.send(new ListAccessEntriesCommand({ clusterName })),
  );
  if ((entries.accessEntries ?? []).includes(principalArn)) {
    const input = { clusterName, principalArn };
    await send(ctx, planned(ctx, 'eks', 'DeleteAccessEntry', input, WHY.deleteEntry), () =>
      ctx.clients.eks.send(new DeleteAccessEntryCommand(input)),
    );
  }
  const before = await asViewer(['get', 'pods', '-A']);

  const entryInput = { clusterName, principalArn, type: 'STANDARD' };
  await send(ctx, planned(ctx, 'eks', 'CreateAccessEntry', entryInput, WHY.createEntry), () =>
    ctx.clients.eks.send(new CreateAccessEntryCommand(entryInput)),
  );
  const between = await asViewer(['get', 'pods', '-A']);

  const policyInput = { clusterName, principalArn, policyArn: VIEW_POLICY_ARN, accessScope: { type: 'cluster' as const } };
  await send(ctx, planned(ctx, 'eks', 'AssociateAccessPolicy', policyInput, WHY.associatePolicy), () =>
    ctx.clients.eks.send(new AssociateAccessPolicyCommand(policyInput)),
  );
  const read = await asViewer(['get', 'pods', '-A']);
  const write = await asViewer(['create', 'deployment', 'x', '--image=nginx']);

  return {
    reasoning: text(
      `Who may use a cluster is decided by EKS, not by IAM alone: kubectl signs a token as the IAM principal (here the role ${principalArn}, assumed by aws eks get-token --role-arn), EKS finds that principal's access entry (none: 401 Unauthorized), then its access policies decide each request (none allows it: 403 Forbidden). AmazonEKSViewPolicy lets it read and not write. In a real account the same calls work; the person assuming the role needs sts:AssumeRole on it in their own IAM policy.`,
      `クラスターを誰が使えるかは IAM だけでなく EKS が決めます。kubectl は IAM プリンシパル(ここでは aws eks get-token --role-arn で引き受けたロール ${principalArn})としてトークンに署名し、EKS はそのプリンシパルのアクセスエントリーを探し(なければ 401 Unauthorized)、次にアクセスポリシーが各リクエストを決めます(許すものがなければ 403 Forbidden)。AmazonEKSViewPolicy は読み取りだけを許します。実際のアカウントでも同じ呼び出しで動きます。ロールを引き受ける人には、その人の IAM ポリシーでこのロールへの sts:AssumeRole が必要です。`,
    ),
    checks: [
      check(
        'access-none',
        unauthorized(before),
        'With no access entry, kubectl as the viewer role is Unauthorized',
        'アクセスエントリーがないと、ビューアーロールの kubectl は Unauthorized',
        firstLine(before),
      ),
      check(
        'access-entry',
        forbidden(between),
        'With an entry and no access policy, it is Forbidden',
        'エントリーだけでアクセスポリシーがないと Forbidden',
        firstLine(between),
      ),
      check(
        'access-read',
        read.exitCode === 0,
        'With AmazonEKSViewPolicy, kubectl get pods -A is allowed',
        'AmazonEKSViewPolicy があれば kubectl get pods -A は許可される',
        read.exitCode === 0 ? undefined : firstLine(read),
      ),
      check(
        'access-write',
        forbidden(write),
        'and kubectl create deployment is forbidden',
        'kubectl create deployment は禁止される',
        firstLine(write),
      ),
    ],
    next: text(
      `Try it: kubectl --context ${context} get nodes. down removes the role and the context.`,
      `試してみましょう: kubectl --context ${context} get nodes。down でロールとコンテキストは消えます。`,
    ),
  };
}
