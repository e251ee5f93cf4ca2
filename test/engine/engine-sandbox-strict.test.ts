import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/aws/engine.js';
import type { EngineEvent, StepNumber } from '../../src/aws/types.js';
import { scaledClock } from '../../src/aws/wait.js';
import { DEFAULT_TIME_SCALE } from '../../src/config.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import { tempDir, testConfig } from '../support/engine.js';
import { useSandbox } from '../support/sandbox.js';
import { sandboxEngineParts } from '../support/sandbox-engine.js';

const fired: string[] = [];
// Every AWS behaviour of the sandbox on (its default), at the default time scale.
const box = useSandbox({ timeScale: DEFAULT_TIME_SCALE, log: (line) => fired.push(line) });

describe('the engine against the sandbox with every AWS behaviour on', () => {
  it('up through step 5 passes, kubectl checks included, retrying what real AWS refuses for a while', { timeout: 240_000 }, async () => {
    const stateDir = await tempDir();
    process.env.KUBECONFIG = join(stateDir, 'kubeconfig');
    const config = testConfig(stateDir, {
      mode: 'sandbox',
      clusterName: 'strict-up',
      timeScale: DEFAULT_TIME_SCALE,
      nat: 'ha',
      kubectl: true,
    });
    const { clients, ledger } = await sandboxEngineParts(box.sandbox, config);
    const engine = new Engine({
      config,
      clients,
      ledger,
      clock: scaledClock(DEFAULT_TIME_SCALE),
      kubectl: runKubectl,
      // As the session gives it: the sandbox's dummy keys for `aws eks get-token`.
      kubeconfigEnv: {
        AWS_ACCESS_KEY_ID: box.sandbox.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: box.sandbox.credentials.secretAccessKey,
        AWS_SESSION_TOKEN: '',
        AWS_SECURITY_TOKEN: '',
      },
    });
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.resolveVersion();
    const results = await engine.up(5);
    for (const step of [1, 2, 3, 4, 5] as StepNumber[]) {
      const failed = (results.get(step) ?? []).filter((c) => !c.ok && !c.unknown);
      expect([step, failed.map((c) => c.id)]).toEqual([step, []]);
    }
    const passed = (step: StepNumber, id: string) => results.get(step)?.find((c) => c.id === id)?.ok;
    expect([passed(4, 'kubeconfig:get-svc'), passed(5, 'nodegroup:ready')]).toEqual([true, true]);
    const retried = events.flatMap((e) => (e.type === 'retry' ? [`${e.operation}: ${e.reason.en}`] : []));
    // The sandbox refused what AWS refuses, and the engine went on.
    expect(fired.length).toBeGreaterThan(0);
    expect(retried.length).toBeGreaterThan(0);
    console.log(`behaviours fired:\n${fired.join('\n')}\nretries:\n${retried.join('\n')}`);
  });
});
