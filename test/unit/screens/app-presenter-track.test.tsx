import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/index.js';
import { S } from '../../../src/screens/strings.js';
import type { Lang } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, renderApp, type Rendered } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

let dir: string;
let app: Rendered | undefined;
const previousKubeconfig = process.env.KUBECONFIG;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tutor-presenter-track-'));
});
afterEach(() => {
  app?.unmount();
  app = undefined;
});
afterAll(async () => {
  if (previousKubeconfig === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = previousKubeconfig;
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tab in brackets: the page the presenter is on. */
function pageOf(frame: string, lang: Lang): 'learn' | 'call' | 'run' | 'check' | 'other' {
  if (frame.includes(`[${S.pageLearn[lang]}`)) return 'learn';
  if (frame.includes(`[${S.pageCall[lang]}]`)) return 'call';
  if (frame.includes(`[${S.pageRun[lang]}]`)) return 'run';
  if (frame.includes(`[${S.pageCheck[lang]}]`)) return 'check';
  return 'other';
}

/** The tab in brackets as drawn ("[Learn 2/3]", "[Call]"), and the lesson's title above it: what a press on a page changes. */
function placeOf(frame: string): string {
  const lines = frame.split('\n');
  const tab = lines.findIndex((line) => /\[[^\]]+\]/.test(line));
  return tab < 0
    ? ''
    : lines
        .slice(0, tab + 1)
        .join('\n')
        .replace(/\d+:\d+/g, '');
}

/**
 * With the engine faked (the built program against the real sandbox is walked in
 * tui-tmux.test.ts); the pages are the real lessons'.
 */
describe.each(['en', 'ja'] as const)('the presenter track in sandbox mode (%s)', (lang) => {
  it('goes from the welcome screen to the Ready nodes in fewer than 25 key presses', async () => {
    const stateDir = join(dir, lang);
    process.env.KUBECONFIG = join(stateDir, 'kubeconfig');
    app = renderApp({
      config: testConfig({ stateDir, timeScale: 0, presenter: true, lang }),
      services: fakeServices({ lessons: LESSONS }).services,
      lessons: LESSONS,
      size: { columns: 100, rows: 30 },
    });
    let presses = 0;
    // Each press waits for its page to be drawn, so that the next is not decided on the page before it.
    const press = async (key: string) => {
      presses++;
      const before = placeOf(app!.lastFrame());
      await app!.press(key);
      await app!.waitFor((f) => placeOf(f) !== before, 20_000);
    };
    await app.waitFor(S.choiceStart[lang]);
    await press(KEYS.enter);
    const nodesTitle = LESSONS.find((l) => l.step === 5)!.title[lang];
    for (;;) {
      expect(presses).toBeLessThan(25);
      const frame = await app.waitFor((f) => pageOf(f, lang) !== 'other' && pageOf(f, lang) !== 'run', 120_000);
      const page = pageOf(frame, lang);
      if (page === 'learn') await press(KEYS.right);
      else if (page === 'call') await press(KEYS.enter);
      else {
        const result = await app.waitFor((f) => f.includes(S.allPassed[lang]) || f.includes(S.someFailed[lang]), 120_000);
        expect(result).toContain(S.allPassed[lang]);
        if (result.includes(nodesTitle.toUpperCase()) || result.includes(nodesTitle)) {
          expect(result).toContain(S.kubectlSays[lang]);
          expect(result).toMatch(/^\S+\s+Ready\s/m);
          break;
        }
        await app.readCheck();
        await press(KEYS.right);
        await pause(100);
      }
    }
    expect(presses).toBeLessThan(25);
    // The full course is one key away.
    await app.press('f');
    await app.waitFor(S.keysPresenterTrack[lang]);
  }, 600_000);
});
