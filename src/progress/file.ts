import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Mode } from '../config.js';
import { parseProgress, progressFile, type Progress } from './progress.js';

/** `<state dir>/<mode>/<cluster name>.progress.json` (the format is described in progress.ts). */
export function progressPath(stateDir: string, mode: Mode, clusterName: string): string {
  return join(stateDir, mode, `${clusterName}.progress.json`);
}

/** The saved progress, or undefined when there is none or it cannot be read as progress. */
export async function readProgress(path: string, known: (id: string) => boolean): Promise<Progress | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseProgress(JSON.parse(raw), known);
  } catch {
    return undefined;
  }
}

/**
 * Writes progress atomically; writes are serialised so the last one always
 * lands, and a write equal to the previous one is skipped.
 */
export class ProgressWriter {
  private writing: Promise<void> = Promise.resolve();
  private last = '';

  constructor(
    readonly path: string,
    private readonly clusterName: string,
    private readonly mode: Mode,
  ) {}

  save(progress: Progress): Promise<void> {
    const body = JSON.stringify(progress);
    if (body === this.last) return this.writing;
    this.last = body;
    const snapshot = `${JSON.stringify(progressFile(progress, this.clusterName, this.mode), null, 2)}\n`;
    const write = async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.path, snapshot, { mode: 0o600 });
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}
