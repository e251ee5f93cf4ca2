import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerPath } from '../../src/state/ledger.js';
import { ONE_FULL_SET, census, countByKind, expected } from '../support/census.js';
import { ledgerBreaches, readLedger } from '../support/ledger-check.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor, type Machine } from '../support/tutor-process.js';

const moto = useMoto();

function sandboxArgs(command: 'up' | 'down', machine: Machine, name: string, timeScale: string): string[] {
  return [
    command,
    '--sandbox',
    '--endpoint-url',
    moto.url,
    '--yes',
    '--no-kubectl',
    '--time-scale',
    timeScale,
    '--cluster-name',
    name,
    '--state-dir',
    machine.stateDir,
    '--region',
    'us-east-1',
  ];
}

const failedChecks = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('  ✗'));

let counter = 0;
const clusterName = (what: string) => `kill-${what}-${++counter}`;
const ledgerOf = (machine: Machine, name: string) => ledgerPath(machine.stateDir, 'sandbox', name);

/** The ledger and the endpoint agree: nothing tagged is unknown to the ledger, nothing it calls created is missing. */
async function expectLedgerConsistent(machine: Machine, name: string): Promise<void> {
  const found = await census(name, { endpoint: moto.url });
  if (!existsSync(ledgerOf(machine, name))) {
    expect(found).toEqual([]);
    return;
  }
  expect(ledgerBreaches(await readLedger(ledgerOf(machine, name)), found)).toEqual([]);
}

/** After an interruption: `up` again resumes from the same ledger, ends with exactly one set, and `down` leaves nothing tagged. */
async function expectResumeThenTeardown(machine: Machine, name: string): Promise<void> {
  const before = existsSync(ledgerOf(machine, name)) ? await readLedger(ledgerOf(machine, name)) : undefined;
  const again = await runTutor(machine, sandboxArgs('up', machine, name, '0'));
  expect(again.stderr).toBe('');
  expect(again.stdout).not.toContain('starts fresh');
  expect(again.stdout).toContain('Step 5: The managed node group, checked');
  expect(failedChecks(again.stdout)).toEqual([]);
  expect(again.exitCode).toBe(0);
  const after = await readLedger(ledgerOf(machine, name));
  if (before) expect(after.createdAt).toBe(before.createdAt);
  expect(countByKind(await census(name, { endpoint: moto.url }))).toEqual(expected(ONE_FULL_SET));
  await expectLedgerConsistent(machine, name);

  const down = await runTutor(machine, sandboxArgs('down', machine, name, '0'));
  expect(down.stderr).toBe('');
  expect(down.stdout).toContain(`Nothing tagged eks-basics-tutor/cluster=${name} is left`);
  expect(down.exitCode).toBe(0);
  expect(await census(name, { endpoint: moto.url })).toEqual([]);
}

/** How many times a whole run writes the ledger: the kills below are spread over it. */
let totalWrites = 0;

beforeAll(async () => {
  const machine = makeMachine();
  const name = clusterName('whole');
  const run = await runTutor(machine, sandboxArgs('up', machine, name, '1/600'), { ledger: ledgerOf(machine, name) });
  if (run.exitCode !== 0 || run.stderr !== '' || failedChecks(run.stdout).length > 0) {
    throw new Error(`a whole sandbox run failed (exit ${run.exitCode}): ${run.stderr}${run.stdout.slice(-2000)}`);
  }
  totalWrites = run.ledgerWrites;
}, 90_000);

describe('kill -9 at any moment: never a duplicate, never an orphan', () => {
  it.each([0.05, 0.35, 0.65, 0.9])('killed right after ledger write at %f of the run', { timeout: 90_000 }, async (fraction) => {
    expect(totalWrites).toBeGreaterThan(20);
    const machine = makeMachine();
    const name = clusterName('write');
    const killed = await runTutor(machine, sandboxArgs('up', machine, name, '1/600'), {
      ledger: ledgerOf(machine, name),
      afterLedgerWrites: Math.max(1, Math.round(totalWrites * fraction)),
      signal: 'SIGKILL',
    });
    expect(killed.stopped).toBe(true);
    expect(killed.signal).toBe('SIGKILL');
    // The killed run's lock stays behind; the next run takes it over.
    expect(existsSync(`${ledgerOf(machine, name)}.lock`)).toBe(true);
    await expectLedgerConsistent(machine, name);
    await expectResumeThenTeardown(machine, name);
  });

  it.each([
    ['the cluster', /eks-cluster \S+: CREATING/, /eks-cluster \S+: ACTIVE/],
    ['the node group', /eks-nodegroup \S+: CREATING/, /eks-nodegroup \S+: ACTIVE/],
  ])('killed while waiting for %s', { timeout: 90_000 }, async (_what, waiting, done) => {
    const machine = makeMachine();
    const name = clusterName('wait');
    // At 1/200 the cluster is CREATING for 2.7 s and the node group for 1.2 s: time enough to see it and stop there.
    const killed = await runTutor(machine, sandboxArgs('up', machine, name, '1/200'), { whenOutput: waiting, signal: 'SIGKILL' });
    expect(killed.stopped).toBe(true);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdoutAtStop).not.toMatch(done);
    await expectLedgerConsistent(machine, name);
    await expectResumeThenTeardown(machine, name);
  });
});

describe('Ctrl-C (SIGINT) while AWS is still creating', () => {
  it.each([
    ['the cluster', 'eks-cluster', /eks-cluster \S+: CREATING/, false],
    ['the node group', 'eks-nodegroup', /eks-nodegroup \S+: CREATING/, true],
  ])(
    'while waiting for %s: stops, names what is still being created, says how to continue, exit 130',
    { timeout: 90_000 },
    async (_what, kind, waiting, thenResume) => {
      const machine = makeMachine();
      const name = clusterName('sigint');
      const stopped = await runTutor(machine, sandboxArgs('up', machine, name, '1/200'), { whenOutput: waiting, signal: 'SIGINT' });
      expect(stopped.stopped).toBe(true);
      expect(stopped.stderr).toBe('');
      expect(stopped.exitCode).toBe(130);
      const told = stopped.stdout.slice(stopped.stdoutAtStop.length);
      expect(told).toContain('Stopped (SIGINT)');
      expect(told).toMatch(new RegExp(`- ${kind} ${name}\\S* \\(CREATING\\)`));
      expect(told).toContain('Run the same command again to continue');
      // The two ways out, with this build's options filled in.
      expect(told).toMatch(
        new RegExp(`eks-basics-tutor up --region us-east-1 --cluster-name ${name} --state-dir \\S+ .*--sandbox.*# continues from here`),
      );
      expect(told).toMatch(
        new RegExp(`eks-basics-tutor down --region us-east-1 --cluster-name ${name} --state-dir \\S+ .*--sandbox\\s+# removes all of it`),
      );
      await expectLedgerConsistent(machine, name);
      // Resuming after a kill is proven above; once more here, from the state Ctrl-C leaves.
      if (thenResume) await expectResumeThenTeardown(machine, name);
    },
  );
});
