import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/screens/App.js';
import { makeTheme } from '../../../src/screens/theme.js';
import { testConfig } from '../../fixtures/config.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { KEYS } from '../../fixtures/render.js';
import { stateDirPerTest, waitForFrame as waitFor } from '../../fixtures/frames.js';
import { fakeServices } from '../../fixtures/services.js';

const state = stateDirPerTest('tutor-first-frame-');

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
        config={testConfig({ stateDir: state.dir(), mode: 'dry-run' })}
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
