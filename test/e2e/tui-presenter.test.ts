import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.js';
import { S } from '../../src/screens/strings.js';
import type { Lang } from '../../src/text.js';

/**
 * The presenter's path with the built program in a real terminal of 80×24
 * (the smallest the tutor supports) against the sandbox, in both languages:
 * from the welcome screen to the Ready nodes in fewer than 25 key presses.
 */
const CLI = resolve('dist/cli.js');
const SOCKET = `tutor-presenter-${process.pid}`;
let dir: string;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
  dir = await mkdtemp(join(tmpdir(), 'tutor-presenter-'));
});

afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function start(session: string, lang: Lang): void {
  const state = join(dir, lang);
  const command = [
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
  ]
    .map((word) => `'${word.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `${command}; echo "EXITED $?"; sleep 600`);
}

describe.each(['en', 'ja'] as const)('the presenter track, built program, 80×24, sandbox (%s)', (lang) => {
  it('goes from the welcome screen to the Ready nodes in fewer than 25 key presses', async () => {
    const session = `presenter-${lang}`;
    start(session, lang);
    const screen = () => tmux('capture-pane', '-p', '-t', session);
    const waitFor = async (test: (text: string) => boolean, what: string, timeoutMs = 120_000): Promise<string> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = screen();
        if (test(text)) return text;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; the screen:\n${text}`);
        await pause(200);
      }
    };
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      tmux('send-keys', '-t', session, key);
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
