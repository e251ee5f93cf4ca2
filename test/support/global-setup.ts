import { execFileSync } from 'node:child_process';
import { delimiter, dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { MOTO_POOL_KEY, motoPool } from './moto-pool.js';
import { sandboxRegistry } from './sandbox-registry.js';

/**
 * The tests run the real tools. A machine without one of them fails here,
 * loudly, instead of skipping the tests that need it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = ['moto_server', 'kubectl', 'aws', 'tmux', 'openssl', 'python3'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(
      `The tests need ${missing.join(', ')} on PATH (moto_server: pip install "moto[server]"; kubectl; the aws CLI; tmux; openssl).`,
    );
  }
  skipPyenvShims();
  // No background sandbox outlives the run.
  const stopSandboxes = sandboxRegistry();
  // One moto_server a worker slot, shared by the files that run in it one after another; none outlives the run.
  const motos = await motoPool();
  project.provide(MOTO_POOL_KEY, motos.url);
  return async () => {
    await motos.stop();
    await stopSandboxes();
  };
}

/**
 * When the aws CLI and moto come through pyenv's shims (a bash script that asks
 * pyenv which Python to run, about 0.1 s of CPU a call), the run puts that
 * Python's own bin directory first on PATH: the same programs, without the
 * dispatch. The suite runs the aws CLI about a thousand times, most of them as
 * kubectl's credential plugin (`aws eks get-token`).
 */
function skipPyenvShims(): void {
  const aws = execFileSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).trim();
  if (!aws.includes('/shims/')) return;
  let real: string;
  try {
    real = execFileSync('pyenv', ['which', 'aws'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return;
  }
  if (real) process.env.PATH = [dirname(real), process.env.PATH ?? ''].join(delimiter);
}
