import { DescribeAvailabilityZonesCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { execa } from 'execa';
import type { Engine } from '../../aws/engine.js';
import type { Diagram, LiveData } from '../../lessons/types.js';
import { readEntry, readKubeconfig } from '../../kube/kubeconfig.js';
import { runKubectl } from '../../kube/kubectl.js';
import { sandboxChildEnv } from '../../sandbox/index.js';
import type { Session } from '../../session.js';
import { text, type Text } from '../../text.js';
import { authPathView, vpcDiagramView } from './live-diagrams.js';
import type { LiveView } from './types.js';

/** The two policies the cluster-role lesson compares. */
export const EKS_POLICIES = ['AmazonEKSServicePolicy', 'AmazonEKSClusterPolicy'] as const;

/** The actions the lesson talks about: network interfaces in your VPC, load balancers, scaling, logs. */
const IMPORTANT = [
  /^ec2:(Create|Delete|Modify)NetworkInterface/,
  /^ec2:CreateNetworkInterfacePermission$/,
  /^ec2:(CreateSecurityGroup|AuthorizeSecurityGroupIngress|RevokeSecurityGroupIngress|DeleteSecurityGroup)$/,
  /^elasticloadbalancing:/,
  /^autoscaling:/,
  /^logs:/,
  /^iam:CreateServiceLinkedRole$/,
  /^kms:/,
  /^route53:/,
];

export function isImportantAction(action: string): boolean {
  return IMPORTANT.some((pattern) => pattern.test(action));
}

/** The allowed actions of a policy document (as IAM returns it, URL-encoded JSON); important ones first. */
export function policyActions(document: string): { action: string; important: boolean }[] {
  let parsed: { Statement?: unknown };
  try {
    parsed = JSON.parse(decodeURIComponent(document)) as { Statement?: unknown };
  } catch {
    return [];
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  const actions = new Set<string>();
  for (const statement of statements as { Effect?: string; Action?: string | string[] }[]) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of Array.isArray(statement.Action) ? statement.Action : statement.Action ? [statement.Action] : []) actions.add(action);
  }
  return [...actions]
    .map((action) => ({ action, important: isImportantAction(action) }))
    .sort((a, b) => Number(b.important) - Number(a.important) || a.action.localeCompare(b.action));
}

/**
 * The STS URL inside an EKS token (`k8s-aws-v1.` + base64url of a presigned
 * GetCallerIdentity URL), with the signature, the access key id and any
 * session token elided: the learner sees what the token is, never a credential.
 */
export function decodeToken(token: string): { url: string; params: [string, string][] } | undefined {
  if (!token.startsWith('k8s-aws-v1.')) return undefined;
  let url: URL;
  try {
    url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const params: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (name === 'X-Amz-Signature') params.push([name, '(signature elided)']);
    else if (name === 'X-Amz-Security-Token') params.push([name, '(session token elided)']);
    else if (name === 'X-Amz-Credential') params.push([name, value.replace(/^[^/]*/, '(access key id elided)')]);
    else params.push([name, value]);
  }
  return { url: `${url.protocol}//${url.host}${url.pathname}`, params };
}

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  return env;
}

const notYet = (en: string, ja: string): LiveView => ({ kind: 'unavailable', reason: text(en, ja) });

function failed(error: unknown): LiveView {
  const message = (error as { text?: Text }).text ?? text(String((error as Error).message ?? error), String((error as Error).message ?? error));
  return { kind: 'unavailable', reason: text(`Could not read it: ${message.en}`, `読み取れませんでした: ${message.ja}`) };
}

async function policies(engine: Engine): Promise<LiveView> {
  const { iam } = engine.clients;
  const list = await Promise.all(
    EKS_POLICIES.map(async (name) => {
      const arn = `arn:aws:iam::aws:policy/${name}`;
      const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
      const version = policy?.DefaultVersionId ?? 'v1';
      const document = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: version }))).PolicyVersion?.Document ?? '';
      return { name, version, actions: policyActions(document) };
    }),
  );
  return { kind: 'policies', policies: list };
}

export async function vpc(session: Session): Promise<LiveView> {
  const found = await session.engine.inventory();
  const vpcFound = found.find((f) => f.kind === 'vpc');
  if (!vpcFound) return notYet('The VPC appears here once step 2 has run.', 'ステップ 2 を実行すると、ここに VPC が表示されます。');
  const subnets = found.filter((f) => f.kind === 'subnet');
  const described = subnets.length
    ? ((await session.engine.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets.map((s) => s.id) }))).Subnets ?? [])
    : [];
  return {
    kind: 'vpc',
    vpc: { id: vpcFound.id, cidr: vpcFound.details?.cidr ?? '' },
    ...(found.find((f) => f.kind === 'internet-gateway') ? { igw: found.find((f) => f.kind === 'internet-gateway')!.id } : {}),
    subnets: subnets
      .map((s) => {
        const tags = described.find((d) => d.SubnetId === s.id)?.Tags ?? [];
        return {
          id: s.id,
          tier: s.key.includes('public') ? 'public' : s.key.includes('private') ? 'private' : '?',
          az: s.details?.az ?? '',
          cidr: s.details?.cidr ?? '',
          tags: tags.filter((t) => t.Key && !t.Key.startsWith('eks-basics-tutor/')).map((t) => [t.Key!, t.Value ?? ''] as [string, string]),
        };
      })
      .sort((a, b) => b.tier.localeCompare(a.tier) || a.az.localeCompare(b.az)),
    nats: found.filter((f) => f.kind === 'nat-gateway').map((n) => ({ id: n.id, state: n.state ?? '', subnet: n.details?.subnet ?? '' })),
  };
}

async function cluster(session: Session): Promise<LiveView> {
  let found;
  try {
    found = (await session.engine.clients.eks.send(new DescribeClusterCommand({ name: session.config.clusterName }))).cluster;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') {
      return notYet('The cluster appears here once step 3 has run.', 'ステップ 3 を実行すると、ここにクラスターが表示されます。');
    }
    throw error;
  }
  if (!found) return notYet('The cluster appears here once step 3 has run.', 'ステップ 3 を実行すると、ここにクラスターが表示されます。');
  const vpcConfig = found.resourcesVpcConfig;
  const ca = found.certificateAuthority?.data ?? '';
  const logTypes = (found.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []);
  const fields: [string, string][] = [
    ['name', found.name ?? ''],
    ['arn', found.arn ?? ''],
    ['status', found.status ?? ''],
    ['version', `${found.version ?? ''}${found.platformVersion ? ` (${found.platformVersion})` : ''}`],
    ['endpoint', found.endpoint ?? ''],
    ['roleArn', found.roleArn ?? ''],
    ['subnetIds', (vpcConfig?.subnetIds ?? []).join(', ')],
    ['clusterSecurityGroupId', vpcConfig?.clusterSecurityGroupId ?? ''],
    ['endpointPublicAccess', String(vpcConfig?.endpointPublicAccess ?? '')],
    ['endpointPrivateAccess', String(vpcConfig?.endpointPrivateAccess ?? '')],
    ['authenticationMode', found.accessConfig?.authenticationMode ?? '(not reported)'],
    ['upgradePolicy', found.upgradePolicy?.supportType ?? '(not reported)'],
    ['logging', logTypes.length ? logTypes.join(', ') : 'off'],
    ['certificateAuthority', ca ? `${ca.slice(0, 12)}… (${ca.length} chars)` : ''],
    ['oidc issuer', found.identity?.oidc?.issuer ?? ''],
  ];
  return { kind: 'cluster', fields: fields.filter(([, value]) => value !== '') };
}

export function kubeconfigPlace(session: Session): { path: string; name: string } | undefined {
  const entry = session.ledger.get('kubeconfig');
  if (!entry || entry.state !== 'created' || !entry.id || !entry.details?.path) return undefined;
  return { path: entry.details.path, name: entry.id };
}

async function kubeconfig(session: Session): Promise<LiveView> {
  const place = kubeconfigPlace(session);
  if (!place) return notYet('The kubeconfig entry appears here once step 4 has run.', 'ステップ 4 を実行すると、ここに kubeconfig のエントリが表示されます。');
  const entry = readEntry((await readKubeconfig(place.path)) ?? '', place.name);
  if (!entry) return notYet(`${place.path} has no entry ${place.name} any more.`, `${place.path} にエントリ ${place.name} がもうありません。`);
  const ca = entry.certificateAuthorityData;
  const lines = [
    `current-context: ${entry.current ? entry.name : '(another context)'}`,
    'clusters:',
    `- name: ${entry.name}`,
    `  server: ${entry.server}`,
    `  certificate-authority-data: ${ca.slice(0, 12)}… (${ca.length} chars)`,
    'users:',
    `- name: ${entry.name}`,
    '  exec:',
    `    apiVersion: ${entry.exec.apiVersion}`,
    `    command: ${entry.exec.command}`,
    `    args: [${entry.exec.args.join(', ')}]`,
    // Environment values may be credentials (the sandbox's dummy keys): names only.
    ...(entry.exec.env?.length ? ['    env:', ...entry.exec.env.map((e) => `    - ${e.name}: (hidden)`)] : []),
  ];
  return { kind: 'kubeconfig', path: place.path, lines };
}

async function token(session: Session): Promise<LiveView> {
  const { config } = session;
  const args = ['eks', 'get-token', '--cluster-name', config.clusterName, '--region', config.region, '--output', 'json'];
  // In the sandbox the aws CLI signs with the sandbox's dummy keys, never the learner's.
  const env: Record<string, string> = session.sandbox
    ? { ...sandboxChildEnv(session.sandbox), AWS_SESSION_TOKEN: '', AWS_SECURITY_TOKEN: '' }
    : { ...childEnv(), ...(config.profile ? { AWS_PROFILE: config.profile } : {}) };
  const result = await execa('aws', args, { reject: false, timeout: 30_000, env, extendEnv: false });
  if (result.exitCode !== 0) {
    const why = (result.stderr || String(result.exitCode ?? 'aws not found')).trim().split('\n').pop() ?? '';
    return notYet(`aws eks get-token failed: ${why}`, `aws eks get-token が失敗しました: ${why}`);
  }
  let credential: { status?: { token?: string; expirationTimestamp?: string } };
  try {
    credential = JSON.parse(result.stdout) as typeof credential;
  } catch {
    return notYet('aws eks get-token printed something that is not JSON.', 'aws eks get-token の出力が JSON ではありません。');
  }
  const decoded = decodeToken(credential.status?.token ?? '');
  if (!decoded) return notYet('The token is not a k8s-aws-v1 token.', 'トークンが k8s-aws-v1 形式ではありません。');
  return {
    kind: 'token',
    command: `aws ${args.join(' ')}`,
    url: decoded.url,
    params: decoded.params,
    ...(credential.status?.expirationTimestamp ? { expires: credential.status.expirationTimestamp } : {}),
  };
}

async function nodes(session: Session): Promise<LiveView> {
  const place = kubeconfigPlace(session);
  if (!place) return notYet('kubectl needs the kubeconfig of step 4 first.', 'kubectl にはまずステップ 4 の kubeconfig が必要です。');
  if (!session.config.kubectl) return notYet('kubectl is switched off (--no-kubectl).', 'kubectl は無効です(--no-kubectl)。');
  const result = await runKubectl(['get', 'nodes'], { kubeconfig: place.path });
  return { kind: 'nodes', command: 'kubectl get nodes', output: (result.exitCode === 0 ? result.stdout : result.stderr).trim() || '(no output)' };
}

/** Fetches what a lesson page shows live. Nothing secret is returned; failures become a readable reason. */
export async function fetchLiveData(session: Session, kind: LiveData | Diagram): Promise<LiveView> {
  if (session.config.mode === 'dry-run') {
    return notYet('A dry run reads nothing from AWS: this panel shows live data in the sandbox or with an account.', 'ドライランでは AWS から何も読み取りません。この欄はサンドボックスか実際のアカウントでライブデータを表示します。');
  }
  try {
    switch (kind) {
      case 'policies':
        return await policies(session.engine);
      case 'vpc':
        return await vpc(session);
      case 'cluster':
        return await cluster(session);
      case 'kubeconfig':
        return await kubeconfig(session);
      case 'token':
        return await token(session);
      case 'nodes':
        return await nodes(session);
      case 'vpc-diagram':
        return await vpcDiagramView(session);
      case 'auth-path':
        return await authPathView(session);
    }
  } catch (error) {
    return failed(error);
  }
}

/** The region's availability zones that are available, by name; undefined when AWS cannot be asked. */
export async function fetchZones(session: Session): Promise<string[] | undefined> {
  try {
    const answer = await session.engine.clients.ec2.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }));
    const zones = (answer.AvailabilityZones ?? []).filter((zone) => !zone.ZoneType || zone.ZoneType === 'availability-zone').map((zone) => zone.ZoneName ?? '');
    return zones.filter(Boolean).sort();
  } catch {
    return undefined;
  }
}
