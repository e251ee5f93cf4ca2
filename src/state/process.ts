import { readFile } from 'node:fs/promises';

/** Whether a process with this id exists (EPERM: it does, but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, in the kernel's clock ticks since boot (Linux's
 * /proc/<pid>/stat, field 22); undefined where there is no /proc or the
 * process is gone. With the pid it names one process, even after the pid is
 * given to another.
 */
export async function processStart(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || undefined;
  } catch {
    return undefined;
  }
}
