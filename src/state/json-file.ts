import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** A state file's text, or undefined when there is none; any other failure to read it is thrown. */
export async function readStateFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes one JSON state file (the ledger, the progress): pretty-printed, whole
 * and atomically, readable by its owner only, in a directory made for it.
 * Writes are serialised, so the last one always lands.
 */
export class StateFileWriter {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  write(value: unknown): Promise<void> {
    const snapshot = `${JSON.stringify(value, null, 2)}\n`;
    const write = async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.path, snapshot, { mode: 0o600 });
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }

  /** Resolves once the writes asked for so far have landed. */
  get settled(): Promise<void> {
    return this.writing;
  }
}
