import { readFile, stat } from 'node:fs/promises';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { census } from '../support/census.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

/** Question 2, more people: a second IAM principal through access entries, with the real kubectl and aws CLI in the sandbox. */

const learners = useLearners();
let learner: Learner;

function kubectl(args: string[]) {
  return execa('kubectl', args, {
    reject: false,
    extendEnv: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
  });
}

describe('day-two access in the sandbox', () => {
  it(
    'the viewer role is Unauthorized with no entry, Forbidden with an entry, then reads and may not write',
    { timeout: 300_000 },
    async () => {
      learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
      expect(up.exitCode, up.stderr).toBe(0);
      const before = await readFile(learner.kubeconfig, 'utf8');
      const currentBefore = /current-context: (\S+)/.exec(before)?.[1];

      const access = await learner.run(['day-two', 'access', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
      expect(access.exitCode, access.stdout + access.stderr).toBe(0);
      // Each call is shown as the learner could type it.
      expect(access.stdout).toMatch(/\$ aws iam create-role --role-name eks-basics-tutor-viewer /);
      expect(access.stdout).toMatch(
        /\$ aws eks create-access-entry --cluster-name eks-basics-tutor --principal-arn arn:aws:iam::\d+:role\/eks-basics-tutor-viewer --type STANDARD/,
      );
      expect(access.stdout).toMatch(/\$ aws eks associate-access-policy .*AmazonEKSViewPolicy/);
      // The order the learner sees: Unauthorized, then Forbidden, then the reads.
      expect(access.stdout).toMatch(/Unauthorized[\s\S]*create-access-entry[\s\S]*forbidden[\s\S]*associate-access-policy/);
      for (const id of ['Unauthorized', 'Forbidden', 'get pods -A is allowed', 'create deployment is forbidden'])
        expect(access.stdout).toMatch(new RegExp(`✓ .*${id}`));

      // The learner's own kubectl with the context the tutor added; the current context did not move.
      const config = await readFile(learner.kubeconfig, 'utf8');
      const context = /name: (\S+\/viewer)/.exec(config)?.[1];
      expect(context).toBeDefined();
      expect(/current-context: (\S+)/.exec(config)?.[1]).toBe(currentBefore);
      const reads = await kubectl(['--context', context!, 'get', 'pods', '-n', 'kube-system']);
      expect(reads.exitCode, reads.stderr).toBe(0);
      expect(reads.stdout).toMatch(/coredns-/);
      const write = await kubectl(['--context', context!, 'create', 'namespace', 'mine']);
      expect(write.exitCode).not.toBe(0);
      expect(write.stderr).toMatch(/forbidden: User ".*eks-basics-tutor-viewer.*" cannot create resource "namespaces"/);
      // The tutor's own context is still the cluster admin.
      expect((await kubectl(['create', 'namespace', 'mine'])).exitCode).toBe(0);

      // A token of keys the sandbox never issued is refused, as a bad token is.
      const stranger = await kubectl([
        '--context',
        context!,
        '--token',
        'k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9uPUdldENhbGxlcklkZW50aXR5',
        'get',
        'pods',
      ]);
      expect(stranger.stderr).toMatch(/Unauthorized/);

      // A second run uses the viewer role the first made: not made again, and not news again; each stage is seen again.
      const written = (await stat(learner.kubeconfig)).mtimeMs;
      const again = await learner.run(['day-two', 'access', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
      expect(again.exitCode, again.stdout + again.stderr).toBe(0);
      // Its viewer context is in the kubeconfig already: the file is not written again.
      expect(again.stdout).toContain(`the user and context ${context} are there already, as an earlier run wrote them; nothing written.`);
      expect((await stat(learner.kubeconfig)).mtimeMs).toBe(written);
      expect(await readFile(learner.kubeconfig, 'utf8')).toBe(config);
      expect(again.stdout).not.toMatch(/\$ aws iam create-role/);
      expect(again.stdout).not.toMatch(/^ {2}\+ iam-role /m);
      for (const id of ['Unauthorized', 'Forbidden', 'get pods -A is allowed', 'create deployment is forbidden'])
        expect(again.stdout).toMatch(new RegExp(`✓ .*${id}`));
    },
  );

  it('down deletes the viewer role and leaves no tutor entry in the kubeconfig', { timeout: 300_000 }, async () => {
    const record = await learner.sandbox();
    const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
    expect(down.exitCode, down.stdout + down.stderr).toBe(0);
    const left = await census('eks-basics-tutor', { endpoint: record!.motoUrl, credentials: { ...SANDBOX_CREDENTIALS } });
    expect(left.filter((f) => f.kind === 'iam-role')).toEqual([]);
    const config = await readFile(learner.kubeconfig, 'utf8').catch(() => '');
    expect(config).not.toMatch(/eks-basics-tutor/);
  });
});
