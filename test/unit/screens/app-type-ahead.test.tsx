import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { TutorConfig } from '../../../src/config.js';
import type { Outcome } from '../../../src/aws/day-two/context.js';
import { DAY_TWO_ACTIONS } from '../../../src/aws/day-two/actions.js';
import { LESSONS } from '../../../src/lessons/index.js';
import type { Lesson } from '../../../src/lessons/types.js';
import { App } from '../../../src/screens/App.js';
import type { LessonSource } from '../../../src/screens/hooks/useLessons.js';
import type { Services } from '../../../src/screens/services/types.js';
import { makeTheme } from '../../../src/screens/theme.js';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { pause, waitForFrame } from '../../fixtures/frames.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { KEYS, screenTests, type Rendered } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

/**
 * Keys typed ahead of the screen: a chunk of keys (a clicker's double press, a
 * paste) read at once, or keys read before the screen they act on was drawn,
 * never start a run on a page the learner has not seen.
 */
const screen = screenTests('tutor-type-ahead-');

const outcome: Outcome = {
  reasoning: text('Reasoning.', '理由。'),
  checks: [],
  next: text('Next.', '次。'),
};

/** A day-two runner that only records which actions were asked for. */
function recordingDayTwo(): { run: NonNullable<Services['dayTwo']>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    run: async (_session, action) => {
      asked.push(action);
      return outcome;
    },
  };
}

const addons = DAY_TWO_ACTIONS.find((a) => a.id === 'addons')!;
const addonsPages = LESSONS.find((l) => l.id === addons.lesson)!.pages.length;

/** The lesson menu, from the welcome screen. */
async function lessonMenu(app: Rendered) {
  await app.waitFor('Start with the lesson menu');
  await app.press(KEYS.enter);
  await app.waitFor('d runs them');
}

/** The day-two menu, reached from the lesson menu. */
async function dayTwoMenu(app: Rendered) {
  await lessonMenu(app);
  await app.press('d');
  await app.waitFor('Day two: the questions real projects meet');
}

/** The App on ink-testing-library's own stdin, for writes that reach the tutor before it draws again. */
function renderRaw(config: TutorConfig, services: Services, lessons: LessonSource) {
  return render(
    <App config={config} services={services} lessons={lessons} size={{ columns: 80, rows: 24 }} theme={makeTheme(false, false)} />,
  );
}

describe('keys typed ahead of the day-two screens', () => {
  it('d, a digit, → to the calls and Enter read together from the lesson menu open the action at its calls and send nothing', async () => {
    const fake = recordingDayTwo();
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real' }),
      services: fakeServices({ lessons: LESSONS, dayTwo: fake.run }).services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    await lessonMenu(app);
    await app.press(`d1${KEYS.right.repeat(addonsPages)}${KEYS.enter}`);
    await app.waitFor('[The call]');
    await pause(300);
    expect(app.lastFrame()).toContain('Nothing sent yet');
    expect(fake.asked).toEqual([]);
  });

  it('→ and Enter read together on the last Learn page show the calls and send nothing; Enter read after them sends', async () => {
    const fake = recordingDayTwo();
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fakeServices({ lessons: LESSONS, dayTwo: fake.run }).services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    await dayTwoMenu(app);
    await app.press(KEYS.enter);
    await app.waitFor(`[Learn 1/`);
    await app.press(...Array<string>(addonsPages - 1).fill(KEYS.right));
    await app.waitFor(`[Learn ${addonsPages}/`);
    await app.press(KEYS.right + KEYS.enter);
    await pause(300);
    expect(app.lastFrame()).toContain('Nothing sent yet');
    expect(fake.asked).toEqual([]);
    await app.press(KEYS.enter);
    await app.waitFor(() => fake.asked.length > 0);
    expect(fake.asked).toEqual(['addons']);
  });
  it('two Enters read before the Call page is drawn again, in an AWS account, run the action once', async () => {
    const asked: string[] = [];
    const dayTwo: NonNullable<Services['dayTwo']> = async (_session, action) => {
      asked.push(action);
      await pause(200);
      return outcome;
    };
    const config = testConfig({ stateDir: screen.stateDir, mode: 'real' });
    const app = renderRaw(config, fakeServices({ lessons: LESSONS, dayTwo }).services, LESSONS);
    try {
      await waitForFrame(app.lastFrame, 'Start with the lesson menu');
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, 'd runs them');
      app.stdin.write('d');
      await waitForFrame(app.lastFrame, 'Day two: the questions real projects meet');
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, '[Learn 1/');
      for (let i = 0; i < addonsPages; i++) {
        app.stdin.write(KEYS.right);
        await pause(30);
      }
      await waitForFrame(app.lastFrame, 'Nothing sent yet');
      // A double press the tutor reads as two reads, both before it draws the Run page.
      app.stdin.write(KEYS.enter);
      app.stdin.write(KEYS.enter);
      const frame = await waitForFrame(app.lastFrame, 'Done, but a check did not pass');
      expect(frame).toContain('[Run]');
      await pause(300);
      expect(asked).toEqual(['addons']);
    } finally {
      app.unmount();
    }
  });
});

describe('keys read in one chunk on the tutor’s own screens', () => {
  it('two Enters read together on the lesson menu open the lesson and turn to its second page', async () => {
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'dry-run' }), services: fakeServices().services });
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Summary of Fixture intro');
    await app.press(KEYS.enter + KEYS.enter);
    const frame = await app.waitFor('Body two of Fixture intro.');
    expect(frame).not.toContain('Body one of Fixture intro.');
  });

  it('Ctrl+C read together with a key before it still quits', async () => {
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'dry-run' }), services: fakeServices().services });
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Summary of Fixture intro');
    await app.press(`j${KEYS.ctrlC}`);
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.lines.join('\n')).toContain('Your progress is saved');
  });

  it('↓ Enter ↓ read together before the lessons’ pages are loaded open the lesson the first ↓ reached, once they are', async () => {
    let deliver: () => void = () => undefined;
    const arrived = new Promise<readonly Lesson[]>((resolve) => (deliver = () => resolve(FIXTURE_LESSONS)));
    const heads = FIXTURE_LESSONS.map(({ id, step, title, summary }) => ({ id, title, summary, ...(step ? { step } : {}) }));
    const app = renderRaw(testConfig({ stateDir: screen.stateDir, mode: 'dry-run' }), fakeServices().services, {
      heads,
      load: () => arrived,
    });
    try {
      await waitForFrame(app.lastFrame, 'Start with the lesson menu');
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, 'Summary of Fixture intro');
      app.stdin.write('j\rj');
      await pause(200);
      // Nothing opens without its pages, and the second ↓ waits behind the Enter.
      expect(app.lastFrame()).toContain('Summary of Fixture step one');
      deliver();
      const page = await waitForFrame(app.lastFrame, 'Roles page');
      expect(page).toContain('Roles body.');
      expect(page).not.toContain('Fixture step two');
    } finally {
      app.unmount();
    }
  });

  it('→ and Enter read together on a step’s Call page open its Run page and run nothing', async () => {
    const engine = new FakeEngine();
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fakeServices({ engine: () => engine }).services,
    });
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Roles page');
    await app.press('c');
    await app.waitFor('[The call]');
    await app.press(KEYS.right + KEYS.enter);
    await pause(300);
    expect(app.lastFrame()).toContain('Press Enter to run it');
    expect(engine.applied).toEqual([]);
    await app.press(KEYS.enter);
    await app.waitFor('Step 1 is in place');
    expect(engine.applied).toEqual([1]);
  });
});
