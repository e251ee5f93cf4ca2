/**
 * Commands' side of the background sandbox (daemon.ts): attach to the one of a
 * state directory, start it when there is none (one at a time: a lock around
 * the start), stop it.
 */
import { spawn } from 'node:child_process';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TutorError, type TutorErrorCode } from '../errors.js';
import { acquireLock } from '../state/lock.js';
import { text, type Text } from '../text.js';
import { answers, readRecord, runningRecord, type DaemonFailure, type DaemonRecord } from './daemon-record.js';
import { awsCliDataPath } from './aws-cli-waiters.js';
import type { Sandbox } from './index.js';
import { FILES, ensureDir, readJson, sandboxDir } from './persist.js';
import { SANDBOX_CREDENTIALS, sandboxEnv } from './sandbox-env.js';

export interface AttachOptions {
  stateDir: string;
  region: string;
  timeScale: number;
  /** How long to wait for a sandbox that is starting (moto's first start and a replay take a while). */
  timeoutMs?: number;
}

/** A command's handle on the background sandbox; `stop` only lets go of it (the sandbox keeps running). */
export interface AttachedSandbox extends Sandbox {
  record: DaemonRecord;
  /** True when this command started it. */
  startedHere: boolean;
}

function attached(dir: string, record: DaemonRecord, region: string, startedHere: boolean): AttachedSandbox {
  const credentials = { ...SANDBOX_CREDENTIALS };
  return {
    endpointUrl: record.endpointUrl,
    motoUrl: record.motoUrl,
    credentials,
    region,
    // The background sandbox wrote its aws CLI waiters into its directory when it started.
    env: sandboxEnv(record.endpointUrl, credentials, region, awsCliDataPath(dir, record.timeScale)),
    moved: record.moved,
    replayed: record.replayed,
    record,
    startedHere,
    stop: async () => undefined,
  };
}

/** The running sandbox of this state directory, if one runs and answers. */
export async function findSandbox(stateDir: string): Promise<DaemonRecord | undefined> {
  const record = await runningRecord(sandboxDir(stateDir));
  return record && (await answers(record)) ? record : undefined;
}

/** The environment of the background sandbox: this one's, without AWS credentials (it never needs any). */
function daemonEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^AWS_/.test(name)) env[name] = value;
  return env;
}

async function spawnDaemon(options: AttachOptions, dir: string): Promise<number> {
  // The program that runs the background sandbox is this one (the bundle, or npx's copy of it);
  // code run from source (the tests) names the built program instead.
  const entry = process.env.EKS_BASICS_TUTOR_PROGRAM || process.argv[1];
  if (!entry)
    throw new TutorError(
      'SANDBOX',
      text('Cannot tell which program to start the sandbox with.', 'サンドボックスを起動するプログラムが分かりません。'),
    );
  const log = await open(join(dir, FILES.log), 'a', 0o600);
  try {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv.filter((arg) => !/^--inspect/.test(arg)),
        entry,
        'sandbox',
        'serve',
        '--state-dir',
        options.stateDir,
        '--region',
        options.region,
        '--time-scale',
        String(options.timeScale),
      ],
      { detached: true, stdio: ['ignore', log.fd, log.fd], env: daemonEnv(), cwd: dir },
    );
    child.unref();
    if (child.pid === undefined)
      throw new TutorError(
        'SANDBOX',
        text('The sandbox process could not be started.', 'サンドボックスのプロセスを起動できませんでした。'),
      );
    return child.pid;
  } finally {
    await log.close();
  }
}

async function waitForStart(dir: string, pid: number, timeoutMs: number): Promise<DaemonRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await readRecord(dir);
    if (record?.pid === pid && (await answers(record))) return record;
    const failure = await readJson<DaemonFailure>(join(dir, 'failed.json'));
    if (failure?.pid === pid) throw new TutorError(failure.code as TutorErrorCode, failure.text);
    let gone = false;
    try {
      process.kill(pid, 0);
    } catch {
      gone = true;
    }
    if (gone) {
      const tail = (await readFile(join(dir, FILES.log), 'utf8').catch(() => '')).trim().split('\n').slice(-3).join(' ');
      throw new TutorError('SANDBOX', text(`The sandbox stopped while starting: ${tail}`, `サンドボックスが起動中に停止しました: ${tail}`));
    }
    if (Date.now() > deadline) {
      throw new TutorError(
        'SANDBOX',
        text(
          `The sandbox did not answer in time; see ${join(dir, FILES.log)}.`,
          `サンドボックスが時間内に応答しませんでした。${join(dir, FILES.log)} を見てください。`,
        ),
      );
    }
    await sleep(150);
  }
}

/**
 * The sandbox of this state directory: the running one, or one started now in
 * the background. Two commands at once start one: the start is done under
 * `start.lock`, and whoever waited for it attaches to what the other started.
 */
export async function attachSandbox(options: AttachOptions): Promise<AttachedSandbox> {
  const dir = sandboxDir(options.stateDir);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const running = await findSandbox(options.stateDir);
  if (running) return attached(dir, running, options.region, false);
  await ensureDir(dir);
  const deadline = Date.now() + timeoutMs;
  let release: (() => Promise<void>) | undefined;
  while (!release) {
    try {
      release = await acquireLock(join(dir, FILES.lock), 'sandbox');
    } catch (error) {
      if (!(error instanceof TutorError) || error.code !== 'LOCKED' || Date.now() > deadline) throw error;
      await sleep(200);
      const started = await findSandbox(options.stateDir);
      if (started) return attached(dir, started, options.region, false);
    }
  }
  try {
    const started = await findSandbox(options.stateDir);
    if (started) return attached(dir, started, options.region, false);
    const pid = await spawnDaemon(options, dir);
    return attached(dir, await waitForStart(dir, pid, Math.max(1000, deadline - Date.now())), options.region, true);
  } finally {
    await release();
  }
}

/** Ends the background sandbox of this state directory; false when none was running. */
export async function stopBackgroundSandbox(stateDir: string): Promise<boolean> {
  const dir = sandboxDir(stateDir);
  const record = await runningRecord(dir);
  if (!record) return false;
  const gone = () => {
    try {
      process.kill(record.pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  process.kill(record.pid, 'SIGTERM');
  for (let waited = 0; !gone() && waited < 15_000; waited += 100) await sleep(100);
  if (!gone()) process.kill(record.pid, 'SIGKILL');
  for (let waited = 0; !gone() && waited < 5000; waited += 100) await sleep(100);
  await unlink(join(dir, FILES.daemon)).catch(() => undefined);
  return true;
}

/** A note for a command whose --time-scale is not the running sandbox's. */
export function timeScaleNote(record: DaemonRecord, wanted: number): Text | undefined {
  if (record.timeScale === wanted) return undefined;
  return text(
    `The sandbox is running at time scale ${record.timeScale}, not ${wanted}; to change it, run \`eks-basics-tutor sandbox stop\` (what it holds is kept) and start again.`,
    `サンドボックスは時間の倍率 ${record.timeScale} で動いています(指定は ${wanted})。変えるには \`eks-basics-tutor sandbox stop\` で停止し(中身は残ります)、もう一度起動してください。`,
  );
}
