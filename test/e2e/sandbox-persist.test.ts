import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

interface Row {
  key: string;
  kind: string;
  id: string | null;
  exists: boolean;
  ledgerState: string;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const alive = async (pid: number) =>
  readFile(`/proc/${pid}/stat`, 'utf8').then(
    (stat) => !stat.includes(') Z '),
    () => false,
  );

/** What `status --json` says exists, as key → id. */
async function existing(learner: Learner, clusterName = 'eks-basics-tutor'): Promise<Record<string, string>> {
  const status = await learner.run(['status', '--sandbox', '--json', '--cluster-name', clusterName]);
  expect(status.exitCode, status.stderr).toBe(0);
  const rows = (JSON.parse(status.stdout) as { resources: Row[] }).resources;
  return Object.fromEntries(rows.filter((r) => r.exists && r.ledgerState !== 'not in ledger').map((r) => [r.key, r.id ?? '']));
}

async function readyNodes(learner: Learner): Promise<number> {
  const result = await execa('kubectl', ['get', 'nodes', '--no-headers', '--request-timeout=30s'], {
    reject: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
    extendEnv: false,
  });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((line) => /\sReady\s/.test(line)).length;
}

const learners = useLearners();

describe('one sandbox per state directory, across commands', () => {
  it(
    'up, then status, kubectl, status beside another command, stop, up again (same ids), down leaves nothing',
    { timeout: 480_000 },
    async () => {
      const learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--through', '5', '--time-scale', '0']);
      expect(up.exitCode, up.stderr).toBe(0);
      const record = await learner.sandbox();
      expect(record, 'a background sandbox runs after up').toBeDefined();
      expect(up.stdout).toContain(`Sandbox: AWS API at ${record!.endpointUrl}`);

      const built = await existing(learner);
      for (const id of [/^vpc-/, /^subnet-/, /^nat-/, /:cluster\/eks-basics-tutor$/, /:nodegroup\/eks-basics-tutor\//]) {
        expect(
          Object.values(built).some((value) => id.test(value)),
          String(id),
        ).toBe(true);
      }
      expect(await readyNodes(learner)).toBe(2);

      // status of the first build while another command builds a second one in the same sandbox.
      const [second, during] = await Promise.all([
        learner.run(['up', '--sandbox', '--yes', '--through', '2', '--cluster-name', 'second', '--time-scale', '0']),
        learner.run(['status', '--sandbox', '--json']),
      ]);
      expect(second.exitCode, second.stderr).toBe(0);
      expect(during.exitCode, during.stderr).toBe(0);
      expect(during.stderr).not.toMatch(/cleared|fresh/);
      expect(await existing(learner)).toEqual(built);
      expect(await readyNodes(learner)).toBe(2);
      expect((await learner.sandbox())!.pid).toBe(record!.pid);

      const stop = await learner.run(['sandbox', 'stop']);
      expect(stop.stdout).toContain('Sandbox stopped');
      expect(await alive(record!.pid)).toBe(false);
      expect(await listening(Number(new URL(record!.endpointUrl).port))).toBe(false);
      expect(await learner.sandbox()).toBeUndefined();

      // A new command starts it again: everything is back with the same ids, on the same ports.
      const again = await learner.run(['up', '--sandbox', '--yes', '--through', '5', '--time-scale', '0']);
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stdout).not.toMatch(/: creating|: CREATING/);
      const restarted = await learner.sandbox();
      expect(restarted!.pid).not.toBe(record!.pid);
      expect(restarted!.endpointUrl).toBe(record!.endpointUrl);
      expect(await existing(learner)).toEqual(built);
      expect(await readyNodes(learner)).toBe(2);
      expect(Object.values(await existing(learner, 'second')).filter((id) => id.startsWith('vpc-'))).toHaveLength(1);

      const held = await learner.run(['sandbox', 'status']);
      expect(held.stdout).toContain(`pid ${restarted!.pid}`);
      expect(held.stdout).toMatch(/clusters eks-basics-tutor/);
      expect(held.stdout).toContain(Object.values(built).find((id) => id.startsWith('vpc-')));

      for (const name of ['eks-basics-tutor', 'second']) {
        const down = await learner.run(['down', '--sandbox', '--yes', '--cluster-name', name, '--time-scale', '0']);
        expect(down.exitCode, down.stderr).toBe(0);
        expect(await existing(learner, name)).toEqual({});
      }
      const empty = await learner.run(['sandbox', 'status']);
      expect(empty.stdout).toMatch(/clusters \(none\); VPCs \(none\)/);
    },
  );

  it('two first commands at once start one sandbox', { timeout: 240_000 }, async () => {
    const learner = await learners.make();
    const [a, b] = await Promise.all([
      learner.run(['sandbox', 'start', '--time-scale', '0']),
      learner.run(['status', '--sandbox', '--time-scale', '0']),
    ]);
    expect(a.exitCode, a.stderr).toBe(0);
    expect(b.exitCode, b.stderr).toBe(0);
    const record = await learner.sandbox();
    expect(a.stdout).toContain(`export AWS_ENDPOINT_URL=${record!.endpointUrl}`);
    expect((await learner.log()).match(/ starting \(pid/g)).toHaveLength(1);
    const started = await learner.run(['sandbox']);
    expect(started.stdout).toContain(`already running (pid ${record!.pid})`);
  });

  it('sandbox reset asks first, and with --yes empties the sandbox and its ledgers', { timeout: 240_000 }, async () => {
    const learner = await learners.make();
    expect((await learner.run(['up', '--sandbox', '--yes', '--through', '1', '--time-scale', '0'])).exitCode).toBe(0);
    const refused = await learner.run(['sandbox', 'reset']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(Object.keys(await existing(learner)).length).toBeGreaterThan(0);
    const reset = await learner.run(['sandbox', 'reset', '--yes']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('eks-basics-tutor');
    expect(await learner.sandbox()).toBeUndefined();
    expect(await existing(learner)).toEqual({});
  });

  it('after a crash (the sandbox killed, as by a reboot) the next command finds the build again', { timeout: 240_000 }, async () => {
    const learner = await learners.make();
    expect((await learner.run(['up', '--sandbox', '--yes', '--through', '2', '--time-scale', '0'])).exitCode).toBe(0);
    const built = await existing(learner);
    const record = (await learner.sandbox())!;
    const moto = Number(new URL(record.motoUrl).port);
    process.kill(record.pid, 'SIGKILL');
    for (let i = 0; i < 100 && ((await alive(record.pid)) || (await listening(moto))); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await alive(record.pid)).toBe(false);
    expect(await listening(moto), 'moto went with the sandbox').toBe(false);
    expect(await existing(learner)).toEqual(built);
    expect((await learner.sandbox())!.pid).not.toBe(record.pid);
  });

  it('an unknown sandbox command is refused with what is allowed', async () => {
    const learner = await learners.make();
    const result = await learner.run(['sandbox', 'restart']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('start, stop, status or reset');
    expect(await learner.sandbox()).toBeUndefined();
  });
});
