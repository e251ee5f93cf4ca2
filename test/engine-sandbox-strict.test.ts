import { describe, expect, it } from 'vitest';
import { createClients } from '../src/aws/clients.js';
import { Engine } from '../src/aws/engine.js';
import type { EngineEvent, StepNumber } from '../src/aws/types.js';
import { scaledClock } from '../src/aws/wait.js';
import { DEFAULT_TIME_SCALE } from '../src/config.js';
import { Ledger } from '../src/state/ledger.js';
import { tempDir, testConfig } from './support/engine.js';
import { useSandbox } from './support/sandbox.js';

const fired: string[] = [];
// Every AWS behaviour of the sandbox on (its default), at the default time scale.
const box = useSandbox({ timeScale: DEFAULT_TIME_SCALE, log: (line) => fired.push(line) });

describe('the engine against the sandbox with every AWS behaviour on', () => {
  it('up through step 5 passes, retrying what real AWS refuses for a while', { timeout: 240_000 }, async () => {
    const stateDir = await tempDir();
    const config = testConfig(stateDir, { mode: 'sandbox', clusterName: 'strict-up', timeScale: DEFAULT_TIME_SCALE, nat: 'ha' });
    const clients = createClients({ region: box.sandbox.region, endpointUrl: box.sandbox.endpointUrl, credentials: box.sandbox.credentials });
    const ledger = await Ledger.open(stateDir, { clusterName: config.clusterName, mode: 'sandbox', region: config.region, endpoint: box.sandbox.endpointUrl });
    const engine = new Engine({ config, clients, ledger, clock: scaledClock(DEFAULT_TIME_SCALE), kubectl: async () => ({ stdout: '', stderr: 'off', exitCode: 1 }) });
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.resolveVersion();
    const results = await engine.up(5);
    for (const step of [1, 2, 3, 4, 5] as StepNumber[]) {
      const failed = (results.get(step) ?? []).filter((c) => !c.ok && !c.unknown && c.id !== 'kubeconfig:get-svc');
      expect([step, failed.map((c) => c.id)]).toEqual([step, []]);
    }
    const retried = events.flatMap((e) => (e.type === 'retry' ? [`${e.operation}: ${e.reason.en}`] : []));
    // The sandbox refused what AWS refuses, and the engine went on.
    expect(fired.length).toBeGreaterThan(0);
    expect(retried.length).toBeGreaterThan(0);
    console.log(`behaviours fired:\n${fired.join('\n')}\nretries:\n${retried.join('\n')}`);
  });
});
