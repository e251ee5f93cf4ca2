import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/screens/App.js';
import { makeTheme } from '../../../src/screens/theme.js';
import { testConfig } from '../../fixtures/config.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { KEYS } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'tutor-first-frame-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(frame: () => string | undefined, text: string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const now = frame() ?? '';
    if (now.includes(text)) return now;
    await pause(20);
  }
  throw new Error(`Timed out waiting for ${text}; last frame:\n${frame()}`);
}

describe('the first frame', () => {
  it('is the dry run’s welcome menu, with the place saved, when what it needs was read before it', async () => {
    const fake = fakeServices();
    const asked: string[] = [];
    fake.services.loadProgress = async () => {
      asked.push('progress');
      return undefined;
    };
    fake.services.motoInstalled = async () => {
      asked.push('moto');
      return true;
    };
    const app = render(
      <App
        config={testConfig({ stateDir, mode: 'dry-run' })}
        services={fake.services}
        lessons={FIXTURE_LESSONS}
        size={{ columns: 100, rows: 30 }}
        theme={makeTheme(false, false)}
        preloaded={{ moto: false, progress: { saved: { lesson: 'vpc', page: 2, answers: {}, completed: ['intro'], doneSteps: [] } } }}
      />,
    );
    try {
      const first = app.frames[0] ?? '';
      expect(first).toContain('› Continue where you left off: Fixture step two · page 3');
      expect(first).toContain('Requests are shown, never sent.');
      // moto is known not to be installed: no sandbox choice comes and goes.
      expect(first).not.toContain('Use the sandbox');
      app.stdin.write(KEYS.enter);
      await waitFor(app.lastFrame, 'Fixture step two');
      expect(asked).toEqual([]);
      expect(app.frames.some((frame) => frame.includes('Use the sandbox'))).toBe(false);
    } finally {
      app.unmount();
    }
  });
});
