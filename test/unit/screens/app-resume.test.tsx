import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/state/ledger.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { KEYS, renderApp, type Rendered } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { openStep, runAndCheck } from '../../support/screen-steps.js';

let stateDir: string;
const apps: Rendered[] = [];

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'tutor-resume-'));
});
afterEach(async () => {
  apps.splice(0).forEach((app) => app.unmount());
  await rm(stateDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The progress file once it holds what `ready` looks for (writes land a moment after the change). */
async function savedProgress(path: string, ready: (progress: { answers?: Record<string, unknown[]> }) => boolean) {
  for (let i = 0; ; i++) {
    const progress = await readFile(path, 'utf8').then(
      (raw) => JSON.parse(raw),
      () => ({}),
    );
    if (ready(progress) || i > 100) return progress;
    await pause(50);
  }
}

describe('quitting and coming back', () => {
  it('saves the progress on every change and continues there, with the steps the ledger still holds', async () => {
    const ledger = Ledger.inMemory({ clusterName: 'eks-basics-tutor', mode: 'sandbox', region: 'us-east-1' });
    const config = testConfig({ stateDir });
    const first = fakeServices({ engine: () => new FakeEngine(ledger) });
    const app = renderApp({ config, services: first.services });
    apps.push(app);
    await openStep(app, 2, 'Fixture step two');
    await runAndCheck(app, 2);
    await app.waitFor('Question 1 of 2');
    await app.answer('Right choice');
    await app.waitFor('Right.');
    const saved = await savedProgress(join(stateDir, 'sandbox', 'eks-basics-tutor.progress.json'), (p) => p.answers?.vpc?.[0] === 1);
    expect(saved).toMatchObject({
      format: 'eks-basics-tutor-progress',
      version: 1,
      lesson: 'vpc',
      page: 5,
      answers: { vpc: [1, null] },
      doneSteps: [1, 2],
    });
    expect(typeof saved.seed).toBe('number');
    await app.press('q');
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.lines.join('\n')).toContain('Your progress is saved');
    expect(first.closed).toBe(1);

    const second = fakeServices({ engine: () => new FakeEngine(ledger) });
    const again = renderApp({ config, services: second.services });
    apps.push(again);
    const welcome = await again.waitFor('Continue where you left off');
    expect(welcome).toContain('Fixture step two · page 6');
    await again.press(KEYS.enter);
    const quiz = await again.waitFor('[Quiz]');
    // The question answered before shows its answer; the one left open is asked.
    expect(quiz).toContain('Question 2 of 2');
    await again.press(KEYS.escape);
    const menu = await again.waitFor('Lessons');
    expect(menu).toMatch(/✓ Fixture step one/);
    expect(menu).toMatch(/✓ Fixture step two/);
    expect(menu).toContain('2 of 5 built');
  });

  it('forgets steps whose resources are gone (a fresh sandbox), but keeps the place and the answers', async () => {
    const config = testConfig({ stateDir });
    const first = fakeServices();
    const app = renderApp({ config, services: first.services });
    apps.push(app);
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter, KEYS.down, KEYS.enter);
    await app.waitFor('Fixture step one');
    await app.press('c', KEYS.right, KEYS.enter);
    await app.waitFor('Step 1 is in place and checked');
    await pause(100);
    await app.press('q');
    await app.exited;

    const second = fakeServices();
    const again = renderApp({ config, services: second.services });
    apps.push(again);
    await again.waitFor('Continue where you left off');
    await again.press(KEYS.enter);
    const run = await again.waitFor('[Run]');
    expect(run).toContain('Press Enter to run it');
    expect(run).toContain('Steps ░░░░░');
  });

  it('in a dry run offers the menu, and the place saved, before the session opens; it opens once the learner goes on', async () => {
    const config = testConfig({ stateDir, mode: 'dry-run' });
    // Sessions that open only when the test lets them.
    const held = (fake: ReturnType<typeof fakeServices>) => {
      const calls: string[] = [];
      let release = () => undefined as void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const open = fake.services.openSession.bind(fake.services);
      fake.services.openSession = async (c, signal) => {
        calls.push(c.mode);
        await gate;
        return open(c, signal);
      };
      return { calls, release };
    };
    const first = fakeServices();
    const firstHold = held(first);
    const app = renderApp({ config, services: first.services });
    apps.push(app);
    const welcome = await app.waitFor('› Start with the lesson menu');
    expect(welcome).toContain('Requests are shown, never sent.');
    expect(firstHold.calls).toEqual([]);
    await app.press(KEYS.enter);
    await app.waitFor('Lessons');
    await app.waitFor(() => firstHold.calls.length === 1);
    firstHold.release();
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Fixture step one');
    await app.press('c', KEYS.right);
    const call = await app.waitFor('Dry run: nothing is sent.');
    expect(call).toContain('$ aws eks fake-create-1');
    await pause(100);
    await app.press('q');
    await app.exited;

    const second = fakeServices();
    const secondHold = held(second);
    const again = renderApp({ config, services: second.services });
    apps.push(again);
    await again.waitFor('Continue where you left off');
    expect(secondHold.calls).toEqual([]);
    await again.press(KEYS.enter);
    await again.waitFor('Fixture step one');
    await again.waitFor(() => secondHold.calls.length > 0);
    expect(secondHold.calls).toEqual(['dry-run']);
  });
});
