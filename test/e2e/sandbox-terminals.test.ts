import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI } from '../support/cli.js';
import { useLearners } from '../support/sandbox-cli.js';
import { tmuxServer } from '../support/tmux.js';

/**
 * One sandbox build seen from several terminals at once: the tutor open in one
 * (tmux), and status, export, kubectl and down each as a process of its own in
 * others, as a learner following the README works.
 */
const learners = useLearners();
const server = tmuxServer('tutor-terminals');
const term = server.session('tutor');
const screen = () => term.screen();
const waitFor = (what: RegExp, timeoutMs = 90_000): Promise<string> => term.waitFor(what, timeoutMs);

afterAll(() => server.kill());

describe('one sandbox build across terminals', () => {
  it(
    'the tutor open in one terminal; status, export eksctl, kubectl and down in others all see the same build',
    { timeout: 480_000 },
    async () => {
      const learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--through', '5', '--time-scale', '0']);
      expect(up.exitCode, up.stderr).toBe(0);
      const kubectl = (...args: string[]) =>
        execa('kubectl', args, {
          reject: false,
          extendEnv: false,
          env: { PATH: process.env.PATH ?? '', HOME: learner.home, KUBECONFIG: learner.kubeconfig },
        });
      const readyNodes = async () => ((await kubectl('get', 'nodes')).stdout.match(/^\S+\s+Ready\s/gm) ?? []).length;
      expect(await readyNodes()).toBe(2);
      const kubeconfigBefore = await readFile(learner.kubeconfig, 'utf8');

      // The tutor, open in a terminal of its own on the same state directory.
      const env = [
        'env',
        `HOME=${learner.home}`,
        `KUBECONFIG=${learner.kubeconfig}`,
        'NO_COLOR=1',
        'AWS_ACCESS_KEY_ID=testing',
        'AWS_SECRET_ACCESS_KEY=testing',
      ];
      term.open(100, 30, [
        ...env,
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
      await waitFor(/Start with the lesson menu/);
      term.send('Enter');
      // The lesson menu's footer counts the build's resources once the tutor's session reads the ledger.
      const opened = await waitFor(/[1-9]\d* resources/);
      const counted = /(\d+) resources/.exec(opened)![1];
      // The five steps `up` built count as built in the tutor that opens them.
      expect(await waitFor(/Steps █████ 5\/5/, 10_000)).toContain('5 of 5 built');

      // A second terminal: status reads the build, and clears nothing the open tutor uses.
      const status = await learner.run(['status', '--sandbox', '--json']);
      expect(status.exitCode, status.stderr).toBe(0);
      expect(status.stderr).not.toMatch(/cleared|fresh|gone/);
      const rows = (JSON.parse(status.stdout) as { resources: { kind: string; id?: string; exists: boolean }[] }).resources;
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.filter((row) => !row.exists)).toEqual([]);
      const vpcId = rows.find((row) => row.kind === 'vpc')?.id;
      expect(vpcId).toMatch(/^vpc-/);

      // A third: the eksctl export of the same build, new VPC by default, this build's VPC with --existing-vpc.
      const fresh = await learner.run(['export', 'eksctl', '--sandbox']);
      expect(fresh.exitCode, fresh.stderr).toBe(0);
      expect(fresh.stdout).not.toContain(vpcId!);
      const existing = await learner.run(['export', 'eksctl', '--sandbox', '--existing-vpc']);
      expect(existing.exitCode, existing.stderr).toBe(0);
      expect((parse(existing.stdout) as { vpc: { id: string } }).vpc.id).toBe(vpcId);

      // kubectl still works, the kubeconfig is as up left it, and the tutor is still on its screen.
      expect(await readyNodes()).toBe(2);
      expect(await readFile(learner.kubeconfig, 'utf8')).toBe(kubeconfigBefore);
      const still = screen();
      expect(still).not.toMatch(/EXITED|cleared|Error/);
      expect(still).toContain(`${counted} resources`);

      // The tutor closed, down in yet another process removes the build all the others saw.
      term.send('q');
      await waitFor(/EXITED 0/, 30_000);
      const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0']);
      expect(down.exitCode, down.stderr).toBe(0);
      const after = await learner.run(['status', '--sandbox', '--json']);
      const left = (JSON.parse(after.stdout) as { resources: { exists: boolean }[] }).resources.filter((row) => row.exists);
      expect(left).toEqual([]);
      const contexts = (parse(await readFile(join(learner.kubeconfig), 'utf8')) as { contexts?: { name: string }[] | null }).contexts ?? [];
      expect(contexts.filter((context) => context.name.includes('eks-basics-tutor'))).toEqual([]);
    },
  );
});
