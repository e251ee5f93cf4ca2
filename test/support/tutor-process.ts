import { execa } from 'execa';
import { mkdirSync, mkdtempSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CLI } from './cli.js';

/**
 * One learner's machine for the built program: a HOME, a KUBECONFIG, a state
 * directory and a TMPDIR of its own, kept across runs (unlike runCli), so a run
 * can be killed and the next one resume from what the first left behind.
 */
export interface Machine {
  home: string;
  stateDir: string;
  kubeconfig: string;
  env: Record<string, string>;
}

export function makeMachine(extraEnv: Record<string, string> = {}): Machine {
  const home = mkdtempSync(join(tmpdir(), 'ebt-machine-'));
  const stateDir = join(home, 'state');
  const kubeconfig = join(home, '.kube', 'config');
  const tmp = join(home, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return {
    home,
    stateDir,
    kubeconfig,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      KUBECONFIG: kubeconfig,
      TMPDIR: tmp,
      LANG: 'C.UTF-8',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_CONFIG_FILE: join(home, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...extraEnv,
    },
  };
}

export interface RunResult {
  exitCode: number | undefined;
  signal: string | undefined;
  stdout: string;
  stderr: string;
  /** How many times the ledger file was replaced while the program ran. */
  ledgerWrites: number;
  /** The program was stopped by the test (not finished by itself). */
  stopped: boolean;
  /** The output up to the moment the signal was sent. */
  stdoutAtStop: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** The ledger file to watch (its directory is created first so it can be watched). */
  ledger?: string;
  /** Send `signal` right after the ledger has been written this many times. */
  afterLedgerWrites?: number;
  /** Send `signal` as soon as the output matches. */
  whenOutput?: RegExp;
  signal?: NodeJS.Signals;
  /** Runs when the moment comes, before the signal is sent (the program keeps running meanwhile). */
  beforeSignal?: () => Promise<void>;
  timeoutMs?: number;
}

/** Runs the built program; stops it with a signal at the moment the options say, if it gets there. */
export async function runTutor(machine: Machine, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const child = execa('node', [CLI, ...args], {
    reject: false,
    stdin: 'ignore',
    extendEnv: false,
    env: { ...machine.env, ...options.env },
    timeout: options.timeoutMs ?? 120_000,
    killSignal: 'SIGKILL',
  });
  let stdout = '';
  let stdoutAtStop = '';
  let stopped = false;
  let writes = 0;
  let before: Promise<void> = Promise.resolve();
  const stop = () => {
    if (stopped || child.exitCode !== null) return;
    stopped = true;
    stdoutAtStop = stdout;
    const send = () => {
      if (child.exitCode === null) child.kill(options.signal ?? 'SIGKILL');
    };
    if (!options.beforeSignal) return send();
    before = options.beforeSignal().finally(send);
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (options.whenOutput?.test(stdout)) stop();
  });
  let watcher: ReturnType<typeof watch> | undefined;
  if (options.ledger) {
    mkdirSync(dirname(options.ledger), { recursive: true, mode: 0o700 });
    const name = basename(options.ledger);
    // The ledger is written atomically (a temporary file renamed over it): one event per write.
    watcher = watch(dirname(options.ledger), (_event, file) => {
      if (file !== name) return;
      writes += 1;
      if (options.afterLedgerWrites !== undefined && writes >= options.afterLedgerWrites) stop();
    });
  }
  const result = await child;
  watcher?.close();
  await before;
  return {
    exitCode: result.exitCode ?? undefined,
    signal: result.signal ?? undefined,
    stdout: result.stdout === undefined ? stdout : String(result.stdout),
    stderr: String(result.stderr ?? ''),
    ledgerWrites: writes,
    stopped,
    stdoutAtStop,
  };
}
