import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { S } from '../../src/screens/strings.js';
import type { Lang } from '../../src/text.js';
import { pause, tmuxServer, type TmuxSession } from '../support/tmux.js';

/**
 * The presenter's path with the built program in a real terminal of 80×24
 * (the smallest the tutor supports) against the sandbox, in both languages:
 * from the welcome screen to the Ready nodes in fewer than 25 key presses.
 */
const CLI = resolve('dist/cli.js');
const server = tmuxServer('tutor-presenter');
let dir: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
  dir = await mkdtemp(join(tmpdir(), 'tutor-presenter-'));
});

afterAll(async () => {
  server.kill();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function start(session: string, lang: Lang): TmuxSession {
  const state = join(dir, lang);
  const term = server.session(session);
  term.open(80, 24, [
    'env',
    `KUBECONFIG=${join(state, 'kubeconfig')}`,
    'NO_COLOR=1',
    process.execPath,
    CLI,
    '--sandbox',
    '--presenter',
    '--time-scale',
    '0',
    '--state-dir',
    state,
    '--lang',
    lang,
  ]);
  return term;
}

describe.each(['en', 'ja'] as const)('the presenter track, built program, 80×24, sandbox (%s)', (lang) => {
  it('goes from the welcome screen to the Ready nodes in fewer than 25 key presses', async () => {
    const session = `presenter-${lang}`;
    const term = start(session, lang);
    const waitFor = (test: (text: string) => boolean, what: string, timeoutMs = 120_000): Promise<string> =>
      term.waitFor(test, timeoutMs, what);
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      term.send(key);
      await pause(300);
    };
    const pageOf = (text: string): 'learn' | 'call' | 'run' | 'check' | 'other' =>
      text.includes(`[${S.pageLearn[lang]}`)
        ? 'learn'
        : text.includes(`[${S.pageCall[lang]}]`)
          ? 'call'
          : text.includes(`[${S.pageRun[lang]}]`)
            ? 'run'
            : text.includes(`[${S.pageCheck[lang]}]`)
              ? 'check'
              : 'other';

    await waitFor((t) => t.includes(S.choiceStart[lang]), 'the welcome screen', 120_000);
    await press('Enter');
    const nodesTitle = LESSONS.find((l) => l.step === 5)!.title[lang];
    const heading = lang === 'en' ? nodesTitle.toUpperCase() : nodesTitle;
    let seen: string | undefined;
    for (;;) {
      expect(presses).toBeLessThan(25);
      const text = await waitFor((t) => pageOf(t) !== 'other' && pageOf(t) !== 'run', 'a learn, call or check page');
      const page = pageOf(text);
      if (page === 'learn') await press('Right');
      else if (page === 'call') {
        // The request itself is drawn before Enter sends it.
        await waitFor((t) => /^(iam|ec2|eks|kubeconfig):[A-Z]\w+$/m.test(t), 'the request');
        await press('Enter');
      } else {
        const result = await waitFor(
          (t) => t.includes(S.allPassed[lang]) || t.includes(S.someFailed[lang]) || /^\S+\s+Ready\s/m.test(t),
          'the check result',
        );
        if (result.includes(heading)) {
          seen = result;
          break;
        }
        const checks = await waitFor((t) => t.includes(S.allPassed[lang]) || t.includes(S.someFailed[lang]), 'all checks');
        expect(checks).toContain(S.allPassed[lang]);
        // Each check wraps to the page: no line cut off with "…".
        expect(checks.split('\n').filter((line) => line.trimEnd().endsWith('…'))).toEqual([]);
        // The result stays a moment before → leaves it.
        await pause(1_700);
        await press('Right');
      }
    }
    expect(presses).toBeLessThan(25);
    // The climax: kubectl's Ready nodes, on an 80×24 screen.
    expect(seen).toContain(S.kubectlSays[lang]);
    expect(seen!.match(/^ip-\S+\s+Ready\s/gm)?.length).toBe(2);
  }, 600_000);
});
