import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/aws/day-two/context.js';
import { DAY_TWO_ACTIONS } from '../../../src/aws/day-two/actions.js';
import { LESSONS } from '../../../src/lessons/index.js';
import type { Services } from '../../../src/screens/services/types.js';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { pause } from '../../fixtures/frames.js';
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

/** The day-two menu, reached from the lesson menu, and one chunk written there. */
async function dayTwoMenu(app: Rendered) {
  await app.waitFor('Start with the lesson menu');
  await app.press(KEYS.enter);
  await app.waitFor('d runs them');
  await app.press('d');
  await app.waitFor('Day two: the questions real projects meet');
}

describe('keys typed ahead of the day-two screens', () => {
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
});

describe('keys typed ahead of the tutor’s own pages', () => {
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
