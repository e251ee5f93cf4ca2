import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerPath } from '../../src/state/ledger.js';
import { census, type CensusOptions } from '../support/census.js';
import { createAdmin, createLearner, enforceIam, type Identity } from '../support/iam-learner.js';
import { ledgerBreaches, readLedger } from '../support/ledger-check.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor, type Machine } from '../support/tutor-process.js';

const moto = useMoto();

/**
 * [step, the one action the learner may not do, the ledger key left as an intent (none: refused before the
 * first create), what exists by then]. An EC2 create is asked with DryRun before anything is made.
 */
const CASES: [number, string, string | null, string[]][] = [
  [1, 'iam:CreateRole', 'role/cluster', []],
  [2, 'ec2:CreateNatGateway', null, []],
  [3, 'eks:CreateCluster', 'cluster', ['iam-role', 'vpc', 'internet-gateway', 'subnet', 'route-table', 'elastic-ip', 'nat-gateway']],
  [
    5,
    'iam:AttachRolePolicy',
    'role/node/policy/AmazonEKSWorkerNodePolicy',
    ['iam-role', 'vpc', 'internet-gateway', 'subnet', 'route-table', 'elastic-ip', 'nat-gateway', 'eks-cluster'],
  ],
];

let admin: Identity;
const learners = new Map<string, Identity>();
const asAdmin = (): CensusOptions => ({ endpoint: moto.url, credentials: admin });
const keysEnv = (who: Identity) => ({ AWS_ACCESS_KEY_ID: who.accessKeyId, AWS_SECRET_ACCESS_KEY: who.secretAccessKey });

beforeAll(async () => {
  // Users are made with moto's default identity, before every request is checked.
  admin = await createAdmin(moto.url);
  for (const [step, missing] of CASES) learners.set(missing, await createLearner(moto.url, `learner-step-${step}`, missing));
  await enforceIam(moto.url, true);
});

function upArgs(machine: Machine, name: string, through: number): string[] {
  return [
    'up',
    '--through',
    String(through),
    '--endpoint-url',
    moto.url,
    '--region',
    'us-east-1',
    '--yes',
    '--no-kubectl',
    '--cluster-name',
    name,
    '--state-dir',
    machine.stateDir,
  ];
}

describe('an identity that lacks one permission, with moto checking every request', () => {
  it('moto really checks: the default identity is refused once enforcement is on', async () => {
    const machine = makeMachine();
    const refused = await runTutor(machine, upArgs(machine, 'perm-nobody', 1));
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    // Keys moto's IAM does not know: said as such, with how to check them.
    expect(refused.stderr).toContain('AWS does not accept these credentials (InvalidClientTokenId)');
    expect(refused.stderr).toContain('aws sts get-caller-identity');
  });

  it.each(CASES)(
    'step %i without %s: exit 1 naming the action; nothing half-made is forgotten; down (admin) removes it all',
    { timeout: 90_000 },
    async (step, missing, intentKey, existing) => {
      const learner = learners.get(missing)!;
      const machine = makeMachine(keysEnv(learner));
      const name = `perm-step-${step}`;
      if (step === 5) {
        // The learner made steps 1-4 with more rights earlier; only the node role's policies are refused now.
        const before = await runTutor(machine, upArgs(machine, name, 4), { env: keysEnv(admin) });
        expect(before.stderr).toBe('');
        expect(before.exitCode).toBe(0);
      }

      const run = await runTutor(machine, upArgs(machine, name, step));
      expect(run.exitCode).toBe(1);
      // The error line, then (once something exists) what still bills and the two ways out.
      const [line, ...after] = run.stderr.trim().split('\n');
      expect(line).toContain(`may not ${missing}`);
      expect(line).toMatch(new RegExp(`add ${missing} to its IAM policy`, 'i'));
      expect(line).toContain(learner.arn);
      if (existing.length === 0) expect(after, run.stderr).toEqual([]);
      else {
        expect(after[0]).toMatch(/^Still there \(account \d{12}, region us-east-1, endpoint /);
        expect(after.at(-1)).toContain(`eks-basics-tutor down --region us-east-1 --cluster-name ${name}`);
      }

      const path = ledgerPath(machine.stateDir, 'real', name);
      expect(existsSync(path)).toBe(true);
      const ledger = await readLedger(path);
      const found = await census(name, asAdmin());
      expect(ledgerBreaches(ledger, found)).toEqual([]);
      if (intentKey) expect(ledger.entries.find((e) => e.key === intentKey)).toMatchObject({ state: 'intent' });
      else expect(ledger.entries).toEqual([]);
      expect([...new Set(found.filter((f) => f.kind !== 'security-group').map((f) => f.kind))].sort()).toEqual([...existing].sort());

      const down = await runTutor(
        machine,
        ['down', '--endpoint-url', moto.url, '--region', 'us-east-1', '--yes', '--cluster-name', name, '--state-dir', machine.stateDir],
        {
          env: keysEnv(admin),
        },
      );
      expect(down.stderr).toBe('');
      expect(down.exitCode).toBe(0);
      expect(await census(name, asAdmin())).toEqual([]);
    },
  );

  it('in presenter mode the refusal still names the action, with the account id masked', { timeout: 60_000 }, async () => {
    const learner = learners.get('iam:CreateRole')!;
    const machine = makeMachine(keysEnv(learner));
    const run = await runTutor(machine, [...upArgs(machine, 'perm-presenter', 1), '--presenter']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('may not iam:CreateRole');
    expect(run.stderr).toContain('arn:aws:iam::************:user/learner-step-1');
    expect(`${run.stdout}${run.stderr}`).not.toContain('123456789012');
    expect(`${run.stdout}${run.stderr}`).not.toContain(learner.accessKeyId);
  });
});
