import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

/** Step 4 run again: an entry already as it should be is news to no one, and one set right again is said as such. */

const moto = useMoto();

/** The learner's own file, with a context of theirs current. */
const THEIRS = `current-context: home
contexts:
- context:
    cluster: home
    user: me
  name: home
clusters:
- name: home
  cluster:
    server: https://home.example.internal:6443
users:
- name: me
  user:
    token: not-a-real-token
apiVersion: v1
kind: Config
`;

/** The lines the command line prints for the kubeconfig, as a learner reads them. */
const kubeconfigLines = (stdout: string) => stdout.split('\n').filter((line) => /^( {2}\S kubeconfig |kubeconfig )/.test(line));

describe('step 4 run twice against moto, with a kubeconfig of the test’s own', () => {
  it(
    'the second run says nothing new of an entry already there; after the learner switched context, it says it made it current again',
    {
      timeout: 240_000,
    },
    async () => {
      await moto.reset();
      const state = await tempDir();
      const kubeconfig = join(await tempDir(), 'kube', 'config');
      await mkdir(join(kubeconfig, '..'), { recursive: true });
      await writeFile(kubeconfig, THEIRS, { mode: 0o600 });
      const env = { KUBECONFIG: kubeconfig };
      const up = (lang: 'en' | 'ja') =>
        runCli(
          [
            'up',
            '--through',
            '4',
            '--yes',
            '--no-kubectl',
            '--lang',
            lang,
            '--endpoint-url',
            moto.url,
            '--region',
            'us-east-1',
            '--state-dir',
            state,
          ],
          env,
          { timeoutMs: 200_000 },
        );

      const first = await up('en');
      expect(first.exitCode, first.stdout + first.stderr).toBe(0);
      expect(kubeconfigLines(first.stdout)).toEqual([`  + kubeconfig ${kubeconfig}: created`]);
      const written = await readFile(kubeconfig, 'utf8');
      const arn = /current-context: (\S+)/.exec(written)?.[1];
      expect(arn).toMatch(/^arn:aws:eks:us-east-1:\d+:cluster\/eks-basics-tutor$/);

      const second = await up('en');
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(kubeconfigLines(second.stdout)).toEqual([]);
      expect(second.stdout).toContain('✓ It is the current context');
      expect(await readFile(kubeconfig, 'utf8')).toBe(written);

      // The learner made their own context current; a run puts the tutor's back, and says so in the learner's language.
      await writeFile(kubeconfig, written.replace(`current-context: ${arn}`, 'current-context: home'));
      const third = await up('ja');
      expect(third.exitCode, third.stdout + third.stderr).toBe(0);
      expect(kubeconfigLines(third.stdout)).toEqual([`kubeconfig ${kubeconfig}: ${arn} を再び現在のコンテキストにしました。`]);
      expect(await readFile(kubeconfig, 'utf8')).toBe(written);

      await writeFile(kubeconfig, written.replace(`current-context: ${arn}`, 'current-context: home'));
      const fourth = await up('en');
      expect(fourth.exitCode, fourth.stdout + fourth.stderr).toBe(0);
      expect(kubeconfigLines(fourth.stdout)).toEqual([`kubeconfig ${kubeconfig}: ${arn} is the current context again.`]);

      // The tutor's cluster pointed at an old endpoint: the entry is brought up to date, and said so, still not "created".
      const stale = written.replace(/server: (?!https:\/\/home\.)\S+/, 'server: https://old.example.internal');
      expect(stale).not.toBe(written);
      await writeFile(kubeconfig, stale);
      const fifth = await up('en');
      expect(fifth.exitCode, fifth.stdout + fifth.stderr).toBe(0);
      expect(kubeconfigLines(fifth.stdout)).toEqual([
        `kubeconfig ${kubeconfig}: the tutor's entry ${arn} was brought up to date (its endpoint, certificate or sign-in command had changed).`,
      ]);
      expect(await readFile(kubeconfig, 'utf8')).toBe(written);
    },
  );
});
