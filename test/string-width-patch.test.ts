import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build helper
import { patchStringWidth } from '../scripts/string-width-patch.mjs';
import { LESSONS } from '../src/lessons/index.js';

/**
 * The bundle measures text with a changed string-width (scripts/build.mjs); the
 * change must give every string the width the original gives it, or Ink would
 * draw the tutor's frames crooked.
 */
type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
let original: Width;
let patched: Width;

beforeAll(async () => {
  const source = resolve('node_modules/string-width/index.js');
  // Beside node_modules, so its own imports (strip-ansi, get-east-asian-width) resolve as the original's do.
  const dir = resolve('node_modules/.cache/eks-basics-tutor-test');
  await mkdir(dir, { recursive: true });
  const copy = join(dir, `string-width-${process.pid}.mjs`);
  await writeFile(copy, patchStringWidth(await readFile(source, 'utf8')));
  original = (await import(pathToFileURL(source).href)).default;
  patched = (await import(pathToFileURL(copy).href)).default;
});

function differences(samples: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of samples)
    for (const options of [{}, { ambiguousIsNarrow: false }]) {
      const want = original(text, options);
      const got = patched(text, options);
      if (want !== got) out.push(`${JSON.stringify(text)} ${JSON.stringify(options)}: ${got}, not ${want}`);
    }
  return out;
}

function* everyBmpCharacter(): Generator<string> {
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    yield ch;
    yield `a${ch}`;
    yield `${ch}${ch}`;
    yield `カ${ch}`;
  }
}

function* lessonTexts(value: unknown): Generator<string> {
  if (typeof value === 'string') yield* value.split('\n');
  else if (Array.isArray(value)) for (const item of value) yield* lessonTexts(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* lessonTexts(item);
}

describe('the bundle’s string-width', () => {
  it('gives every BMP character, alone and beside others, the width the original does', () => {
    expect(differences(everyBmpCharacter()).slice(0, 10)).toEqual([]);
  });

  it('gives every line of every lesson, English and Japanese, the width the original does', () => {
    const lines = [...lessonTexts(LESSONS)];
    expect(lines.length).toBeGreaterThan(500);
    expect(differences(lines).slice(0, 10)).toEqual([]);
  });

  it('still measures emoji, flags, combining marks and joined sequences as the original does', () => {
    const samples = ['✅ done', '👍🏽', '🇯🇵', 'e\u0301', '👩‍💻', 'ｶﾞ', '\u1100\u1161', '1\u20e3', 'a\u200bb', '\x1b[31m赤\x1b[39m'];
    expect(differences(samples)).toEqual([]);
    expect(patched('🇯🇵')).toBe(2);
    expect(patched('e\u0301')).toBe(1);
  });

  it('refuses a string-width it was not written for', () => {
    expect(() => patchStringWidth('export default function stringWidth() {}')).toThrow(/string-width changed/);
  });
});
