/**
 * What is checked before anything billable is made, shared by `up` and `doctor`:
 * the tools kubectl needs (kubectl itself, the aws CLI for `aws eks get-token`),
 * EC2 permissions through DryRun, and VPC / Elastic IP headroom.
 */
import type { TutorConfig } from './config.js';
import { TutorError } from './errors.js';
import { AWS_CLI_MINIMUM, awsCliRecentEnough, awsCliVersion } from './kube/aws-cli.js';
import { kubectlClientVersion, minorSkew } from './kube/kubectl.js';
import type { Session } from './session.js';
import { text, type Text } from './text.js';
import type { StepNumber } from './aws/types.js';

export interface Finding {
  ok: boolean;
  label: string;
  /** What was found, or what to do about it. */
  detail: Text;
  /** `up` stops on it before anything billable exists (otherwise a failed finding is a warning). */
  blocking?: boolean;
}

async function missingAs<T>(work: Promise<T>): Promise<T | TutorError> {
  return work.catch((error: unknown) => {
    if (error instanceof TutorError) return error;
    throw error;
  });
}

/** kubectl and the aws CLI: present, and recent enough for EKS and for the cluster's version when known. */
export async function toolFindings(clusterVersion?: string): Promise<Finding[]> {
  const [kubectl, aws] = await Promise.all([missingAs(kubectlClientVersion()), missingAs(awsCliVersion())]);
  const out: Finding[] = [];
  if (kubectl instanceof TutorError) {
    out.push({ ok: false, blocking: true, label: 'kubectl', detail: kubectl.text });
  } else {
    const skew = clusterVersion ? minorSkew(kubectl, clusterVersion) : undefined;
    out.push(
      skew !== undefined && skew > 1
        ? {
            ok: false,
            blocking: true,
            label: 'kubectl',
            detail: text(
              `${kubectl} is ${skew} minor versions from the cluster's ${clusterVersion}; kubectl works within one: install kubectl ${clusterVersion} (https://kubernetes.io/docs/tasks/tools/), or run with --no-kubectl`,
              `${kubectl} はクラスターの ${clusterVersion} とマイナーバージョンが ${skew} 離れています。kubectl は 1 つ違いまでで動きます。kubectl ${clusterVersion} をインストールする(https://kubernetes.io/docs/tasks/tools/)か、--no-kubectl を付けてください`,
            ),
          }
        : { ok: true, label: 'kubectl', detail: text(kubectl || 'found', kubectl || 'あり') },
    );
  }
  if (aws instanceof TutorError) {
    out.push({ ok: false, blocking: true, label: 'aws CLI', detail: aws.text });
  } else if (!awsCliRecentEnough(aws)) {
    out.push({
      ok: false,
      blocking: true,
      label: 'aws CLI',
      detail: text(
        `${aws}: too old for \`aws eks get-token\` as EKS needs it; update to ${AWS_CLI_MINIMUM.v1}+ (v1) or ${AWS_CLI_MINIMUM.v2}+ (v2), or run with --no-kubectl`,
        `${aws}: EKS が必要とする \`aws eks get-token\` には古すぎます。${AWS_CLI_MINIMUM.v1} 以上(v1)か ${AWS_CLI_MINIMUM.v2} 以上(v2)に更新するか、--no-kubectl を付けてください`,
      ),
    });
  } else {
    out.push({ ok: true, label: 'aws CLI', detail: text(aws, aws) });
  }
  return out;
}

/** The Kubernetes version this build uses, where it is already known (the option, or what the ledger chose). */
export function knownClusterVersion(config: TutorConfig, session?: Session): string | undefined {
  return config.kubernetesVersion ?? session?.ledger.facts.kubernetesVersion;
}

/**
 * `up`'s checks, before anything billable: the tools when a step that runs
 * kubectl is ahead, EC2 permissions, headroom. Real mode only: the sandbox and
 * a dry run cost nothing.
 */
export async function preflight(session: Session, through: StepNumber, clusterVersion?: string): Promise<Finding[]> {
  const { config } = session;
  if (config.mode !== 'real') return [];
  const { ec2PermissionFindings, ec2HeadroomFindings } = await import('./preflight-ec2.js');
  const needsTools = config.kubectl && through >= 4;
  const [tools, permissions, headroom] = await Promise.all([
    needsTools ? toolFindings(clusterVersion) : Promise.resolve([]),
    // Step 1 makes only IAM roles: EC2 is asked about only when the network is ahead.
    through >= 2 ? ec2PermissionFindings(session.engine.clients.ec2, config, session.identity?.arn) : Promise.resolve([]),
    through >= 2 ? ec2HeadroomFindings(session.engine.clients.ec2, config) : Promise.resolve([]),
  ]);
  return [...tools, ...permissions, ...headroom];
}

/** The one error `up` stops with when a blocking finding is there: every problem, then what to do. */
export function preflightRefusal(findings: Finding[]): TutorError | undefined {
  const blocking = findings.filter((f) => !f.ok && f.blocking);
  if (blocking.length === 0) return undefined;
  const what = (lang: 'en' | 'ja') => blocking.map((f) => `${f.label}: ${f.detail[lang]}`).join(lang === 'ja' ? '。' : '; ');
  return new TutorError(
    blocking.some((f) => f.label === 'kubectl' || f.label === 'aws CLI') ? 'TOOL_MISSING' : 'ACCESS_DENIED',
    text(
      `Nothing was created: before anything billable, this needs fixing — ${what('en')}.`,
      `何も作成していません。課金が始まる前に次を直してください — ${what('ja')}。`,
    ),
  );
}
