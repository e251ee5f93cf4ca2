import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY_VAR } from '../../src/sandbox/daemon.js';

/** The process's start time as /proc gives it (field 22), to tell a pid from a later owner of the same pid. */
function startOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * For the global setup: every background sandbox a command starts during the
 * run leaves its pid in a directory named by EKS_BASICS_TUTOR_SANDBOX_REGISTRY
 * (src/sandbox/daemon.ts), and the teardown stops any still running, so no
 * sandbox outlives the test run. Tests stop their own (test/support/sandbox-cli.ts);
 * the ones found here were left behind, and are named on stderr.
 */
export function sandboxRegistry(): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ebt-sandboxes-'));
  process.env[REGISTRY_VAR] = dir;
  return async () => {
    const left: string[] = [];
    for (const name of readdirSync(dir)) {
      const pid = Number(name);
      const [stateDir = '', started = ''] = readFileSync(join(dir, name), 'utf8').split('\n');
      if (!Number.isInteger(pid) || startOf(pid) !== started) continue;
      left.push(`${pid} (${stateDir})`);
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        continue;
      }
      for (let waited = 0; startOf(pid) === started && waited < 10_000; waited += 100) await sleep(100);
      if (startOf(pid) === started) process.kill(pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) process.stderr.write(`Background sandboxes left running by the tests were stopped: ${left.join(', ')}\n`);
  };
}
