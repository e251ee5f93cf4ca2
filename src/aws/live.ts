/**
 * What the lesson pages show live, read from AWS, the kubeconfig and the tools
 * of this build. Nothing secret is returned; failures become a readable reason.
 */
import { DescribeAvailabilityZonesCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import type { Diagram, LiveData } from '../lessons/types.js';
import { getToken, getTokenArgs } from '../kube/aws-cli.js';
import { readEntry, readKubeconfig } from '../kube/kubeconfig.js';
import { runKubectl } from '../kube/kubectl.js';
import { inheritedEnv } from '../kube/tool.js';
import { sandboxChildEnv } from '../sandbox/sandbox-env.js';
import { decodeToken } from '../sandbox/token.js';
import type { Session } from '../session.js';
import { text } from '../text.js';
import { explainAwsError } from './errors.js';
import { policiesView } from './live-iam.js';
import { authPathView, vpcDiagramView } from './live-diagrams.js';
import { notYet, type LiveView } from './live-types.js';
import { describeCluster } from './steps/cluster.js';
import { KUBECONFIG_KEY } from './steps/kubeconfig.js';

/** The parts of a session the live views read. */
export type LiveSession = Pick<Session, 'config' | 'engine' | 'ledger' | 'sandbox'>;

/**
 * The STS URL inside an EKS token (`k8s-aws-v1.` + base64url of a presigned
 * GetCallerIdentity URL), with the signature, the access key id and any
 * session token elided: the learner sees what the token is, never a credential.
 */
export function readableToken(token: string): { url: string; params: [string, string][] } | undefined {
  const url = decodeToken(token);
  if (!url) return undefined;
  const params: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (name === 'X-Amz-Signature') params.push([name, '(signature elided)']);
    else if (name === 'X-Amz-Security-Token') params.push([name, '(session token elided)']);
    else if (name === 'X-Amz-Credential') params.push([name, value.replace(/^[^/]*/, '(access key id elided)')]);
    else params.push([name, value]);
  }
  return { url: `${url.protocol}//${url.host}${url.pathname}`, params };
}

function failed(error: unknown): LiveView {
  const message = explainAwsError(error).text;
  return { kind: 'unavailable', reason: text(`Could not read it: ${message.en}`, `読み取れませんでした: ${message.ja}`) };
}

export async function vpcView(session: LiveSession): Promise<LiveView> {
  const found = await session.engine.inventory();
  const vpcFound = found.find((f) => f.kind === 'vpc');
  if (!vpcFound) return notYet('The VPC appears here once step 2 has run.', 'ステップ 2 を実行すると、ここに VPC が表示されます。');
  const subnets = found.filter((f) => f.kind === 'subnet');
  const described = subnets.length
    ? ((await session.engine.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets.map((s) => s.id) }))).Subnets ?? [])
    : [];
  const igw = found.find((f) => f.kind === 'internet-gateway');
  return {
    kind: 'vpc',
    vpc: { id: vpcFound.id, cidr: vpcFound.details?.cidr ?? '' },
    ...(igw ? { igw: igw.id } : {}),
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

async function clusterView(session: LiveSession): Promise<LiveView> {
  const found = await describeCluster({ clients: session.engine.clients, config: session.config });
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

/** Where step 4 wrote this build's kubeconfig entry, once it has. */
export function kubeconfigPlace(session: Pick<LiveSession, 'ledger'>): { path: string; name: string } | undefined {
  const entry = session.ledger.get(KUBECONFIG_KEY);
  if (!entry || entry.state !== 'created' || !entry.id || !entry.details?.path) return undefined;
  return { path: entry.details.path, name: entry.id };
}

async function kubeconfigView(session: LiveSession): Promise<LiveView> {
  const place = kubeconfigPlace(session);
  if (!place)
    return notYet(
      'The kubeconfig entry appears here once step 4 has run.',
      'ステップ 4 を実行すると、ここに kubeconfig のエントリが表示されます。',
    );
  const entry = readEntry((await readKubeconfig(place.path)) ?? '', place.name);
  if (!entry)
    return notYet(`${place.path} has no entry ${place.name} any more.`, `${place.path} にエントリ ${place.name} がもうありません。`);
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

async function tokenView(session: LiveSession): Promise<LiveView> {
  const { config } = session;
  // In the sandbox the aws CLI signs with the sandbox's dummy keys, never the learner's.
  const env = session.sandbox
    ? { ...sandboxChildEnv(session.sandbox), AWS_SESSION_TOKEN: '', AWS_SECURITY_TOKEN: '' }
    : inheritedEnv(config.profile ? { AWS_PROFILE: config.profile } : {});
  const credential = await getToken(config.clusterName, config.region, env);
  const decoded = readableToken(credential.token);
  if (!decoded) return notYet('The token is not a k8s-aws-v1 token.', 'トークンが k8s-aws-v1 形式ではありません。');
  return {
    kind: 'token',
    command: `aws ${getTokenArgs(config.clusterName, config.region).join(' ')}`,
    url: decoded.url,
    params: decoded.params,
    ...(credential.expires ? { expires: credential.expires } : {}),
  };
}

async function nodesView(session: LiveSession): Promise<LiveView> {
  const place = kubeconfigPlace(session);
  if (!place) return notYet('kubectl needs the kubeconfig of step 4 first.', 'kubectl にはまずステップ 4 の kubeconfig が必要です。');
  if (!session.config.kubectl) return notYet('kubectl is switched off (--no-kubectl).', 'kubectl は無効です(--no-kubectl)。');
  // The tutor's own context, named: a context the learner made current since is not the one shown.
  const args = ['get', 'nodes', '--context', place.name];
  const result = await runKubectl(args, { kubeconfig: place.path });
  return {
    kind: 'nodes',
    command: `kubectl ${args.join(' ')}`,
    output: (result.exitCode === 0 ? result.stdout : result.stderr).trim() || '(no output)',
  };
}

/** Fetches what a lesson page shows live. */
export async function fetchLiveData(session: LiveSession, kind: LiveData | Diagram): Promise<LiveView> {
  if (session.config.mode === 'dry-run') {
    return notYet(
      'A dry run reads nothing from AWS: this panel shows live data in the sandbox or with an account.',
      'ドライランでは AWS から何も読み取りません。この欄はサンドボックスか実際のアカウントでライブデータを表示します。',
    );
  }
  try {
    switch (kind) {
      case 'policies':
        return await policiesView(session.engine.clients);
      case 'vpc':
        return await vpcView(session);
      case 'cluster':
        return await clusterView(session);
      case 'kubeconfig':
        return await kubeconfigView(session);
      case 'token':
        return await tokenView(session);
      case 'nodes':
        return await nodesView(session);
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
export async function fetchZones(session: LiveSession): Promise<string[] | undefined> {
  if (session.config.mode === 'dry-run') return undefined;
  try {
    const answer = await session.engine.clients.ec2.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }),
    );
    const zones = (answer.AvailabilityZones ?? [])
      .filter((zone) => !zone.ZoneType || zone.ZoneType === 'availability-zone')
      .map((zone) => zone.ZoneName ?? '');
    return zones.filter(Boolean).sort();
  } catch {
    return undefined;
  }
}
