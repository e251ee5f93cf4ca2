import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../src/screens');

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat().filter((f) => /\.tsx?$/.test(f));
}

describe('the screens’ house rules', () => {
  it('only services/ reach the SDK, execa, the file system or the session; only T.tsx prints text', async () => {
    for (const file of await files(ROOT)) {
      const name = relative(ROOT, file);
      const source = await readFile(file, 'utf8');
      if (!name.startsWith('services/') && name !== 'run.tsx') {
        expect(source, name).not.toMatch(/from '@aws-sdk\//);
        expect(source, name).not.toMatch(/from 'execa'/);
        expect(source, name).not.toMatch(/from 'node:fs/);
        expect(source, name).not.toMatch(/from '\.\.\/(\.\.\/)*session\.js'/);
      }
      if (name !== 'components/T.tsx') expect(source, name).not.toMatch(/import \{[^}]*\bText\b[^}]*\} from 'ink'/);
    }
  });

  it('keeps every file small, and the App a picker of layouts', async () => {
    for (const file of await files(ROOT)) {
      const lines = (await readFile(file, 'utf8')).split('\n').length;
      expect(lines, relative(ROOT, file)).toBeLessThan(300);
    }
    const app = await readFile(join(ROOT, 'App.tsx'), 'utf8');
    expect(app.split('\n').length).toBeLessThan(120);
  });

  it('writes no comment about how it was made', async () => {
    for (const file of await files(ROOT)) {
      expect(await readFile(file, 'utf8')).not.toMatch(/\b(TODO|FIXME|XXX)\b/);
    }
  });
});
