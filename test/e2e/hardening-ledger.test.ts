import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { execa } from 'execa';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPath } from '../../src/state/ledger.js';
import { THROUGH_STEP_3, census, countByKind, expected } from '../support/census.js';
import { ledgerBreaches, readLedger } from '../support/ledger-check.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor, type Machine } from '../support/tutor-process.js';

const moto = useMoto();

function realArgs(command: string, machine: Machine, name: string, ...extra: string[]): string[] {
  return [command, ...extra, '--endpoint-url', moto.url, '--region', 'us-east-1', '--cluster-name', name, '--state-dir', machine.stateDir];
}

const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
};

describe('one tutor per cluster name', () => {
  it(
    'a second tutor on the same cluster name is refused with the first one’s pid; the lock is released on Ctrl-C',
    { timeout: 90_000 },
    async () => {
      const machine = makeMachine();
      const name = 'lock-busy';
      const args = [
        '--sandbox',
        '--endpoint-url',
        moto.url,
        '--no-kubectl',
        '--yes',
        '--cluster-name',
        name,
        '--state-dir',
        machine.stateDir,
        '--region',
        'us-east-1',
      ];
      let second: Awaited<ReturnType<typeof runTutor>> | undefined;
      let firstPid = 0;
      const lock = `${ledgerPath(machine.stateDir, 'sandbox', name)}.lock`;
      // The first waits for its cluster (CREATING for about eighteen seconds at 1/30); the second starts then.
      const first = runTutor(machine, ['up', '--time-scale', '1/30', ...args], {
        whenOutput: /eks-cluster \S+: CREATING/,
        signal: 'SIGINT',
        beforeSignal: async () => {
          firstPid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
          second = await runTutor(machine, ['up', '--time-scale', '0', ...args]);
        },
      });
      const stopped = await first;
      expect(second).toBeDefined();
      expect(second!.exitCode).toBe(1);
      oneLine(second!.stderr);
      expect(second!.stderr).toContain(`Another eks-basics-tutor (pid ${firstPid}) is working on cluster "${name}"`);
      expect(second!.stdout).not.toContain('+ ');
      expect(stopped.exitCode).toBe(130);
      expect(existsSync(lock)).toBe(false);
    },
  );

  it('a lock left by a process that is gone is taken over', { timeout: 60_000 }, async () => {
    const machine = makeMachine();
    const name = 'lock-stale';
    const gone = await execa('node', ['-e', 'process.stdout.write(String(process.pid))']);
    const lock = `${ledgerPath(machine.stateDir, 'real', name)}.lock`;
    await execa('mkdir', ['-p', dirname(lock)]);
    writeFileSync(lock, `${gone.stdout}\n`, { mode: 0o600 });
    const up = await runTutor(machine, realArgs('up', machine, name, '--through', '1', '--yes'));
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    expect(existsSync(lock)).toBe(false);
    const down = await runTutor(machine, realArgs('down', machine, name, '--yes'));
    expect(down.exitCode).toBe(0);
  });
});

describe('a ledger that cannot be read', () => {
  it('is reported with its path and kept as a backup; up rebuilds it from the tags without a duplicate', { timeout: 90_000 }, async () => {
    const machine = makeMachine();
    const name = 'ledger-truncated';
    const first = await runTutor(machine, realArgs('up', machine, name, '--through', '3', '--no-kubectl', '--yes'));
    expect(first.exitCode).toBe(0);
    const path = ledgerPath(machine.stateDir, 'real', name);
    const whole = readFileSync(path, 'utf8');
    const truncated = whole.slice(0, Math.floor(whole.length / 2));
    writeFileSync(path, truncated);

    const again = await runTutor(machine, realArgs('up', machine, name, '--through', '3', '--no-kubectl', '--yes'));
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    const note = /The ledger (\S+) could not be read; it was kept as (\S+) and/.exec(again.stdout);
    expect(note?.[1]).toBe(path);
    expect(readFileSync(note![2]!, 'utf8')).toBe(truncated);
    expect(again.stdout).toContain('already there, adopted');
    expect(countByKind(await census(name, { endpoint: moto.url }))).toEqual(expected(THROUGH_STEP_3));
    expect(ledgerBreaches(await readLedger(path), await census(name, { endpoint: moto.url }))).toEqual([]);

    const down = await runTutor(machine, realArgs('down', machine, name, '--yes'));
    expect(down.exitCode).toBe(0);
    expect(down.stdout).not.toContain('found by their tag alone');
    expect(await census(name, { endpoint: moto.url })).toEqual([]);
  });

  it('is reported by down, which then removes what the tags say is the tutor’s', { timeout: 90_000 }, async () => {
    const machine = makeMachine();
    const name = 'ledger-garbage';
    const first = await runTutor(machine, realArgs('up', machine, name, '--through', '3', '--no-kubectl', '--yes'));
    expect(first.exitCode).toBe(0);
    const path = ledgerPath(machine.stateDir, 'real', name);
    writeFileSync(path, '\u0000\u0000{"format": "eks-basics-tutor-ledger", "entr');

    const down = await runTutor(machine, realArgs('down', machine, name, '--yes'));
    expect(down.stderr).toBe('');
    expect(down.exitCode).toBe(0);
    expect(down.stdout).toContain(`The ledger ${path} could not be read`);
    expect(down.stdout).toContain('found by their tag alone');
    expect(await census(name, { endpoint: moto.url })).toEqual([]);
    const backups = readdirSync(dirname(path)).filter((f) => f.startsWith(`${name}.json.corrupt-`));
    expect(backups).toHaveLength(1);
  });
});

describe('credentials of another account than the ledger’s', () => {
  it('are refused by up and down with a clear message, and the ledger is left as it was', { timeout: 90_000 }, async () => {
    // A user of another account: moto puts an access key in the account its creator named.
    const other = new IAMClient({
      region: 'us-east-1',
      endpoint: moto.url,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    other.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = '111122223333';
        return next(args);
      },
      { step: 'build', name: 'otherAccount' },
    );
    await other.send(new CreateUserCommand({ UserName: 'someone-else' }));
    const key = (await other.send(new CreateAccessKeyCommand({ UserName: 'someone-else' }))).AccessKey!;
    other.destroy();
    const otherEnv = { AWS_ACCESS_KEY_ID: key.AccessKeyId!, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey! };

    const machine = makeMachine();
    const name = 'other-account';
    const up = await runTutor(machine, realArgs('up', machine, name, '--through', '2', '--yes'));
    expect(up.exitCode).toBe(0);
    const path = ledgerPath(machine.stateDir, 'real', name);
    const before = readFileSync(path, 'utf8');
    expect(JSON.parse(before).facts.accountId).toBe('123456789012');

    for (const command of [
      realArgs('up', machine, name, '--through', '3', '--yes'),
      realArgs('down', machine, name, '--yes'),
      realArgs('status', machine, name),
    ]) {
      const refused = await runTutor(machine, command, { env: otherEnv });
      expect(refused.exitCode, command[0]).toBe(2);
      oneLine(refused.stderr);
      expect(refused.stderr).toContain(`records resources in AWS account 123456789012, but these credentials are for account 111122223333`);
      expect(readFileSync(path, 'utf8')).toBe(before);
    }

    const down = await runTutor(machine, realArgs('down', machine, name, '--yes'));
    expect(down.exitCode).toBe(0);
    expect(await census(name, { endpoint: moto.url })).toEqual([]);
  });
});
