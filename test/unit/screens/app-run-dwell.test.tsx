import { describe, expect, it } from 'vitest';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { openStep } from '../../support/screen-steps.js';

/**
 * In an AWS account, a press that comes as a page that sends a billed run
 * opens (a clicker's or a bouncing key's second press) sends nothing and says
 * so; the next press does. The sandbox costs nothing and keeps no such wait.
 */
const screen = screenTests('tutor-run-dwell-');

describe('a press as a billed run’s page opens', () => {
  it('in an AWS account: nothing is sent, the Run page says so, and Enter again sends it', async () => {
    const fake = fakeServices();
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real' }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await openStep(app, 1, 'Fixture step one');
    await app.press('c');
    await app.waitFor('FakeCreate1');
    // → and Enter of one double press: two reads, the second as the Run page opens.
    await app.press(KEYS.right);
    await app.press(KEYS.enter);
    const held = await app.waitFor('That press came as the page opened: nothing sent.');
    expect(held.replace(/\s+/g, ' ')).toContain('Enter (or y) again creates it in your account');
    expect(held.split('\n').length).toBeLessThanOrEqual(24);
    expect(fake.engines.flatMap((e) => e.applied)).toEqual([]);

    await app.readRun();
    await app.press(KEYS.enter);
    await app.waitFor('Step 1 is in place and checked');
    expect(fake.engines.flatMap((e) => e.applied)).toEqual([1]);
  });

  it('on the presenter track in an AWS account: Enter as the call page opens sends nothing and says so', async () => {
    const fake = fakeServices();
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real', presenter: true }),
      services: fake.services,
    });
    await app.waitFor('Start with the lesson menu');
    // The 20-minute track opens at its first lesson.
    await app.press(KEYS.enter);
    await app.waitFor('FIXTURE STEP ONE');
    // c and Enter of one double press: two reads, the second as the call page opens.
    await app.press('c', KEYS.enter);
    await app.waitFor('That press came as the page opened: nothing sent. Enter again sends it.');
    expect(fake.engines.flatMap((e) => e.applied)).toEqual([]);
  });

  it('in the sandbox: Enter as the Run page opens runs the step', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 1, 'Fixture step one');
    await app.press('c');
    await app.waitFor('FakeCreate1');
    await app.press(KEYS.right);
    await app.press(KEYS.enter);
    await app.waitFor('Step 1 is in place and checked');
    expect(fake.engines.flatMap((e) => e.applied)).toEqual([1]);
  });
});
