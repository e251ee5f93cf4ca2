import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerPath } from '../../src/state/ledger.js';
import { census } from '../support/census.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor } from '../support/tutor-process.js';

const moto = useMoto();

describe('a build belongs to one region and endpoint', () => {
  it(
    'down, status and up elsewhere refuse in one line naming where the build is; nothing is deleted, the ledger is untouched',
    { timeout: 120_000 },
    async () => {
      const machine = makeMachine();
      // The learner's profile says us-east-1; the build was made with --region ap-northeast-1.
      writeFileSync(machine.env.AWS_CONFIG_FILE!, '[default]\nregion = us-east-1\n');
      const name = 'place-tokyo';
      const build = ['--endpoint-url', moto.url, '--cluster-name', name, '--state-dir', machine.stateDir];
      const up = await runTutor(machine, ['up', '--through', '3', '--no-kubectl', '--yes', '--region', 'ap-northeast-1', ...build]);
      expect(up.stderr).toBe('');
      expect(up.exitCode).toBe(0);
      const built = await census(name, { endpoint: moto.url, region: 'ap-northeast-1' });
      expect(built.map((f) => f.kind)).toEqual(expect.arrayContaining(['iam-role', 'vpc', 'nat-gateway', 'eks-cluster']));
      const path = ledgerPath(machine.stateDir, 'real', name);
      const ledgerBefore = readFileSync(path, 'utf8');

      for (const command of [['down', '--yes'], ['status'], ['status', '--json'], ['up', '--through', '3', '--no-kubectl', '--yes']]) {
        // --region forgotten: the profile's us-east-1 applies.
        const refused = await runTutor(machine, [...command, ...build]);
        expect(refused.exitCode, command.join(' ')).toBe(2);
        const lines = refused.stderr.trim().split('\n');
        expect(lines, refused.stderr).toHaveLength(1);
        expect(lines[0]).toContain('is in region ap-northeast-1, not us-east-1');
        expect(lines[0]).toContain('--region ap-northeast-1');
        expect(refused.stdout).not.toMatch(/Deleted|Nothing .* is left|\$0\.000/);
      }
      // Another endpoint than the build's: refused the same way, before any call is sent.
      const elsewhere = await runTutor(machine, [
        'down',
        '--yes',
        '--region',
        'ap-northeast-1',
        '--endpoint-url',
        'http://127.0.0.1:9',
        '--cluster-name',
        name,
        '--state-dir',
        machine.stateDir,
      ]);
      expect(elsewhere.exitCode).toBe(2);
      expect(elsewhere.stderr).toContain(`--endpoint-url ${moto.url}`);

      expect(readFileSync(path, 'utf8')).toBe(ledgerBefore);
      expect(await census(name, { endpoint: moto.url, region: 'ap-northeast-1' })).toEqual(built);

      // In the build's region, down removes it all and says where it looked.
      const down = await runTutor(machine, [
        'down',
        '--yes',
        '--region',
        'ap-northeast-1',
        `--endpoint-url=${moto.url}/`,
        '--cluster-name',
        name,
        '--state-dir',
        machine.stateDir,
      ]);
      expect(down.stderr).toBe('');
      expect(down.exitCode).toBe(0);
      expect(down.stdout).toContain(`is left (looked in account 123456789012, region ap-northeast-1, endpoint ${moto.url}`);
      expect(await census(name, { endpoint: moto.url, region: 'ap-northeast-1' })).toEqual([]);

      // With nothing left, the same cluster name may be built in another region; status says where it looked.
      const status = await runTutor(machine, ['status', ...build]);
      expect(status.exitCode).toBe(0);
      expect(status.stdout).toContain(`(looked in account 123456789012, region us-east-1, endpoint ${moto.url})`);
      const ledgerAfter = JSON.parse(readFileSync(path, 'utf8')) as { entries: unknown[] };
      expect(ledgerAfter.entries).toEqual([]);
    },
  );
});
