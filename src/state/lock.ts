import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TutorError } from '../errors.js';
import { text } from '../text.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One tutor process per cluster name: a lock file holding the owner's pid,
 * created exclusively. A lock whose process is gone is taken over.
 */
export async function acquireLock(path: string, clusterName: string): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new TutorError(
          'LOCKED',
          text(
            `Another eks-basics-tutor (pid ${owner}) is working on cluster "${clusterName}". Wait for it to finish, or use another --cluster-name.`,
            `別の eks-basics-tutor(pid ${owner})がクラスター「${clusterName}」を操作中です。終わるのを待つか、別の --cluster-name を指定してください。`,
          ),
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new TutorError('LOCKED', text(`Cannot take the lock ${path}.`, `ロックファイル ${path} を取得できません。`));
}
