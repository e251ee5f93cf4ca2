import { execa } from 'execa';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { notStarted } from './tool.js';

/**
 * The aws CLI, as kubectl's exec plugin runs it: one function per command, and
 * "not installed" turned into one readable error here.
 */

/** The oldest aws CLI releases whose `eks get-token` and `update-kubeconfig` the EKS user guide accepts. */
export const AWS_CLI_MINIMUM = { v1: '1.27.160', v2: '2.12.3' } as const;

export function awsCliMissing(): TutorError {
  return new TutorError(
    'TOOL_MISSING',
    text(
      'The aws CLI was not found on PATH: kubectl runs `aws eks get-token` for every call to the cluster. Install it (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html), or run with --no-kubectl to skip the kubectl checks.',
      'aws CLI が PATH に見つかりません。kubectl はクラスターへの呼び出しのたびに `aws eks get-token` を実行します。インストールする(https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)か、--no-kubectl を付けて kubectl の確認を省いてください。',
    ),
  );
}

/** The first line of `aws --version`, e.g. `aws-cli/1.45.11 Python/3.11.7 …`; throws awsCliMissing when absent. */
export async function awsCliVersion(env?: Record<string, string>): Promise<string> {
  const result = await execa('aws', ['--version'], { reject: false, timeout: 20_000, ...(env ? { env } : {}) });
  if (notStarted(result)) throw awsCliMissing();
  return `${result.stdout}\n${result.stderr}`.trim().split('\n')[0] ?? '';
}

/** [major, minor, patch] of an `aws-cli/X.Y.Z` line, or undefined. */
export function parseAwsCliVersion(line: string): [number, number, number] | undefined {
  const match = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(line);
  return match ? (match.slice(1).map(Number) as [number, number, number]) : undefined;
}

function atLeast(have: [number, number, number], want: string): boolean {
  const need = want.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (have[i]! !== need[i]!) return have[i]! > need[i]!;
  }
  return true;
}

/** Recent enough for EKS: 1.27.160+ in v1, 2.12.3+ in v2 (and any later major). */
export function awsCliRecentEnough(line: string): boolean {
  const version = parseAwsCliVersion(line);
  if (!version) return false;
  if (version[0] === 1) return atLeast(version, AWS_CLI_MINIMUM.v1);
  if (version[0] === 2) return atLeast(version, AWS_CLI_MINIMUM.v2);
  return version[0] > 2;
}

/** The arguments of `aws eks get-token` for a cluster, as run and as shown. */
export function getTokenArgs(clusterName: string, region: string): string[] {
  return ['eks', 'get-token', '--cluster-name', clusterName, '--region', region, '--output', 'json'];
}

/** `aws eks get-token`: the ExecCredential's token for a cluster (k8s-aws-v1.…). Never printed or stored. */
export async function getToken(
  clusterName: string,
  region: string,
  env: Record<string, string>,
): Promise<{ token: string; expires?: string }> {
  const args = getTokenArgs(clusterName, region);
  const result = await execa('aws', args, { reject: false, timeout: 30_000, env, extendEnv: false });
  if (notStarted(result)) throw awsCliMissing();
  if (result.exitCode !== 0) {
    const why = String(result.stderr).trim().split('\n').pop() ?? '';
    throw new TutorError('TOOL_FAILED', text(`aws eks get-token failed: ${why}`, `aws eks get-token が失敗しました: ${why}`));
  }
  try {
    const credential = JSON.parse(String(result.stdout)) as { status?: { token?: string; expirationTimestamp?: string } };
    return {
      token: credential.status?.token ?? '',
      ...(credential.status?.expirationTimestamp ? { expires: credential.status.expirationTimestamp } : {}),
    };
  } catch (error) {
    throw new TutorError(
      'TOOL_FAILED',
      text('aws eks get-token printed something that is not JSON.', 'aws eks get-token の出力が JSON ではありません。'),
      error,
    );
  }
}
