import { execFileSync } from 'node:child_process';
import { sandboxRegistry } from './sandbox-registry.js';

/**
 * The tests run the real tools. A machine without one of them fails here,
 * loudly, instead of skipping the tests that need it.
 */
export default function checkTools(): () => Promise<void> {
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
  return sandboxRegistry();
}
