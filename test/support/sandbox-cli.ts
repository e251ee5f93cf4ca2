import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runningRecord, type DaemonRecord } from '../../src/sandbox/daemon-record.js';
import { sandboxDir } from '../../src/sandbox/persist.js';
import { runCli, type CliResult } from './cli.js';

/** One learner: a state directory, a HOME and a kubeconfig that every command of theirs shares. */
export interface Learner {
  stateDir: string;
  home: string;
  kubeconfig: string;
  /** The built program with this learner's state directory, HOME and KUBECONFIG. */
  run(args: string[], options?: { timeoutMs?: number }): Promise<CliResult>;
  /** The running background sandbox of the state directory, if any. */
  sandbox(): Promise<DaemonRecord | undefined>;
  log(): Promise<string>;
}

/**
 * Learners for one test file. After the file's tests, `sandbox stop` runs for
 * each state directory and the test fails if a background sandbox is still
 * running there: no test leaves one behind.
 */
export function useLearners(): { make(): Promise<Learner> } {
  const made: Learner[] = [];
  afterAll(async () => {
    for (const learner of made) await learner.run(['sandbox', 'stop']);
    for (const learner of made) expect(await learner.sandbox(), `a sandbox still runs for ${learner.stateDir}`).toBeUndefined();
  }, 60_000);
  return {
    async make() {
      const home = await mkdtemp(join(tmpdir(), 'ebt-learner-'));
      const stateDir = join(home, 'state');
      const kubeconfig = join(home, '.kube', 'config');
      const learner: Learner = {
        stateDir,
        home,
        kubeconfig,
        run: (args, options) => runCli([...args, '--state-dir', stateDir], { HOME: home, KUBECONFIG: kubeconfig }, options),
        sandbox: () => runningRecord(sandboxDir(stateDir)),
        log: () => readFile(join(sandboxDir(stateDir), 'sandbox.log'), 'utf8').catch(() => ''),
      };
      made.push(learner);
      return learner;
    },
  };
}
