import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { processAlive, processStart } from './process.js';

/**
 * One tutor process per cluster name: a lock file holding the owner's pid and
 * start time, created exclusively. A lock whose process is gone is taken over,
 * and so is one whose pid now belongs to a process that started later.
 */
export async function acquireLock(path: string, clusterName: string): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n${(await processStart(process.pid)) ?? ''}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidLine = '', started = ''] = (await readFile(path, 'utf8').catch(() => '')).split('\n');
      const owner = Number.parseInt(pidLine, 10);
      const ownerStarted = started === '' ? undefined : await processStart(owner);
      const reused = ownerStarted !== undefined && ownerStarted !== started;
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner) && !reused) {
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
