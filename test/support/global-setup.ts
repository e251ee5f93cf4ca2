import { execFileSync } from 'node:child_process';
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
