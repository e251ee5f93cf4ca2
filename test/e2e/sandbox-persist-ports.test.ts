import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxDir, type PersistState } from '../../src/sandbox/persist.js';
import { useLearners } from '../support/sandbox-cli.js';

const learners = useLearners();

const squat = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('when the sandbox cannot have its ports back', () => {
  it(
    'the ledger is checked against the sandbox and kept, and the kubeconfig entry follows the new port; both are said',
    { timeout: 420_000 },
    async () => {
      const learner = await learners.make();
      expect((await learner.run(['up', '--sandbox', '--yes', '--through', '5', '--time-scale', '0'])).exitCode).toBe(0);
      const state = JSON.parse(await readFile(join(sandboxDir(learner.stateDir), 'state.json'), 'utf8')) as PersistState;
      const kubePort = state.ports.kube['kube/us-east-1/eks-basics-tutor']!;
      expect(kubePort).toBeGreaterThan(0);
      expect((await learner.run(['sandbox', 'stop'])).exitCode).toBe(0);

      const squatters = [await squat(state.ports.proxy!), await squat(kubePort)];
      try {
        const again = await learner.run(['up', '--sandbox', '--yes', '--through', '5', '--time-scale', '0']);
        expect(again.exitCode, again.stderr).toBe(0);
        const said = again.stdout + again.stderr;
        expect(said).toMatch(/the sandbox now answers at http:\/\/127\.0\.0\.1:\d+/);
        expect(said).not.toMatch(/marked deleted/);
        expect(said).toMatch(new RegExp(`Port ${kubePort} was taken.*kubeconfig entry`));
        const record = (await learner.sandbox())!;
        expect(record.endpointUrl).not.toBe(`http://127.0.0.1:${state.ports.proxy}`);
        const ledger = JSON.parse(await readFile(join(learner.stateDir, 'sandbox', 'eks-basics-tutor.json'), 'utf8')) as {
          endpoint: string;
          entries: { state: string }[];
        };
        expect(ledger.endpoint).toBe(record.endpointUrl);
        expect(ledger.entries.filter((e) => e.state === 'deleted')).toEqual([]);
        const nodes = await execa('kubectl', ['get', 'nodes', '--no-headers', '--request-timeout=30s'], {
          reject: false,
          env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
          extendEnv: false,
        });
        expect(nodes.exitCode, nodes.stderr).toBe(0);
        expect(nodes.stdout.split('\n').filter((line) => /\sReady\s/.test(line))).toHaveLength(2);
      } finally {
        for (const server of squatters) await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  );
});
