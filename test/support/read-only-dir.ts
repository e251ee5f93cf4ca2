import { chmod } from 'node:fs/promises';
import { execa } from 'execa';

/**
 * Makes a directory read-only for this process until the returned function is
 * called: by its mode for an ordinary user; for root, whom modes do not stop,
 * by a read-only bind mount of it on itself.
 */
export async function makeReadOnly(dir: string): Promise<() => Promise<void>> {
  if (process.getuid?.() !== 0) {
    await chmod(dir, 0o500);
    return async () => chmod(dir, 0o700);
  }
  await execa('mount', ['--bind', dir, dir]);
  try {
    await execa('mount', ['-o', 'remount,ro,bind', dir]);
  } catch (error) {
    await execa('umount', [dir]);
    throw error;
  }
  return async () => void (await execa('umount', [dir]));
}
