import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pause, tmuxServer } from '../support/tmux.js';

/**
 * The built program in a real terminal: tmux runs `node dist/cli.js` in a
 * 100×30 pane against the sandbox, this test presses keys and reads the screen.
 * `npm test` builds dist/cli.js before vitest starts.
 */
const CLI = resolve('dist/cli.js');
const server = tmuxServer('tutor-test');
const term = server.session('tutor');
let dir: string;

const screen = () => term.screen();

const press = (...keys: string[]): Promise<void> => term.press(keys, 150);

const waitFor = (what: string | RegExp, timeoutMs = 60_000): Promise<string> => term.waitFor(what, timeoutMs);

/**
 * Step 5 with Enter pressed every 30 ms from its Run page on, as a key held down
 * repeats: the Ready nodes must be on screen before (or when) step 5 counts as
 * done, and the check's result must not be skipped.
 */
async function enterFlood(): Promise<void> {
  let rowsAt = -1;
  let doneAt = -1;
  const deadline = Date.now() + 240_000;
  for (let i = 0; doneAt < 0 && Date.now() < deadline; i++) {
    term.send('Enter');
    await pause(30);
    if (i % 3 !== 0) continue;
    const text = screen();
    if (rowsAt < 0 && text.includes('[Check]') && /^\S+\s+Ready\s/m.test(text)) rowsAt = i;
    if (/Steps █████ 5\/5/.test(text)) doneAt = i;
  }
  expect(doneAt).toBeGreaterThanOrEqual(0);
  expect(rowsAt).toBeGreaterThanOrEqual(0);
  expect(rowsAt).toBeLessThanOrEqual(doneAt);
  // Leave the quiz the flood may have reached.
  await pause(500);
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
  dir = await mkdtemp(join(tmpdir(), 'tutor-tmux-'));
  term.open(100, 30, [
    'env',
    `KUBECONFIG=${join(dir, 'kubeconfig')}`,
    'NO_COLOR=1',
    // A shell that exports CI (as CI machines do) must still get a live screen.
    'CI=true',
    process.execPath,
    CLI,
    '--sandbox',
    '--time-scale',
    '0',
    '--state-dir',
    dir,
    '--lang',
    'en',
  ]);
});

afterAll(async () => {
  server.kill();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('the tutor in a real terminal (tmux, 100×30, sandbox)', () => {
  it('goes through all five steps and the clean-up', async () => {
    await waitFor('Start with the lesson menu', 90_000);
    await press('Enter');
    await waitFor('Lessons');
    await press('Down', 'Enter');
    const explanation = await waitFor('What a service role is');
    expect(explanation).toContain('[Learn 1/');

    for (const step of [1, 2, 3, 4, 5]) {
      await waitFor(`Step ${step}:`);
      await press('c');
      await waitFor('[The call]');
      // The request comes first; Space scrolls down to its aws CLI line.
      for (let i = 0; i < 12 && !screen().includes('The same with the aws CLI:'); i++) await press('Space');
      const call = await waitFor('The same with the aws CLI:');
      expect(call).toContain('[The call]');
      expect(call).toMatch(/\$ aws (iam|ec2|eks|kubeconfig)|\$ aws eks update-kubeconfig/);
      await press('Right');
      await waitFor('Press Enter to run it');
      if (step === 5) {
        await enterFlood();
        continue;
      }
      await press('Enter');
      const run = await waitFor(`Step ${step} is in place and checked`, 120_000);
      expect(run).toContain('Requests as they go:');
      await press('Right');
      const check = await waitFor('All checks passed.', 120_000);
      expect(check).toContain('✓');
      expect(check).not.toContain('✗');
      // The result stays a moment before → leaves it.
      await pause(1_700);
      await press('Right');
      const next = await waitFor(/\[Try it\]|\[Quiz\]/);
      if (step === 2) {
        // The lesson's commands, with the ids of this very build.
        expect(next).toContain('[Try it]');
        expect(next).toContain('These work in a second terminal');
        expect(next).toMatch(/Values=vpc-[0-9a-f]{8,}/);
        expect(next).not.toContain('{vpcId}');
      }
      if (next.includes('[Try it]')) await press('Right');
      await waitFor('[Quiz]');
      await press('s');
    }
    await press('Escape');
    await waitFor('Lessons');
    // The cursor is on the first wrap-up lesson; the clean-up is the last entry.
    for (let i = 0; i < 20 && !/› · Clean up/.test(screen()); i++) await press('Down');
    await press('Enter');
    await waitFor('│ Clean up');
    for (let i = 0; i < 8 && !screen().includes('[Clean up]'); i++) {
      await press('Right');
      await pause(400);
    }
    const plan = await waitFor('These will be deleted, in this order:');
    expect(plan).toContain('eks-cluster');
    await press('Enter');
    const done = await waitFor('is left.', 120_000);
    expect(done).toContain('✓ Nothing tagged eks-basics-tutor/cluster=eks-basics-tutor is left.');
    await press('q');
    const after = await waitFor('EXITED', 30_000);
    expect(after).toContain('EXITED 0');
  }, 600_000);
});
