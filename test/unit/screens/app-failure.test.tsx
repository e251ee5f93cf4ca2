import { describe, expect, it } from 'vitest';
import { explainAwsError } from '../../../src/aws/errors.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { openStep } from '../../support/screen-steps.js';

const screen = screenTests('tutor-failure-');

/** A throttling answer as the SDK throws it once its retries are spent, explained as the engine rejects with it. */
const THROTTLED = explainAwsError(
  Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } }),
);

describe('a failed step on the screen', () => {
  it('in a real account: the explanation, what still bills, and both ways out (try again, or remove it all)', async () => {
    const engine = new FakeEngine();
    engine.failNext(3, THROTTLED);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real', region: 'us-east-1' }),
      services: fake.services,
      size: { columns: 100, rows: 60 },
    });
    await openStep(app, 3, 'Fixture step three');
    await app.press('c', KEYS.right);
    await app.waitFor('create it in your account');
    await app.readRun();
    await app.press(KEYS.enter);
    const frame = (await app.waitFor('It failed:', 10_000)).replace(/\s+/g, ' ');
    expect(frame).toContain(THROTTLED.text.en);
    expect(frame).toContain('Still running in your AWS account:');
    expect(frame).toMatch(/nat-gateway \S+ ~\$[\d.]+\/h/);
    expect(frame).toMatch(/Together about \$[\d.]+ per hour until deleted/);
    expect(frame).toContain('to remove it all instead, run `eks-basics-tutor down --region us-east-1` or choose Clean up.');
    expect(frame).toContain('Press r to try again.');
  });

  it('in the sandbox: the explanation and r, with nothing said about billing', async () => {
    const engine = new FakeEngine();
    engine.failNext(3, THROTTLED);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 100, rows: 60 },
    });
    await openStep(app, 3, 'Fixture step three');
    await app.press('c', KEYS.right, KEYS.enter);
    const frame = (await app.waitFor('It failed:', 10_000)).replace(/\s+/g, ' ');
    expect(frame).toContain(THROTTLED.text.en);
    expect(frame).not.toContain('Still running');
    expect(frame).toContain('Press r to try again.');
  });
});
