import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_TWO_ACTIONS } from '../../src/aws/day-two/actions.js';
import { LESSONS } from '../../src/lessons/index.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';
import { pause, tmuxServer } from '../support/tmux.js';

/**
 * Day two from the built program's screens, in a real terminal: tmux runs
 * `node dist/cli.js --sandbox` at 80×24 on a build that `up` made (one minor behind, for the upgrade), and the
 * add-ons and access actions run from the day-two menu with the real kubectl.
 */
const CLI = resolve('dist/cli.js');
const server = tmuxServer('tutor-day-two');
const term = server.session('tutor');
const learners = useLearners();
let learner: Learner;

const screen = () => term.screen();

const press = (...keys: string[]): Promise<void> => term.press(keys, 200);

const waitFor = (what: string | RegExp, timeoutMs = 60_000): Promise<string> => term.waitFor(what, timeoutMs);

/** From an action's first page to its Calls page, then Enter runs it; its Check page once it is done. */
async function runAction(title: string): Promise<string> {
  await waitFor(title);
  // One page at a time, each drawn before the next key: a busy machine draws late.
  for (let i = 0; i < 30; i++) {
    const before = screen();
    if (before.includes('[The call]')) break;
    await press(/\[(Run|Check)\]/.test(before) ? 'Left' : 'Right');
    for (let wait = 0; wait < 50 && screen() === before; wait++) await pause(100);
  }
  await waitFor('Nothing sent yet');
  await press('Enter');
  await waitFor(/Done: the check is on the next page|Done, but a check did not pass|It failed:/, 240_000);
  await press('Right');
  await waitFor(/What the real kubectl says:|Checked:/, 10_000);
  // The whole page, scrolled through: kubectl's output first, then the checks, the reasoning and what next.
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    const text = screen();
    seen.push(text.split('\n').slice(3, -3).join('\n'));
    if (/Why:/.test(text) && !/↓ more/.test(text)) break;
    await press('NPage');
  }
  return seen.join('\n');
}

afterAll(async () => {
  server.kill();
  await learner?.run(['down', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
}, 300_000);

describe('day two in the TUI (tmux, 80×24, sandbox)', () => {
  it('runs add-ons and access from the day-two menu and shows the real kubectl output', { timeout: 900_000 }, async () => {
    learner = await learners.make();
    const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0', '--kubernetes-version', '1.35'], { timeoutMs: 300_000 });
    expect(up.exitCode, up.stdout + up.stderr).toBe(0);

    term.open(80, 24, [
      'env',
      `HOME=${learner.home}`,
      `KUBECONFIG=${learner.kubeconfig}`,
      'NO_COLOR=1',
      process.execPath,
      CLI,
      '--sandbox',
      '--time-scale',
      '0',
      '--state-dir',
      learner.stateDir,
      '--lang',
      'en',
    ]);
    await waitFor('Start with the lesson menu', 90_000);
    await press('Enter');
    await waitFor('d runs them');
    await press('d');
    const menu = await waitFor('Day two: the questions real projects meet');
    expect(menu).toContain('Add-ons and the VPC CNI at work');
    expect(menu).toContain('Q2 More people');

    // Keys typed ahead in one go (a clicker, a paste): Enter opens add-ons, → to its calls, and the last Enter, typed
    // before the calls were on screen, sends nothing.
    const learnPages = LESSONS.find((l) => l.id === DAY_TWO_ACTIONS[0]!.lesson)!.pages.length;
    await term.waitFor((text) => !text.includes('The session is not open yet'), 120_000, 'the session open');
    server.tmux('send-keys', '-t', 'tutor', 'Enter', ...Array<string>(learnPages).fill('Right'), 'Enter');
    await waitFor('Nothing sent yet');
    await pause(1500);
    expect(screen()).toContain('Nothing sent yet');

    // Add-ons: the four EKS add-ons, then kube-system's pods with their VPC addresses.
    const addons = await runAction('Add-ons and the VPC CNI at work');
    expect(addons).toContain('$ kubectl get pods -n kube-system -o wide');
    expect(addons).toMatch(/^aws-node-\S+\s+\S+\s+Running/m);
    expect(addons).toMatch(/^coredns-\S+\s+\S+\s+Running\s+\d+\s+\S+\s+192\.168\.\d+\.\d+/m);
    expect(addons).toContain('Every check passed.');
    expect(addons).not.toContain('✗');

    // Access: Unauthorized with no entry, Forbidden with an entry and no policy, then reads allowed.
    await press('Escape');
    await waitFor('Day two: the questions real projects meet');
    await press('4');
    const access = await runAction('Q2 · More people');
    const unauthorized = access.search(/Unauthorized/);
    const forbidden = access.search(/[Ff]orbidden/);
    expect(unauthorized).toBeGreaterThanOrEqual(0);
    expect(forbidden).toBeGreaterThan(unauthorized);
    expect(access).toContain('Every check passed.');
    expect(access).not.toContain('✗');

    await press('Escape');
    const after = await waitFor('Day two: the questions real projects meet');
    expect(after).toMatch(/✓ Add-ons and the VPC CNI at work/);
    expect(after).toMatch(/✓ Q2 More people/);
  });

  it(
    'runs the workload and the other questions from the same menu, each checked: the upgrade, a second cluster, no NAT, a third AZ, and the two that explain',
    { timeout: 900_000 },
    async () => {
      // The first workload: its Service gets an address from a load balancer.
      await press(String(DAY_TWO_ACTIONS.findIndex((a) => a.id === 'workload') + 1));
      const workload = await runAction('A first workload behind a load balancer');
      expect(workload).toMatch(/\$ kubectl get (service|svc)/);
      // The EXTERNAL-IP column holds the load balancer's DNS name (cut at 80 columns), not <pending>.
      expect(workload).toMatch(/^hello\s+LoadBalancer\s+[\d.]+\s+(?!<pending>)[a-z0-9]/m);
      expect(workload).toContain('Every check passed.');
      await press('Escape');
      await waitFor('Day two: the questions real projects meet');
      for (const question of [1, 3, 4, 5, 6, 7]) {
        const index = DAY_TWO_ACTIONS.findIndex((a) => a.question === question);
        await press(String(index + 1));
        const page = await runAction(`Q${question} · `);
        expect(page, `question ${question}`).toContain('Every check passed.');
        expect(page, `question ${question}`).not.toContain('✗');
        if (question === 1) expect(page).toMatch(/\$ kubectl (version|get nodes)/);
        await press('Escape');
        await waitFor('Day two: the questions real projects meet');
      }
      await press('q');
      expect(await waitFor('EXITED', 30_000)).toContain('EXITED 0');
    },
  );
});
