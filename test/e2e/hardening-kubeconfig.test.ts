import { execa } from 'execa';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { census } from '../support/census.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor, type Machine } from '../support/tutor-process.js';

const moto = useMoto();

/**
 * Someone's working kubeconfig: three contexts, comments, flow and block style,
 * two indentations, quoted names, current-context first and kind/apiVersion last.
 */
const THEIRS = `# Work clusters -- edited by hand, keep the comments
current-context: "staging"   # the one used most
preferences: {}
users:
- name: dev-user
  user:
    token: dev-token-not-a-real-one
- name: prod-user
  user:
    client-certificate-data: Y2VydA==
    client-key-data: a2V5
# prod is read-only for this user
- name: staging-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
      interactiveMode: IfAvailable
contexts:
-   context:
        cluster: prod
        user: prod-user
        namespace: payments
    name: prod
- name: 'staging'
  context: {cluster: staging, user: staging-user}
- context:
    cluster: dev
    user: dev-user
  name: dev

clusters:
- cluster:
    server: https://dev.example.internal:6443
    insecure-skip-tls-verify: true
  name: dev
- name: prod
  cluster:
    server: https://prod.example.internal
- name: staging
  cluster: {server: 'https://staging.example.internal:443'}
kind: Config
apiVersion: v1
`;

async function kubectlCurrentContext(machine: Machine): Promise<string> {
  const result = await execa('kubectl', ['config', 'current-context'], { env: { KUBECONFIG: machine.kubeconfig }, reject: false });
  return result.stdout.trim();
}

function sandboxArgs(command: 'up' | 'down', machine: Machine, name: string): string[] {
  return [
    command,
    '--sandbox',
    '--endpoint-url',
    moto.url,
    '--time-scale',
    '0',
    '--yes',
    '--cluster-name',
    name,
    '--state-dir',
    machine.stateDir,
    '--region',
    'us-east-1',
  ];
}

describe('the learner’s kubeconfig, through the built program', () => {
  it(
    'up adds and selects the tutor’s context; down gives the file back byte for byte, mode kept, with a backup',
    { timeout: 120_000 },
    async () => {
      const machine = makeMachine();
      const name = 'kubeconfig-keep';
      mkdirSync(dirname(machine.kubeconfig), { recursive: true });
      writeFileSync(machine.kubeconfig, THEIRS);
      chmodSync(machine.kubeconfig, 0o644);
      // kubectl reads it as it is: the file is valid, only unusual.
      expect(await kubectlCurrentContext(machine)).toBe('staging');

      const up = await runTutor(machine, sandboxArgs('up', machine, name));
      expect(up.stderr).toBe('');
      expect(up.stdout).toContain('✓ It is the current context');
      expect(up.stdout).toContain('✓ `kubectl get svc` lists the kubernetes service');
      expect(up.exitCode).toBe(0);
      const during = readFileSync(machine.kubeconfig, 'utf8');
      const arn = `arn:aws:eks:us-east-1:123456789012:cluster/${name}`;
      expect(await kubectlCurrentContext(machine)).toBe(arn);
      // Every line of theirs is still there, in order, apart from the one current-context line.
      const kept = THEIRS.split('\n').filter((line) => !line.startsWith('current-context:'));
      const lines = during.split('\n');
      let at = 0;
      for (const line of kept) {
        at = lines.indexOf(line, at);
        expect(at, line).toBeGreaterThanOrEqual(0);
        at += 1;
      }
      expect(statSync(machine.kubeconfig).mode & 0o777).toBe(0o644);
      const backup = `${machine.kubeconfig}.eks-basics-tutor.bak`;
      expect(readFileSync(backup, 'utf8')).toBe(THEIRS);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(during).not.toContain('k8s-aws-v1.');

      const down = await runTutor(machine, sandboxArgs('down', machine, name));
      expect(down.stderr).toBe('');
      expect(down.exitCode).toBe(0);
      expect(readFileSync(machine.kubeconfig, 'utf8')).toBe(THEIRS);
      expect(statSync(machine.kubeconfig).mode & 0o777).toBe(0o644);
      expect(await kubectlCurrentContext(machine)).toBe('staging');
      expect(existsSync(backup)).toBe(true);
      expect(readFileSync(backup, 'utf8')).toBe(during);
      expect(await census(name, { endpoint: moto.url })).toEqual([]);
    },
  );
});
