import { execa } from 'execa';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { census } from '../support/census.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor, type Machine, type RunResult } from '../support/tutor-process.js';

const moto = useMoto();

/** A learner's terminal with real-looking credentials of a temporary session. */
const LEARNER = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY+Secret0123',
  AWS_SESSION_TOKEN: `IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN${'Zm9vYmFy'.repeat(40)}`,
};
const ACCOUNT_ID = '123456789012';
/** What must never be stored anywhere: the secret half of the key, the session token, a bearer token. */
const NEVER_STORED = [LEARNER.AWS_SECRET_ACCESS_KEY, LEARNER.AWS_SESSION_TOKEN, 'k8s-aws-v1.'];
/** On screen in presenter mode, not even the account id or the whole access key id. */
const NEVER_SHOWN = [...NEVER_STORED, ACCOUNT_ID, LEARNER.AWS_ACCESS_KEY_ID];

const PRIVATE_OR_MASKED = /^(10\.|127\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/;

/** Every file under the learner's home: state, ledger, progress, kubeconfig and its backup, temporary files. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectNothingShown(runs: RunResult[]): void {
  for (const run of runs) {
    for (const output of [run.stdout, run.stderr]) {
      for (const secret of NEVER_SHOWN) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);
      const addresses = output.match(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g) ?? [];
      expect(addresses.filter((ip) => !PRIVATE_OR_MASKED.test(ip))).toEqual([]);
    }
  }
}

function expectNothingStored(machine: Machine): void {
  const files = filesUnder(machine.home);
  expect(files.some((f) => f.endsWith('.json'))).toBe(true);
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    for (const secret of NEVER_STORED) expect(content, file).not.toContain(secret);
  }
}

interface ExecUser {
  name: string;
  user: { exec: { command: string; args: string[]; env?: { name: string; value: string }[] } };
}

/**
 * Runs the tutor's exec plugin as kubectl would, in the learner's terminal (the
 * exec env laid over it), and returns the presigned STS URL inside the token it
 * makes: what would be sent to the cluster as a bearer token.
 */
async function presignedUrlOfToken(machine: Machine, context: string): Promise<string> {
  const config = parse(readFileSync(machine.kubeconfig, 'utf8')) as { users: ExecUser[] };
  const exec = config.users.find((u) => u.name === context)!.user.exec;
  const env = { ...machine.env, ...Object.fromEntries((exec.env ?? []).map((e) => [e.name, e.value])) };
  const result = await execa(exec.command, exec.args, { env, extendEnv: false });
  const token = (JSON.parse(result.stdout) as { status: { token: string } }).status.token;
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  return Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8');
}

/** status, status --json and down after an up: none of them shows or stores a secret, and nothing is left. */
async function statusThenDown(
  machine: Parameters<typeof runTutor>[0],
  name: string,
  common: string[],
  up: Awaited<ReturnType<typeof runTutor>>,
): Promise<void> {
  const status = await runTutor(machine, ['status', ...common]);
  const json = await runTutor(machine, ['status', '--json', ...common]);
  expect(json.exitCode).toBe(0);
  expect(JSON.parse(json.stdout).resources.length).toBeGreaterThan(5);
  const down = await runTutor(machine, ['down', '--yes', ...common]);
  expect(down.exitCode).toBe(0);
  expectNothingShown([up, status, json, down]);
  expectNothingStored(machine);
  expect(await census(name, { endpoint: moto.url })).toEqual([]);
}

describe('secrets are never printed, logged or stored; presenter mode masks ids', () => {
  it('sandbox with kubectl: up, status, status --json, down', { timeout: 120_000 }, async () => {
    const machine = makeMachine(LEARNER);
    const name = 'secrets-sandbox';
    const common = [
      '--sandbox',
      '--endpoint-url',
      moto.url,
      '--time-scale',
      '0',
      '--presenter',
      '--cluster-name',
      name,
      '--state-dir',
      machine.stateDir,
      '--region',
      'us-east-1',
    ];
    const up = await runTutor(machine, ['up', '--yes', ...common]);
    expect(up.stderr).toBe('');
    expect(up.stdout).toContain('✓ kubectl get nodes shows 2 Ready nodes');
    expect(up.exitCode).toBe(0);
    // The masked forms are there: the ids were printed, and hidden.
    expect(up.stdout).toContain('arn:aws:iam::************:role/');
    // The learner's keys and session token never reach the sandbox, not even inside kubectl's token.
    const url = await presignedUrlOfToken(machine, `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/${name}`);
    expect(url).toContain('X-Amz-Credential=AKIASANDBOX');
    expect(url).not.toContain('X-Amz-Security-Token');
    expect(url).not.toContain(LEARNER.AWS_ACCESS_KEY_ID);
    expect(decodeURIComponent(url)).not.toContain(LEARNER.AWS_SESSION_TOKEN);
    // A kubeconfig the learner did not have is made private, in a private directory.
    expect(statSync(machine.kubeconfig).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(machine.kubeconfig)).mode & 0o777).toBe(0o700);
    await statusThenDown(machine, name, common, up);
    // After down the file holds nothing of the tutor's, and is still private.
    expect(readFileSync(machine.kubeconfig, 'utf8')).not.toContain(name);
    expect(statSync(machine.kubeconfig).mode & 0o777).toBe(0o600);
  });

  it('real mode against moto: up --through 4, status, status --json, down', { timeout: 120_000 }, async () => {
    const machine = makeMachine(LEARNER);
    const name = 'secrets-real';
    const common = [
      '--endpoint-url',
      moto.url,
      '--presenter',
      '--cluster-name',
      name,
      '--state-dir',
      machine.stateDir,
      '--region',
      'us-east-1',
    ];
    const up = await runTutor(machine, ['up', '--through', '4', '--no-kubectl', '--yes', ...common]);
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toMatch(/Account: \*{12} {2}arn:aws:(iam|sts)::\*{12}:/);
    await statusThenDown(machine, name, common, up);
  });
});
