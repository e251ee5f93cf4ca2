import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/lessons/types.js';
import type { Progress } from '../../../src/progress/progress.js';
import { App } from '../../../src/screens/App.js';
import { makeTheme } from '../../../src/screens/theme.js';
import { testConfig } from '../../fixtures/config.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { KEYS } from '../../fixtures/render.js';
import { pause, stateDirPerTest, waitForFrame as waitFor } from '../../fixtures/frames.js';
import { fakeServices } from '../../fixtures/services.js';

const state = stateDirPerTest('tutor-lessons-load-');

/** Lessons whose pages arrive when the test says, as the tutor's lesson chunk does a moment after the first frame. */
function lateLessons() {
  let deliver: () => void = () => undefined;
  let asked = 0;
  const arrived = new Promise<readonly Lesson[]>((resolve) => {
    deliver = () => resolve(FIXTURE_LESSONS);
  });
  const heads = FIXTURE_LESSONS.map(({ id, step, title, summary }) => ({ id, title, summary, ...(step ? { step } : {}) }));
  return {
    source: {
      heads,
      load: () => {
        asked++;
        return arrived;
      },
    },
    deliver,
    asked: () => asked,
  };
}

/** The dry run's tutor on lessons whose pages come late, with this saved place read before its first frame. */
function renderDryRun(lessons: ReturnType<typeof lateLessons>['source'], saved: Progress | undefined) {
  return render(
    <App
      config={testConfig({ stateDir: state.dir(), mode: 'dry-run' })}
      services={fakeServices().services}
      lessons={lessons}
      size={{ columns: 100, rows: 30 }}
      theme={makeTheme(false, false)}
      preloaded={{ moto: false, progress: { saved } }}
    />,
  );
}

describe('the lessons’ pages load after the first frame', () => {
  it('the menu works from the heads alone; a lesson opened before its pages arrive opens when they do, keys in the order pressed', async () => {
    const late = lateLessons();
    const app = renderDryRun(late.source, undefined);
    try {
      expect(app.frames[0]).toContain('Start with the lesson menu');
      await pause(30);
      app.stdin.write(KEYS.enter);
      const list = await waitFor(app.lastFrame, 'Summary of Fixture intro');
      expect(list).toContain('Fixture step five');
      // The learner moves to step one and opens it, then presses ↓ again, all before the pages are there.
      app.stdin.write(KEYS.down);
      await waitFor(app.lastFrame, 'Summary of Fixture step one');
      app.stdin.write(KEYS.enter);
      await pause(50);
      app.stdin.write(KEYS.down);
      await pause(100);
      expect(late.asked()).toBe(1);
      // Still the list, with the cursor where it was: nothing opened without its pages, and the second ↓ waits its turn.
      expect(app.lastFrame()).toContain('Summary of Fixture step one');
      late.deliver();
      // Step one opens (had the ↓ gone first, step two would have).
      const page = await waitFor(app.lastFrame, 'Roles page');
      expect(page).toContain('Roles body.');
      expect(page).not.toContain('Fixture step two');
    } finally {
      app.unmount();
    }
  });

  it('the saved place survives the wait: Continue opens the saved page once the pages are there', async () => {
    const late = lateLessons();
    const app = renderDryRun(late.source, { lesson: 'clusterRole', page: 1, answers: {}, completed: ['intro'], doneSteps: [] });
    try {
      expect(app.frames[0]).toContain('› Continue where you left off: Fixture step one · page 2');
      await pause(30);
      app.stdin.write(KEYS.enter);
      await pause(100);
      late.deliver();
      const page = await waitFor(app.lastFrame, 'Policies side by side');
      expect(page).toContain('Policies body.');
    } finally {
      app.unmount();
    }
  });
});
