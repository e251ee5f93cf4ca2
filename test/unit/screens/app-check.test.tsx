import { describe, expect, it } from 'vitest';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { openStep } from '../../support/screen-steps.js';

const screen = screenTests('tutor-check-');

describe('the check is the climax', () => {
  it('keeps Enter pressed while step 5 is read back on its Check page, shows the Ready nodes first, and only then marks step 5 done', async () => {
    const engine = new FakeEngine();
    const release = engine.holdVerify(5);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await openStep(app, 5, 'Fixture step five');
    await app.press('c', KEYS.right, KEYS.enter);
    await app.waitFor('Created.');
    await app.press(KEYS.enter);
    let frame = await app.waitFor('Reading it back from AWS');
    expect(frame).toContain('[Check]');
    // An impatient presenter: Enter and → again and again while it reads back.
    await app.press(KEYS.enter, KEYS.enter, KEYS.right, KEYS.enter, KEYS.right);
    frame = await app.waitFor('The result will appear here');
    expect(frame).toContain('[Check]');
    expect(frame).toContain(' 4/5');
    release();
    frame = await app.waitFor('kubectl says:');
    // The nodes come first, whole, at 80×24; step 5 is done once they were on screen.
    const lines = frame.split('\n');
    const table = lines.findIndex((l) => l.includes('$ kubectl get nodes'));
    const checks = lines.findIndex((l) => l.includes('What the lesson claimed'));
    expect(table).toBeGreaterThan(0);
    expect(table).toBeLessThan(checks);
    expect(frame).toContain('ip-192-168-100-1   Ready');
    frame = await app.waitFor('Steps █████ 5/5');
    expect(frame).toContain('ip-192-168-100-1   Ready');
    // Keys typed right after it appeared do not hide it at once.
    await app.press(KEYS.enter);
    expect(app.lastFrame()).toContain('[Check]');
    await app.readCheck();
    await app.press(KEYS.enter);
    await app.waitFor('[Quiz]');
  });

  it('does not count step 5 as done while its result has not been shown', async () => {
    const engine = new FakeEngine();
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 5, 'Fixture step five');
    await app.press('c', KEYS.right, KEYS.enter);
    let frame = await app.waitFor('Step 5 is in place and checked');
    expect(frame).toContain('Steps ████░ 4/5');
    await app.press(KEYS.right);
    frame = await app.waitFor('Steps █████ 5/5');
    expect(frame).toContain('Ready');
  });

  it('explains an AWS error through the same words as the CLI (AccessDenied)', async () => {
    const engine = new FakeEngine();
    const denied = Object.assign(
      new Error(
        'User: arn:aws:iam::123456789012:user/learner is not authorized to perform: iam:CreateRole on resource: role eks-basics-tutor-cluster-role',
      ),
      {
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      },
    );
    engine.failNext(1, denied);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 1, 'Fixture step one');
    await app.press('c', KEYS.right, KEYS.enter);
    const frame = await app.waitFor('It failed:');
    expect(frame).toContain('AWS refused: arn:aws:iam::123456789012:user/learner may not iam:CreateRole');
    expect(frame.replace(/\s*\n/g, ' ')).toContain('Add iam:CreateRole to its IAM policy');
    expect(frame).toContain('Press r to try again.');
  });
});

describe('the call page', () => {
  it('scrolls through the whole request instead of ending in "… more"', async () => {
    const engine = new FakeEngine();
    const plan = engine.plan.bind(engine);
    const fields = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`Field${String(i + 1).padStart(2, '0')}`, `value ${i + 1} of a long request`]),
    );
    engine.plan = (step) => {
      const base = plan(step);
      return { ...base, calls: [{ ...base.calls[0]!, input: fields }, ...base.calls.slice(1)] };
    };
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await openStep(app, 1, 'Fixture step one');
    await app.press('c');
    let frame = await app.waitFor('[The call]');
    expect(frame).toContain('Field01');
    expect(frame).toMatch(/more lines \(Space scrolls\)/);
    expect(frame).not.toContain('Field40');
    await app.press(' ', ' ', ' ', ' ', ' ');
    frame = await app.waitFor('Field40');
    expect(frame).toContain('value 40 of a long request');
  });
});

describe('the run log', () => {
  it('keeps every request: ↑ reads back to the first ones', async () => {
    const engine = new FakeEngine();
    const release = engine.hold(2);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await openStep(app, 2, 'Fixture step two');
    await app.press('c', KEYS.right, KEYS.enter);
    await app.waitFor('Running step 2');
    engine.emit({ type: 'step-start', step: 2, action: 'apply' });
    for (let i = 1; i <= 40; i++) engine.emit({ type: 'call', service: 'ec2', operation: `Request${String(i).padStart(2, '0')}` });
    let frame = await app.waitFor('ec2:Request40');
    expect(frame).not.toContain('ec2:Request01');
    await app.press(...Array<string>(45).fill(KEYS.up));
    frame = await app.waitFor('ec2:Request01');
    expect(frame).toContain('newer lines');
    release();
  });
});
