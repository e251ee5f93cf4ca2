import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built program as a learner would, with a clean, explicit environment:
 * its own HOME and KUBECONFIG, so no test ever touches the real ones.
 */
export async function runCli(args: string[], env: Record<string, string> = {}, options: { timeoutMs?: number } = {}): Promise<CliResult> {
  const home = mkdtempSync(join(tmpdir(), 'ebt-home-'));
  const result = await execa('node', [CLI, ...args], {
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs ?? 120_000,
    extendEnv: false,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      KUBECONFIG: join(home, '.kube', 'config'),
      LANG: 'C.UTF-8',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      // Background sandboxes started by the command report to the run, which stops any left (sandbox-registry.ts).
      ...(process.env.EKS_BASICS_TUTOR_SANDBOX_REGISTRY
        ? { EKS_BASICS_TUTOR_SANDBOX_REGISTRY: process.env.EKS_BASICS_TUTOR_SANDBOX_REGISTRY }
        : {}),
      ...env,
    },
  });
  return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}
