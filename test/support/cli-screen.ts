import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './cli.js';
import type { Machine } from './tutor-process.js';

/**
 * Runs the built program with stdout and stderr on one file, as a terminal
 * shows them: the lines come back in the order they were written, whichever
 * stream each went to.
 */
export async function runOnOneScreen(
  machine: Machine,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ exitCode: number | null; lines: string[] }> {
  const file = join(machine.home, `screen-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const fd = openSync(file, 'w');
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', fd, fd], env: { ...machine.env, ...env } });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    });
    return { exitCode, lines: readFileSync(file, 'utf8').trimEnd().split('\n') };
  } finally {
    closeSync(fd);
  }
}
