import { execa } from 'execa';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import type { KubectlRunner } from '../aws/types.js';
import { notStarted } from './tool.js';

/** Runs the real kubectl; a missing kubectl is explained, other failures are returned to the caller. */
export const runKubectl: KubectlRunner = async (args, options = {}) => {
  const fullArgs = options.kubeconfig ? ['--kubeconfig', options.kubeconfig, ...args] : args;
  try {
    const result = await execa('kubectl', fullArgs, {
      reject: false,
      timeout: 120_000,
      ...(options.signal ? { cancelSignal: options.signal } : {}),
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    if (notStarted(result)) throw kubectlMissing();
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? 1 };
  } catch (error) {
    if (error instanceof TutorError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw kubectlMissing();
    throw new TutorError('TOOL_FAILED', text('kubectl could not be run.', 'kubectl を実行できませんでした。'), error);
  }
};

export function kubectlMissing(): TutorError {
  return new TutorError(
    'TOOL_MISSING',
    text(
      'kubectl was not found on PATH. Install it (https://kubernetes.io/docs/tasks/tools/), or run with --no-kubectl to skip the kubectl checks.',
      'kubectl が PATH に見つかりません。インストールする(https://kubernetes.io/docs/tasks/tools/)か、--no-kubectl を付けて kubectl の確認を省いてください。',
    ),
  );
}

/** Nodes whose Ready condition is True, from `kubectl get nodes -o json`. */
export function readyNodes(json: string): string[] {
  try {
    const list = JSON.parse(json) as {
      items?: { metadata?: { name?: string }; status?: { conditions?: { type?: string; status?: string }[] } }[];
    };
    return (list.items ?? [])
      .filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
      .map((n) => n.metadata?.name ?? '');
  } catch {
    return [];
  }
}

/** kubectl's own version (`kubectl version --client`), e.g. `v1.32.4`; throws kubectlMissing when absent. */
export async function kubectlClientVersion(): Promise<string> {
  const result = await execa('kubectl', ['version', '--client', '-o', 'json'], { reject: false, timeout: 20_000 });
  if (notStarted(result)) throw kubectlMissing();
  return /"gitVersion":\s*"(v\d+\.\d+\.\d+)/.exec(String(result.stdout))?.[1] ?? '';
}

/** How many minor versions kubectl is from the cluster's (`v1.32.4` against `1.34` is 2); undefined when unknown. */
export function minorSkew(kubectlVersion: string, clusterVersion: string): number | undefined {
  const client = /^v?1\.(\d+)/.exec(kubectlVersion)?.[1];
  const cluster = /^1\.(\d+)/.exec(clusterVersion)?.[1];
  return client === undefined || cluster === undefined ? undefined : Math.abs(Number(client) - Number(cluster));
}
