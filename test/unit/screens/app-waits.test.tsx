import { describe, expect, it } from 'vitest';
import { TutorError } from '../../../src/errors.js';
import { SLOW_TICK_MS } from '../../../src/screens/hooks/useNow.js';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { openStep } from '../../support/screen-steps.js';

const screen = screenTests('tutor-waits-');

describe('long waits, the map and the cost meter', () => {
  it('shows a control plane CREATING for minutes with its clock, lets the learner read on, and fills the map in', async () => {
    const engine = new FakeEngine();
    const hold = engine.hold(3);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real' }),
      services: fake.services,
      size: { columns: 160, rows: 40 },
      color: true,
    });
    await openStep(app, 3, 'Fixture step three');
    // Wide terminal: the map is beside the lesson, all planned.
    let frame = await app.waitFor('Resource map');
    expect(frame).toContain('○ VPC');
    expect(frame).toContain('○ EKS control plane');
    await app.press('c', KEYS.right);
    await app.waitFor('create it in your account');
    await app.readRun();
    await app.press(KEYS.enter);
    await app.waitFor('Running step 3');
    engine.emit({
      type: 'status',
      key: 'cluster',
      kind: 'eks-cluster',
      id: 'eks-basics-tutor',
      status: 'CREATING',
      elapsedMs: 4 * 60_000,
      expectedMs: 9 * 60_000,
    });
    frame = await app.waitFor('4:00 / ~9:00');
    expect(frame).toMatch(/◐ EKS control plane.*CREATING/);
    expect(frame).toMatch(/● VPC vpc-0fake/);
    expect(frame).toContain('~$0.150/h');
    // An hour later (the clock of the screens moves), the total has grown and the wait runs on. During a wait of
    // minutes the clocks move every SLOW_TICK_MS: the next tick may be that far off.
    fake.clock.now += 60 * 60_000;
    frame = await app.waitFor('$0.150 so far', SLOW_TICK_MS + 10_000);
    expect(frame).toContain('64:00 / ~9:00');
    // Reading on while the cluster is still being created: the next lesson says so.
    await app.press(KEYS.right, KEYS.right, 's');
    frame = await app.waitFor('Fixture step four');
    expect(frame).toContain('The cluster is still CREATING');
    expect(frame).toContain('Read on meanwhile');
    hold();
    engine.emit({
      type: 'status',
      key: 'cluster',
      kind: 'eks-cluster',
      id: 'eks-basics-tutor',
      status: 'ACTIVE',
      elapsedMs: 65 * 60_000,
      expectedMs: 9 * 60_000,
    });
    frame = await app.waitFor((f) => !f.includes('still CREATING'));
    expect(frame).toMatch(/● EKS control plane eks-basics-tutor/);
  });

  it('says, when quitting while the control plane is CREATING, that AWS goes on making it', async () => {
    const engine = new FakeEngine();
    engine.hold(3);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'real' }), services: fake.services });
    await openStep(app, 3, 'Fixture step three');
    await app.press('c', KEYS.right);
    await app.waitFor('create it in your account');
    await app.readRun();
    await app.press(KEYS.enter);
    await app.waitFor('Running step 3');
    engine.emit({
      type: 'status',
      key: 'cluster',
      kind: 'eks-cluster',
      id: 'eks-basics-tutor',
      status: 'CREATING',
      elapsedMs: 60_000,
      expectedMs: 9 * 60_000,
    });
    await app.waitFor('1:00 / ~9:00');
    await app.press('q');
    const quit = await app.waitFor('Still running in your AWS account');
    expect(quit.replace(/\s+/g, ' ')).toContain('AWS goes on creating eks-cluster eks-basics-tutor (CREATING)');
    await app.press(KEYS.enter);
    const exit = await app.exited;
    expect(exit.lines.join(' ')).toContain('AWS goes on creating eks-cluster eks-basics-tutor (CREATING)');
  });

  it('shows a failure as it is, and runs the step again on r', async () => {
    const engine = new FakeEngine();
    engine.failNext(
      2,
      new TutorError(
        'QUOTA',
        text(
          'VpcLimitExceeded: this region already has 5 VPCs; delete one or ask for a higher quota.',
          'VpcLimitExceeded: このリージョンにはすでに VPC が 5 個あります。',
        ),
      ),
    );
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 2, 'Fixture step two');
    await app.press('c', KEYS.right, KEYS.enter);
    const frame = await app.waitFor('It failed:');
    expect(frame).toContain('VpcLimitExceeded: this region already has 5 VPCs');
    expect(frame).toContain('Press r to try again.');
    expect(frame).not.toMatch(/at .*\.ts:\d+/);
    await app.press('r');
    await app.waitFor('Step 2 is in place and checked');
    expect(engine.applied).toEqual([1, 2]);
  });

  it('cleans up: the plan, one confirmation, each resource deleted, and nothing left', async () => {
    const engine = new FakeEngine();
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 5, 'Fixture step five');
    await app.press('c', KEYS.right, KEYS.enter);
    await app.waitFor('Step 5 is in place and checked');
    await app.press(KEYS.right);
    const check = await app.waitFor('kubectl says:');
    expect(check).toContain('ip-192-168-100-1   Ready');
    await app.press(KEYS.escape);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Fixture clean-up');
    await app.press(KEYS.right);
    let frame = await app.waitFor('These will be deleted, in this order:');
    expect(frame).toContain('eks-nodegroup');
    expect(frame).toContain('vpc-0fake');
    await app.press(KEYS.enter);
    frame = await app.waitFor('Nothing tagged eks-basics-tutor/cluster=eks-basics-tutor is left.');
    expect(frame).toContain('Deleted 13 resources.');
    expect(frame).toContain('Steps ░░░░░');
    expect(engine.existing.size).toBe(0);
    // Past the clean-up: the end of the course, and the menu says what was built and removed.
    await app.press(KEYS.right);
    frame = await app.waitFor('The course is done');
    expect(frame.replace(/\s+/g, ' ')).toContain('and cleaned it all up.');
    expect(frame).toMatch(/Quizzes: \d+ of \d+ answered right/);
    await app.press(KEYS.enter);
    frame = await app.waitFor('Lessons');
    expect(frame).toMatch(/Fixture step five \(built, then cleaned up\)/);
  });
});

describe('a clean-up list taller than the page', () => {
  it('shows whole rows in one column and scrolls to the last one instead of cutting it', async () => {
    const engine = new FakeEngine();
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 80, rows: 20 },
    });
    await openStep(app, 5, 'Fixture step five');
    await app.press('c', KEYS.right, KEYS.enter);
    await app.waitFor('Step 5 is in place and checked');
    await app.press(KEYS.escape);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Fixture clean-up');
    await app.press(KEYS.right);
    let frame = await app.waitFor('These will be deleted, in this order:');
    expect(frame).toMatch(/↓ \d+ more below/);
    // The first to go is the node group (the plan is the fake's reverse order); the last, the cluster role.
    expect(frame).toContain('eks-nodegroup    eks-basics-tutor-nodes');
    expect(frame).not.toContain('eks-basics-tutor-cluster-role');
    await app.press(...Array<string>(12).fill(KEYS.down));
    frame = await app.waitFor('eks-basics-tutor-cluster-role');
    expect(frame).toMatch(/iam-role\s+eks-basics-tutor-cluster-role/);
    expect(frame).not.toMatch(/more below/);
  });
});

describe('layouts', () => {
  it('fits 80×24 on every frame, lessons and map included', async () => {
    const fake = fakeServices();
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await openStep(app, 2, 'Fixture step two');
    await app.press('c', KEYS.right, KEYS.enter);
    await app.waitFor('Step 2 is in place and checked');
    await app.press('m');
    await app.waitFor('Resource map');
    await app.press('m', '?');
    await app.waitFor('Keys');
    for (const frame of app.frames) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    }
  });
});

describe('without credentials', () => {
  it('offers the sandbox first, then a dry run, and says how to set credentials up; a dry run shows the commands', async () => {
    const { noCredentials } = await import('../../../src/session.js');
    const fake = fakeServices({ openError: (config) => (config.mode === 'real' ? noCredentials() : undefined) });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'real' }), services: fake.services });
    let frame = await app.waitFor('No AWS credentials were found.');
    expect(frame).toContain('aws configure');
    expect(frame).toMatch(/› Use the sandbox \(local, free\)\n\s+Dry run/);
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Requests are shown, never sent.');
    // A dry run's welcome screen needs no session: it opens once the learner goes on.
    expect(fake.opened.map((c) => c.mode)).toEqual(['real']);
    await app.waitFor('› Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Lessons');
    await app.waitFor(() => fake.opened.length === 2);
    expect(fake.opened.map((c) => c.mode)).toEqual(['real', 'dry-run']);
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Fixture step one');
    frame = await app.waitFor('[Learn 1/2]');
    expect(frame).not.toContain('Check');
    await app.press('c', KEYS.right);
    frame = await app.waitFor('Dry run: nothing is sent.');
    expect(frame).toContain('$ aws eks fake-create-1');
    await app.press(KEYS.enter);
    expect(fake.engines[0]?.applied ?? []).toEqual([]);
  });

  it('opens the sandbox chosen on the welcome screen in the default region when none is set, as --sandbox does', async () => {
    const { noCredentials } = await import('../../../src/session.js');
    const fake = fakeServices({
      openError: (config) => (config.mode === 'real' ? noCredentials() : !config.region ? new Error('Region is missing') : undefined),
    });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'real', region: '' }), services: fake.services });
    await app.waitFor('› Use the sandbox (local, free)');
    await app.press(KEYS.enter);
    const frame = await app.waitFor('› Start with the lesson menu');
    expect(frame).not.toContain('Region is missing');
    expect(frame).toContain('us-east-1');
    expect(fake.opened.map((c) => [c.mode, c.region])).toEqual([
      ['real', ''],
      ['sandbox', 'us-east-1'],
    ]);
  });

  it('offers the dry run when moto is not installed, and says how to install it', async () => {
    const { noCredentials } = await import('../../../src/session.js');
    const fake = fakeServices({ moto: false, openError: () => noCredentials() });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'real' }), services: fake.services });
    const frame = await app.waitFor('pipx install "moto[server]"');
    expect(frame).toMatch(/› Dry run/);
    expect(frame).not.toContain('Use the sandbox');
  });
});
