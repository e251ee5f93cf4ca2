/**
 * The background sandbox: one per state directory, started by the first
 * command that needs it (daemon-client.ts) as `eks-basics-tutor sandbox serve`
 * in a process of its own, and left running for every later command and
 * terminal. It keeps its contents in `<state dir>/sandbox/server/`
 * (persist.ts), so a stop, a crash or a reboot loses nothing.
 */
import { appendFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { readRecord, removeRecord, writeRecord, type DaemonFailure } from './daemon-record.js';
import { processStart } from '../state/process.js';
import { startSandbox } from './index.js';
import { FILES, ensureDir, sandboxDir } from './persist.js';

/** How long a sandbox nobody calls keeps running (its contents survive the stop): EKS_BASICS_TUTOR_SANDBOX_IDLE_MINUTES, else 2 hours. */
export function idleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.EKS_BASICS_TUTOR_SANDBOX_IDLE_MINUTES);
  return Number.isFinite(value) && value > 0 ? value : 120;
}

/** Test runs name a directory here; each background sandbox leaves its pid there so the run can stop it. */
export const REGISTRY_VAR = 'EKS_BASICS_TUTOR_SANDBOX_REGISTRY';

export interface ServeOptions {
  stateDir: string;
  region: string;
  timeScale: number;
}

/** Runs the sandbox until `sandbox stop` (SIGTERM), an idle timeout, or its state directory is removed. */
export async function serveSandbox(options: ServeOptions): Promise<number> {
  const dir = sandboxDir(options.stateDir);
  await ensureDir(dir);
  const logPath = join(dir, FILES.log);
  const log = (line: string) => appendFile(logPath, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 }).catch(() => undefined);
  const started = (await processStart(process.pid)) ?? '';
  await unlink(join(dir, 'failed.json')).catch(() => undefined);
  let lastRequest = Date.now();
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    await log(`starting (pid ${process.pid}, time scale ${options.timeScale})`);
    sandbox = await startSandbox({
      timeScale: options.timeScale,
      region: options.region,
      persistDir: dir,
      // What the sandbox refused and why (its AWS behaviours), for the learner to read afterwards.
      log: (line) => void log(line),
      onRequest: () => {
        lastRequest = Date.now();
      },
    });
  } catch (error) {
    const failure: DaemonFailure =
      error instanceof TutorError
        ? { pid: process.pid, code: error.code, text: error.text }
        : {
            pid: process.pid,
            code: 'SANDBOX',
            text: text(
              `The sandbox could not start: ${(error as Error).message}`,
              `サンドボックスを起動できませんでした: ${(error as Error).message}`,
            ),
          };
    await writeFile(join(dir, 'failed.json'), JSON.stringify(failure), { mode: 0o600 });
    await log(`could not start: ${failure.text.en}`);
    return 1;
  }
  const idle = idleMinutes();
  await writeRecord(dir, {
    format: 'eks-basics-tutor-sandbox-daemon',
    pid: process.pid,
    started,
    endpointUrl: sandbox.endpointUrl,
    motoUrl: sandbox.motoUrl,
    region: options.region,
    timeScale: options.timeScale,
    startedAt: new Date().toISOString(),
    moved: sandbox.moved,
    replayed: sandbox.replayed,
    idleMinutes: idle,
  });
  const registry = process.env[REGISTRY_VAR];
  if (registry) await writeFile(join(registry, String(process.pid)), `${options.stateDir}\n${started}\n`).catch(() => undefined);
  await log(`running: AWS endpoint ${sandbox.endpointUrl}, moto ${sandbox.motoUrl}, ${sandbox.replayed} recorded requests replayed`);
  for (const moved of sandbox.moved) await log(`port ${moved.from} for ${moved.what} was taken; now ${moved.to}`);

  const reason = await new Promise<string>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => resolve(`stopped (${signal})`));
    const timer = setInterval(() => {
      if (Date.now() - lastRequest > idle * 60_000) resolve(`stopped after ${idle} minutes without a request`);
      // A removed state directory, or a record naming another process: this sandbox is no one's any more.
      void readRecord(dir).then((record) => {
        if (record?.pid !== process.pid) resolve('stopped: its record in the state directory is gone');
      });
    }, 5000);
    timer.unref();
  });
  await sandbox.stop();
  await removeRecord(dir, process.pid);
  if (registry) await unlink(join(registry, String(process.pid))).catch(() => undefined);
  await log(reason);
  return 0;
}
