import { describe, expect, it } from 'vitest';
import { ledgerPath } from '../../src/state/ledger.js';
import { THROUGH_STEP_3, census, countByKind, expected } from '../support/census.js';
import { useFaultProxy } from '../support/cli-target.js';
import { NO_FAULTS, type CallRecord, type FaultPlan } from '../support/fault-proxy.js';
import { ledgerBreaches, readLedger } from '../support/ledger-check.js';
import { makeMachine, runTutor, type Machine } from '../support/tutor-process.js';

const faulty = useFaultProxy();

/**
 * About one call in five goes wrong, each call at most twice in a row (the SDK makes up to eight attempts).
 * Throttling is kept rare: the SDK waits longest after it (and adaptive mode slows the client down).
 */
const FLAKY: FaultPlan = {
  seed: 20261125,
  throttle: 0.04,
  serverError: 0.08,
  reset: 0.08,
  delay: 0.15,
  maxDelayMs: 200,
  maxFaultsPerCall: 2,
  // Whatever the random share does, each service sees a fault, and each kind of fault happens.
  once: {
    'iam:CreateRole': 'throttle',
    'ec2:CreateVpc': 'reset',
    'eks:POST /clusters': 'server-error',
    'ec2:DescribeNatGateways': 'throttle',
    'eks:DELETE /clusters/faults-flaky': 'reset',
  },
};

function args(command: 'up' | 'down', machine: Machine, name: string): string[] {
  return [
    command,
    ...(command === 'up' ? ['--through', '3', '--no-kubectl'] : []),
    '--endpoint-url',
    faulty.proxy.url,
    '--region',
    'us-east-1',
    '--yes',
    '--cluster-name',
    name,
    '--state-dir',
    machine.stateDir,
  ];
}

const faulted = () => [...faulty.proxy.stats.calls.values()].filter((call) => call.faults.length > 0);

/** Creates that take no idempotency token: an unanswered one is not re-sent blindly (src/aws/ambiguous.ts). */
const UNTOKENED = new Set([
  'ec2:CreateVpc',
  'ec2:CreateInternetGateway',
  'ec2:CreateSubnet',
  'ec2:CreateRouteTable',
  'ec2:AllocateAddress',
]);

/**
 * Each faulted call was sent again by the SDK itself (same invocation, attempt
 * numbers counting up) until it got through — except an untokened create left
 * unanswered, which the tutor looks up by its tags and then sends as a new call.
 */
function expectRetriedThrough(calls: CallRecord[]): void {
  for (const call of calls) {
    if (UNTOKENED.has(call.operation) && call.faults.at(-1) !== 'throttle') {
      expect(call.answered, call.operation).toBe(false);
      const later = [...faulty.proxy.stats.calls.values()].filter((other) => other.operation === call.operation && other.answered);
      expect(later.length, `${call.operation} sent again as a new call`).toBeGreaterThan(0);
      continue;
    }
    expect(call.attempts, call.operation).toBe(call.faults.length + 1);
    expect(call.sdkAttempts, call.operation).toEqual(Array.from({ length: call.attempts }, (_, i) => i + 1));
    expect(call.answered, call.operation).toBe(true);
  }
}

async function expectLedgerMatches(machine: Machine, name: string): Promise<void> {
  const ledger = await readLedger(ledgerPath(machine.stateDir, 'real', name));
  expect(ledgerBreaches(ledger, await census(name, { endpoint: faulty.moto.url }))).toEqual([]);
}

/**
 * What a learner may see when something fails: one line, in words, never a stack trace or a raw SDK error;
 * then, once something exists, what still bills and the two ways out.
 */
function expectCleanFailure(stderr: string): void {
  const [, ...after] = stderr.trim().split('\n');
  if (after.length > 0) {
    expect(after[0]).toMatch(/^Still there \(/);
    expect(after.at(-2)).toMatch(/^\s+eks-basics-tutor up /);
    expect(after.at(-1)).toMatch(/^\s+eks-basics-tutor down /);
  }
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\$metadata|Error:|node_modules|dist\/cli\.js/);
}

describe('throttling, 500s, dropped connections and delays on a share of the calls', () => {
  it('up --through 3 and down succeed through them, because the SDK retries each faulted call', { timeout: 120_000 }, async () => {
    const machine = makeMachine();
    const name = 'faults-flaky';
    faulty.proxy.setPlan(FLAKY);
    faulty.proxy.stats.calls.clear();

    const up = await runTutor(machine, args('up', machine, name));
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    const upFaults = faulted();
    expect(upFaults.length).toBeGreaterThanOrEqual(3);
    expect(new Set(upFaults.flatMap((c) => c.faults))).toEqual(new Set(['throttle', 'server-error', 'reset']));
    expect(new Set(upFaults.map((c) => c.operation.split(':')[0]))).toEqual(new Set(['iam', 'ec2', 'eks']));
    expectRetriedThrough(upFaults);
    expect(countByKind(await census(name, { endpoint: faulty.moto.url }))).toEqual(expected(THROUGH_STEP_3));
    await expectLedgerMatches(machine, name);

    faulty.proxy.stats.calls.clear();
    const down = await runTutor(machine, args('down', machine, name));
    expect(down.stderr).toBe('');
    expect(down.exitCode).toBe(0);
    expect(faulted().length).toBeGreaterThan(0);
    expectRetriedThrough(faulted());
    expect(await census(name, { endpoint: faulty.moto.url })).toEqual([]);
  });

  it(
    'a call that fails on every attempt fails cleanly after the SDK’s eight, and the same command then continues',
    { timeout: 120_000 },
    async () => {
      const machine = makeMachine();
      const name = 'faults-stuck';
      faulty.proxy.setPlan({ ...NO_FAULTS, always: { 'eks:POST /clusters': 'server-error' } });
      faulty.proxy.stats.calls.clear();

      const stuck = await runTutor(machine, args('up', machine, name));
      expect(stuck.exitCode).toBe(1);
      expectCleanFailure(stuck.stderr);
      expect(stuck.stderr).toContain('AWS had an internal error (ServerException) on every retry');
      expect(stuck.stderr).toContain('run the same command again');
      const createCluster = [...faulty.proxy.stats.calls.values()].filter((c) => c.operation === 'eks:POST /clusters');
      expect(createCluster).toHaveLength(1);
      expect(createCluster[0]!.sdkAttempts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      // Steps 1 and 2 are in place and recorded; the cluster is an intent without an id.
      expect(countByKind(await census(name, { endpoint: faulty.moto.url }))).toEqual(expected({ ...THROUGH_STEP_3, 'eks-cluster': 0 }));
      await expectLedgerMatches(machine, name);
      expect((await readLedger(ledgerPath(machine.stateDir, 'real', name))).entries.find((e) => e.key === 'cluster')).toMatchObject({
        state: 'intent',
      });

      faulty.proxy.setPlan({ ...FLAKY, seed: 7 });
      const again = await runTutor(machine, args('up', machine, name));
      expect(again.stderr).toBe('');
      expect(again.exitCode).toBe(0);
      expect(countByKind(await census(name, { endpoint: faulty.moto.url }))).toEqual(expected(THROUGH_STEP_3));
      await expectLedgerMatches(machine, name);

      const down = await runTutor(machine, args('down', machine, name));
      expect(down.stderr).toBe('');
      expect(down.exitCode).toBe(0);
      expect(await census(name, { endpoint: faulty.moto.url })).toEqual([]);
    },
  );
});
