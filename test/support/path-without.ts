import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A PATH like the test's own, but without the named programs: each directory
 * that holds one is replaced by a copy made of links to everything else in it.
 */
export function pathWithout(programs: string[], path = process.env.PATH ?? ''): string {
  const root = mkdtempSync(join(tmpdir(), 'ebt-path-'));
  return path
    .split(delimiter)
    .filter(Boolean)
    .map((dir, i) => {
      if (!programs.some((p) => existsSync(join(dir, p)))) return dir;
      const copy = join(root, String(i));
      mkdirSync(copy);
      for (const name of readdirSync(dir)) if (!programs.includes(name)) symlinkSync(join(dir, name), join(copy, name));
      return copy;
    })
    .join(delimiter);
}
