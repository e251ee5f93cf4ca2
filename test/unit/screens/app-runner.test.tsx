import { describe, expect, it } from 'vitest';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { KEYS, screenTests, type Rendered } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

const screen = screenTests('tutor-runner-');

async function openStep(rendered: Rendered, downs: number, title: string) {
  await rendered.waitFor('Start with the lesson menu');
  await rendered.press(KEYS.enter);
  await rendered.waitFor('Lessons');
  await rendered.press(...Array<string>(downs).fill(KEYS.down), KEYS.enter);
  await rendered.waitFor(title);
}

/** From the lesson's first page to its Run page, and Enter once the session is open (its plan priced). */
async function runFromItsPage(rendered: Rendered) {
  await rendered.press('c', KEYS.right);
  await rendered.waitFor('In AWS this would add');
  await rendered.press(KEYS.enter);
}

describe('the Run page runs steps as the engine starts them', () => {
  it('makes the node role during step 3’s wait and lists it with step 3, not before the cluster is asked for', async () => {
    const engine = new FakeEngine();
    const hold = engine.hold(3);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      size: { columns: 100, rows: 40 },
    });
    await openStep(app, 3, 'Fixture step three');
    await runFromItsPage(app);
    let frame = await app.waitFor('Running step 3');
    // Steps 1 and 2 ran first; nothing of step 5 starts while step 3's requests are going out.
    expect(engine.applied).toEqual([1, 2]);
    expect(engine.prepared).toEqual([]);
    expect(frame).not.toContain('eks-basics-tutor-node-role');
    hold();
    frame = await app.waitFor('eks-basics-tutor-node-role: created');
    // The whole of it is step 3's, from its start: it begins once the cluster is asked for.
    const log = frame.split('\n').filter((line) => /: (creating|created)$/.test(line.trim()));
    expect(log.map((line) => line.trim().replace(/^\S+ /, ''))).toEqual([
      'eks-cluster: creating',
      'eks-cluster eks-basics-tutor: created',
      'iam-role: creating',
      'iam-role eks-basics-tutor-node-role: created',
    ]);
    expect(engine.applied).toEqual([1, 2, 3]);
    expect(engine.prepared).toEqual([5]);
  });

  it('runs step 5 after the node role was made early, and its Check page shows kubectl’s nodes', async () => {
    const engine = new FakeEngine();
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 5, 'Fixture step five');
    await runFromItsPage(app);
    await app.waitFor('Step 5 is in place and checked');
    expect(engine.applied).toEqual([1, 2, 3, 4, 5]);
    expect(engine.prepared).toEqual([5]);
    await app.press(KEYS.right);
    const check = await app.waitFor('kubectl says:');
    expect(check).toContain('$ kubectl get nodes');
  });

  it('shows kubectl’s output only on the Check page of a step whose plan runs kubectl', async () => {
    const engine = new FakeEngine();
    const release = engine.holdVerify(3);
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await openStep(app, 3, 'Fixture step three');
    await runFromItsPage(app);
    await app.waitFor('Created.');
    // Something else runs kubectl while step 3 is read back: it is not step 3's check.
    engine.emit({ type: 'kubectl', args: ['get', 'pods'], output: 'NAME READY\nstray-pod 1/1' });
    release();
    await app.waitFor('Step 3 is in place and checked');
    await app.press(KEYS.right);
    const check = await app.waitFor('What the lesson claimed');
    expect(check).not.toContain('kubectl says:');
    expect(check).not.toContain('stray-pod');
  });
});
