import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/aws/engine.js';
import type { EngineEvent } from '../../src/aws/types.js';
import { scaledClock } from '../../src/aws/wait.js';
import { tempDir, testConfig } from '../support/engine.js';
import { useSandbox } from '../support/sandbox.js';
import { sandboxEngineParts } from '../support/sandbox-engine.js';

const fired: string[] = [];
// Real time, so the sandbox's IAM propagation window (seconds) is as long as AWS's.
const box = useSandbox({ timeScale: 1, behaviours: { 'eventual-consistency': false }, log: (line) => fired.push(line) });

describe('the sandbox’s IAM propagation delay', () => {
  it(
    'CreateCluster moments after the cluster role was made is refused, retried with the waiting shown, and made',
    { timeout: 120_000 },
    async () => {
      const stateDir = await tempDir();
      const config = testConfig(stateDir, { mode: 'sandbox', clusterName: 'iam-delay', timeScale: 1 });
      const { clients, ledger } = await sandboxEngineParts(box.sandbox, config);
      const stop = new AbortController();
      const engine = new Engine({
        config,
        clients,
        ledger,
        clock: scaledClock(1),
        signal: stop.signal,
        kubectl: async () => ({ stdout: '', stderr: 'off', exitCode: 1 }),
      });
      const events: EngineEvent[] = [];
      engine.on((e) => events.push(e));
      try {
        // The network first, then the role, then at once the cluster: the role is seconds old.
        await engine.apply(2);
        await engine.apply(1);
        await engine.apply(3);
      } finally {
        stop.abort();
      }
      expect(fired.some((line) => line.startsWith('sandbox: iam-propagation: CreateCluster'))).toBe(true);
      const retries = events.flatMap((e) => (e.type === 'retry' ? [e] : []));
      expect(retries.length).toBeGreaterThan(0);
      expect(retries[0]).toMatchObject({
        key: 'cluster',
        operation: 'CreateCluster',
        reason: { en: 'waiting for IAM to propagate the new role' },
      });
      expect(engine.ledger.get('cluster')?.state).toBe('created');
    },
  );
});
