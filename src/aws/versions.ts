/**
 * Which Kubernetes version the cluster gets, decided once, before the plan is
 * shown, from what EKS offers today (DescribeClusterVersions): the calendar
 * moves every few months and is never hard-coded for AWS itself.
 */
import { DescribeClusterVersionsCommand, type ClusterVersionInformation } from '@aws-sdk/client-eks';
import { DEFAULT_KUBERNETES_VERSION, type TutorConfig } from '../config.js';
import { TutorError, badInput } from '../errors.js';
import type { Ledger } from '../state/ledger.js';
import { text, type Text } from '../text.js';
import type { AwsClients } from './clients.js';
import { awsErrorParts, explainAwsError } from './errors.js';

/** USD per cluster hour while the version is in extended support (standard: $0.10). */
export const EXTENDED_SUPPORT_HOUR = 0.6;
export const STANDARD_SUPPORT_HOUR = 0.1;

export interface ResolvedVersion {
  version: string;
  /** `unknown`: the endpoint (moto) cannot say. */
  support: 'standard' | 'extended' | 'unknown';
  /** Where the choice came from. */
  source: 'option' | 'build' | 'aws' | 'endpoint-default';
  /** ISO dates, when EKS said. */
  endOfStandardSupport?: string;
  endOfExtendedSupport?: string;
  /** What the control plane costs an hour at this version. */
  clusterHourUsd: number;
  /** The upgrade policy sent with CreateCluster: STANDARD unless the version is already in extended support. */
  supportType: 'STANDARD' | 'EXTENDED';
  /** True when the learner should confirm first (an extended-support version, priced higher). */
  needsConfirmation: boolean;
  /** One line for the learner, when there is something to say. */
  note?: Text;
}

const minor = (v: string) => Number(v.split('.')[1] ?? 0);
const isoDate = (d: Date | undefined) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined);

/** True for AWS's own endpoints (none given, or an amazonaws.com host). */
export function isAwsEndpoint(endpointUrl: string | undefined): boolean {
  if (!endpointUrl) return true;
  try {
    return /(^|\.)amazonaws\.com(\.cn)?$/.test(new URL(endpointUrl).hostname);
  } catch {
    return false;
  }
}

/** The endpoint the EKS client really talks to: --endpoint-url, or one set on the clients (tests, the sandbox). */
async function eksEndpoint(config: TutorConfig, clients: AwsClients): Promise<string | undefined> {
  if (config.endpointUrl) return config.endpointUrl;
  const custom =
    (clients.eks.config as {
      isCustomEndpoint?: boolean;
      endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number }>;
    }) ?? {};
  if (!custom.isCustomEndpoint || !custom.endpoint) return undefined;
  const endpoint = await custom.endpoint();
  return `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}`;
}

/** Every version EKS lists, including those past extended support. */
async function listVersions(clients: AwsClients): Promise<ClusterVersionInformation[]> {
  const all: ClusterVersionInformation[] = [];
  let nextToken: string | undefined;
  do {
    const answer = await clients.eks.send(new DescribeClusterVersionsCommand({ includeAll: true, ...(nextToken ? { nextToken } : {}) }));
    all.push(...(answer.clusterVersions ?? []));
    nextToken = answer.nextToken;
  } while (nextToken);
  return all;
}

function statusOf(v: ClusterVersionInformation): 'standard' | 'extended' | 'gone' {
  const status = String(v.versionStatus ?? v.status ?? '')
    .toUpperCase()
    .replace(/-/g, '_');
  if (status === 'STANDARD_SUPPORT') return 'standard';
  if (status === 'EXTENDED_SUPPORT') return 'extended';
  return 'gone';
}

function described(version: string, info: ClusterVersionInformation, source: ResolvedVersion['source']): ResolvedVersion {
  const support = statusOf(info) === 'extended' ? 'extended' : 'standard';
  const endStd = isoDate(info.endOfStandardSupportDate);
  const endExt = isoDate(info.endOfExtendedSupportDate);
  const extended = support === 'extended';
  return {
    version,
    support,
    source,
    ...(endStd ? { endOfStandardSupport: endStd } : {}),
    ...(endExt ? { endOfExtendedSupport: endExt } : {}),
    clusterHourUsd: extended ? EXTENDED_SUPPORT_HOUR : STANDARD_SUPPORT_HOUR,
    supportType: extended ? 'EXTENDED' : 'STANDARD',
    needsConfirmation: extended && source === 'option',
    ...(extended
      ? {
          note: text(
            `Kubernetes ${version} is in extended support${endExt ? ` until ${endExt}` : ''}: the control plane costs $${EXTENDED_SUPPORT_HOUR.toFixed(2)}/hour instead of $${STANDARD_SUPPORT_HOUR.toFixed(2)}.`,
            `Kubernetes ${version} は延長サポート中${endExt ? `(${endExt} まで)` : ''}です。コントロールプレーンは $${STANDARD_SUPPORT_HOUR.toFixed(2)} ではなく $${EXTENDED_SUPPORT_HOUR.toFixed(2)}/時間かかります。`,
          ),
        }
      : {}),
  };
}

/** The endpoint is not AWS and has no DescribeClusterVersions (moto): say so, use the option or the built-in default. */
function endpointDefault(endpoint: string, version: string | undefined): ResolvedVersion {
  const chosen = version ?? DEFAULT_KUBERNETES_VERSION;
  return {
    version: chosen,
    support: 'unknown',
    source: version ? 'option' : 'endpoint-default',
    clusterHourUsd: STANDARD_SUPPORT_HOUR,
    supportType: 'STANDARD',
    needsConfirmation: false,
    note: text(
      `${endpoint} does not answer DescribeClusterVersions (it is not AWS); using Kubernetes ${chosen}${version ? '' : ', the tutor’s default for such endpoints'}.`,
      `${endpoint} は DescribeClusterVersions に答えません(AWS ではありません)。Kubernetes ${chosen}${version ? '' : '(このようなエンドポイント向けのチューターの既定)'}を使います。`,
    ),
  };
}

function unanswerable(error: unknown): boolean {
  const { name } = awsErrorParts(error);
  const status =
    (error as { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } }).$metadata?.httpStatusCode ??
    (error as { $response?: { statusCode?: number } }).$response?.statusCode;
  return (
    status === 404 ||
    /UnknownOperation|NotImplemented|InvalidAction|UnrecognizedClient.*operation/.test(name) ||
    /not (yet )?implemented/i.test(awsErrorParts(error).message)
  );
}

function refused(error: unknown): boolean {
  return /AccessDenied|UnauthorizedOperation/.test(awsErrorParts(error).name);
}

/**
 * --kubernetes-version, checked against what EKS offers; else the version
 * this build already sent; else EKS's default (the newest in standard support).
 */
export async function resolveVersion(ctx: { config: TutorConfig; clients: AwsClients; ledger: Ledger }): Promise<ResolvedVersion> {
  const { config, ledger } = ctx;
  const asked = config.kubernetesVersion;
  // A cluster create was sent (or may have been): its version is the build's.
  const sent =
    ledger.get('cluster')?.state === 'created' || ledger.get('cluster')?.state === 'intent' ? ledger.facts.kubernetesVersion : undefined;
  let versions: ClusterVersionInformation[];
  try {
    versions = await listVersions(ctx.clients);
  } catch (error) {
    const endpoint = await eksEndpoint(config, ctx.clients).catch(() => config.endpointUrl);
    if (!isAwsEndpoint(endpoint) && unanswerable(error)) return endpointDefault(endpoint ?? '', asked ?? sent);
    if (refused(error)) {
      if (sent)
        return {
          ...endpointDefault('', sent),
          source: 'build',
          note: text(`Kubernetes ${sent}, as this build chose before.`, `このビルドが以前選んだ Kubernetes ${sent} を使います。`),
        };
      if (asked) {
        return {
          ...endpointDefault('', asked),
          note: text(
            `Kubernetes ${asked} as given: without eks:DescribeClusterVersions the tutor cannot check that EKS still offers it, nor whether it is in extended support ($${EXTENDED_SUPPORT_HOUR.toFixed(2)}/hour).`,
            `指定どおり Kubernetes ${asked} を使います。eks:DescribeClusterVersions がないため、EKS がまだ提供しているか、延長サポート中($${EXTENDED_SUPPORT_HOUR.toFixed(2)}/時間)かを確かめられません。`,
          ),
        };
      }
      throw new TutorError(
        'ACCESS_DENIED',
        text(
          `AWS refused eks:DescribeClusterVersions, which the tutor needs to choose a Kubernetes version still supported: grant eks:DescribeClusterVersions, or pass --kubernetes-version (for example ${DEFAULT_KUBERNETES_VERSION}).`,
          `AWS が eks:DescribeClusterVersions を拒否しました。サポート中の Kubernetes バージョンを選ぶのに必要です。eks:DescribeClusterVersions を許可するか、--kubernetes-version(例: ${DEFAULT_KUBERNETES_VERSION})を指定してください。`,
        ),
        error,
      );
    }
    throw explainAwsError(error);
  }
  const offered = versions.filter((v) => v.clusterVersion && statusOf(v) !== 'gone');
  const find = (version: string) => versions.find((v) => v.clusterVersion === version);
  const wanted = asked ?? sent;
  if (wanted) {
    const info = find(wanted);
    if (info && statusOf(info) !== 'gone') return described(wanted, info, asked ? 'option' : 'build');
    if (!asked)
      return {
        ...endpointDefault('', wanted),
        source: 'build',
        note: text(
          `Kubernetes ${wanted}, as this build sent it; EKS no longer lists it.`,
          `このビルドが送った Kubernetes ${wanted} を使います(EKS の一覧にはもうありません)。`,
        ),
      };
    const list = offered
      .map((v) => v.clusterVersion!)
      .sort((a, b) => minor(b) - minor(a))
      .join(', ');
    const gone = info
      ? text(
          ` is past the end of extended support${isoDate(info.endOfExtendedSupportDate) ? ` (${isoDate(info.endOfExtendedSupportDate)})` : ''}`,
          ` は延長サポートも終了しています`,
        )
      : text(' is not offered by EKS in this region', ' はこのリージョンの EKS で提供されていません');
    throw badInput(
      text(
        `--kubernetes-version ${asked}${gone.en}: use one of ${list || 'the versions EKS lists'}.`,
        `--kubernetes-version ${asked}${gone.ja}。${list || 'EKS が示すバージョン'} のいずれかを指定してください。`,
      ),
    );
  }
  const standard = offered.filter((v) => statusOf(v) === 'standard').sort((a, b) => minor(b.clusterVersion!) - minor(a.clusterVersion!));
  const chosen = standard.find((v) => v.defaultVersion) ?? standard[0];
  if (!chosen) {
    throw new TutorError(
      'AWS',
      text(
        'EKS lists no Kubernetes version in standard support here: pass --kubernetes-version.',
        'ここでは標準サポート中の Kubernetes バージョンが EKS の一覧にありません。--kubernetes-version を指定してください。',
      ),
    );
  }
  return described(chosen.clusterVersion!, chosen, 'aws');
}
