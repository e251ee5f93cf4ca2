/**
 * moto's contents across restarts, with moto's own recorder: moto appends every
 * request it answers to a file (MOTO_RECORDER_FILEPATH) once recording is on,
 * and replays the file on request. Ids are random, so before recording and
 * before a replay moto is seeded (`/moto-api/seed?a=N`) and warmed up the same
 * way; requests are sent to moto one at a time, so moto draws its random ids in
 * the order the file lists them, and a replay gives every resource its id again
 * (checked by test/e2e/sandbox-persist*.test.ts with moto 5.2.1).
 */
import { readFile, writeFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { MotoClient, type RawRequest, type RawResponse } from './moto-client.js';

/** Sends requests to moto one at a time (see above). */
export class SerialMotoClient extends MotoClient {
  private queue: Promise<unknown> = Promise.resolve();

  override send(raw: RawRequest): Promise<RawResponse> {
    const run = () => super.send(raw);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

async function motoApi(motoUrl: string, path: string, method: 'GET' | 'POST' = 'POST', timeoutMs = 30_000): Promise<string> {
  const response = await fetch(new URL(path, motoUrl), { method, signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.text();
  if (!response.ok) throw new Error(`moto answered ${response.status} to ${path}: ${body.slice(0, 200)}`);
  return body;
}

interface Recorded {
  method?: string;
  url?: string;
  body?: string | null;
  body_encoded?: boolean;
}

/**
 * A request to moto's own API (the sandbox's "does it answer" checks). Every
 * AWS request is kept, reads too: with moto 5.2.1 some reads draw from moto's
 * random ids (an EKS GET answering 404, for one), and dropping them changed the
 * ids of everything made after them in a replay.
 */
function motoApiOnly(entry: Recorded): boolean {
  try {
    return new URL(entry.url ?? '', 'http://x').pathname.startsWith('/moto-api/');
  } catch {
    return false;
  }
}

/** Drops the requests to moto's own API from the recording: they hold nothing. */
export async function compactRecording(path: string): Promise<{ kept: number; dropped: number }> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return { kept: 0, dropped: 0 };
  }
  const lines = raw.split('\n').filter((line) => line.trim() !== '');
  const kept = lines.filter((line) => {
    try {
      return !motoApiOnly(JSON.parse(line) as Recorded);
    } catch {
      return false;
    }
  });
  // Atomically: a crash here must not lose what the sandbox holds.
  if (kept.length !== lines.length) await writeFileAtomic(path, kept.map((line) => `${line}\n`).join(''), { mode: 0o600 });
  return { kept: kept.length, dropped: lines.length - kept.length };
}

/** Seeds moto's ids; must come before the warm-up and any recorded request. */
export async function seedMoto(motoUrl: string, seed: number): Promise<void> {
  await motoApi(motoUrl, `/moto-api/seed?a=${seed}`);
}

/** Replays what the recording holds (if anything), then records what comes next. */
export async function replayAndRecord(motoUrl: string, path: string): Promise<{ replayed: number }> {
  await writeFile(path, '', { flag: 'a', mode: 0o600 });
  const { kept } = await compactRecording(path);
  if (kept > 0) await motoApi(motoUrl, '/moto-api/recorder/replay-recording', 'POST', 10 * 60_000);
  await motoApi(motoUrl, '/moto-api/recorder/start-recording');
  return { replayed: kept };
}
