import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { parse } from './kubeconfig-text.js';

/** The kubeconfig file itself: read (refused where it could not be edited safely) and written with a private backup. */

/** Reads the file, or undefined when absent. A file the tutor could not edit safely is refused here, where its name is known, before anything is written. */
export async function readKubeconfig(path: string): Promise<string | undefined> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw fileError(path, 'read', error);
  }
  parse(source, path);
  return source;
}

/** Writes atomically. If the file existed: first copies it to `<path>.eks-basics-tutor.bak` (mode 0600), keeps its mode. New file: mode 0600, parent dir created (0700). */
export async function writeKubeconfig(path: string, content: string): Promise<void> {
  try {
    const before = await readFile(path).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (before === undefined) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, content, { mode: 0o600 });
      return;
    }
    // The backup may hold credentials, so it is private whatever the original's mode.
    await writeFileAtomic(`${path}.eks-basics-tutor.bak`, before, { mode: 0o600 });
    // write-file-atomic follows a symlinked kubeconfig and keeps its owner; the mode is kept explicitly.
    await writeFileAtomic(path, content, { mode: (await stat(path)).mode & 0o7777 });
  } catch (error) {
    throw fileError(path, 'write', error);
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

function fileError(path: string, action: 'read' | 'write', cause: unknown): TutorError {
  if (cause instanceof TutorError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TutorError(
    'BAD_INPUT',
    text(
      `Could not ${action} ${path}: ${reason}. Check its permissions, or set KUBECONFIG to another file.`,
      `${path} を${action === 'read' ? '読め' : '書け'}ませんでした: ${reason}。権限を確認するか、KUBECONFIG に別のファイルを指定してください。`,
    ),
    cause,
  );
}
