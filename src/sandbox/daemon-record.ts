import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Text } from '../text.js';
import { FILES, readJson, writeJson } from './persist.js';
import type { MovedPort } from './persist-ports.js';
import { processAlive, processStart } from '../state/process.js';

/** `<sandbox dir>/daemon.json`: where the background sandbox of a state directory runs. */
export interface DaemonRecord {
  format: 'eks-basics-tutor-sandbox-daemon';
  pid: number;
  /** The process's start time (kernel ticks since boot), so a pid given to another process is not taken for it. */
  started: string;
  endpointUrl: string;
  motoUrl: string;
  region: string;
  timeScale: number;
  startedAt: string;
  moved: MovedPort[];
  replayed: number;
  idleMinutes: number;
}

/** `<sandbox dir>/failed.json`: why the last background start failed, for the command that waited for it. */
export interface DaemonFailure {
  pid: number;
  code: string;
  text: Text;
}

export async function readRecord(dir: string): Promise<DaemonRecord | undefined> {
  const record = await readJson<DaemonRecord>(join(dir, FILES.daemon));
  return record?.format === 'eks-basics-tutor-sandbox-daemon' && Number.isInteger(record.pid) ? record : undefined;
}

/** The record, if its process is still the one that wrote it. */
export async function runningRecord(dir: string): Promise<DaemonRecord | undefined> {
  const record = await readRecord(dir);
  if (!record || !processAlive(record.pid)) return undefined;
  const started = await processStart(record.pid);
  if (started !== undefined && record.started && started !== record.started) return undefined;
  return record;
}

/** True when the sandbox behind the record answers (its AWS endpoint reaches moto). */
export async function answers(record: DaemonRecord, timeoutMs = 3000): Promise<boolean> {
  try {
    const response = await fetch(new URL('/moto-api/', record.endpointUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export async function writeRecord(dir: string, record: DaemonRecord): Promise<void> {
  await writeJson(join(dir, FILES.daemon), record);
}

/** Removes the record if it is this process's. */
export async function removeRecord(dir: string, pid: number): Promise<void> {
  const record = await readRecord(dir);
  if (record?.pid === pid) await unlink(join(dir, FILES.daemon)).catch(() => undefined);
}
