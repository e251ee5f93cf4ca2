import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/index.js';
import { realServices } from '../../../src/screens/services/real.js';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, renderApp, type Rendered } from '../../fixtures/render.js';

let dir: string;
let app: Rendered | undefined;
const previousKubeconfig = process.env.KUBECONFIG;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tutor-sandbox-app-'));
  process.env.KUBECONFIG = join(dir, 'kubeconfig');
});
afterAll(async () => {
  app?.unmount();
  if (previousKubeconfig === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = previousKubeconfig;
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** From a step's lesson: straight to its run, run it, and wait for the checks. */
async function runStep(rendered: Rendered, step: number): Promise<string> {
  await rendered.waitFor(`Step ${step}:`);
  await rendered.press('c');
  await rendered.waitFor('[The call]');
  await rendered.press(KEYS.right);
  await rendered.waitFor('Press Enter to run it');
  await rendered.press(KEYS.enter);
  await rendered.waitFor(`Step ${step} is in place and checked`, 90_000);
  await rendered.press(KEYS.right);
  const checks = await rendered.waitFor('All checks passed.', 90_000);
  await rendered.readCheck();
  return checks;
}

describe('the real App against the sandbox', () => {
  it('builds all five steps, shows live data and kubectl’s Ready nodes, and cleans up to nothing', async () => {
    app = renderApp({
      config: testConfig({ stateDir: dir, timeScale: 0 }),
      services: realServices(LESSONS.map((l) => l.id)),
      lessons: LESSONS,
      size: { columns: 100, rows: 32 },
    });
    await app.waitFor('Start with the lesson menu', 60_000);
    await app.press(KEYS.enter);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Step 1:');
    // The policies page reads both managed policies from IAM.
    await app.press(KEYS.right, KEYS.right);
    const policies = await app.waitFor('AmazonEKSClusterPolicy (v', 30_000);
    expect(policies).toContain('AmazonEKSServicePolicy (v');
    expect(policies).toContain('★ ec2:CreateNetworkInterface');
    let checks = await runStep(app, 1);
    expect(checks).toContain('✓');
    for (const step of [2, 3, 4, 5]) {
      // Past the step's Try it page, if it has one, to its quiz.
      for (let i = 0; i < 3 && !app.lastFrame().includes('[Quiz]'); i++) {
        await app.press(KEYS.right);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await app.waitFor('[Quiz]');
      await app.press('s');
      checks = await runStep(app, step);
      expect(checks).not.toContain('✗');
    }
    expect(checks).toContain('kubectl says:');
    expect(checks).toMatch(/\sReady\s/);
    expect(app.lastFrame()).toContain('Steps █████ 5/5');

    await app.press('m');
    const map = await app.waitFor('Resource map');
    expect(map).toMatch(/● VPC vpc-/);
    expect(map).toMatch(/● EKS control plane/);
    expect(map).not.toContain('○ private');
    await app.press('m', KEYS.escape);
    await app.waitFor('Lessons');
    // Clean up is the last lesson: up from step 5, past the top, wraps round to it.
    await app.press(...Array<string>(6).fill(KEYS.up));
    await app.waitFor(/› · Clean up/);
    await app.press(KEYS.enter);
    await app.waitFor('│ Clean up');
    for (let i = 0; i < 8 && !app.lastFrame().includes('[Clean up]'); i++) {
      await app.press(KEYS.right);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const plan = await app.waitFor('These will be deleted, in this order:', 30_000);
    expect(plan).toContain('eks-nodegroup');
    await app.press(KEYS.enter);
    const done = await app.waitFor('is left.', 120_000);
    expect(done).toContain('✓ Nothing tagged eks-basics-tutor/cluster=eks-basics-tutor is left.');
    expect(done).toContain('Steps ░░░░░ 0/5');
    await app.press('q');
    const exit = await app.exited;
    expect(exit.code).toBe(0);
  }, 300_000);
});
