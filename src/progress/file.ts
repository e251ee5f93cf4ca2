import { join } from 'node:path';
import type { Mode } from '../config.js';
import { readStateFile, StateFileWriter } from '../state/json-file.js';
import { parseProgress, progressFile, type Progress } from './progress.js';

/** `<state dir>/<mode>/<cluster name>.progress.json` (the format is described in progress.ts). */
export function progressPath(stateDir: string, mode: Mode, clusterName: string): string {
  return join(stateDir, mode, `${clusterName}.progress.json`);
}

/** The saved progress, or undefined when there is none or it cannot be read as progress. */
export async function readProgress(path: string, known: (id: string) => boolean): Promise<Progress | undefined> {
  try {
    const raw = await readStateFile(path);
    return raw === undefined ? undefined : parseProgress(JSON.parse(raw), known);
  } catch {
    return undefined;
  }
}

/**
 * Writes progress atomically; writes are serialised so the last one always
 * lands, and a write equal to the previous one is skipped.
 */
export class ProgressWriter {
  private readonly file: StateFileWriter;
  private last = '';

  constructor(
    readonly path: string,
    private readonly clusterName: string,
    private readonly mode: Mode,
  ) {
    this.file = new StateFileWriter(path);
  }

  save(progress: Progress): Promise<void> {
    const body = JSON.stringify(progress);
    if (body === this.last) return this.file.settled;
    this.last = body;
    return this.file.write(progressFile(progress, this.clusterName, this.mode));
  }
}
