import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/aws/engine.js';
import type { EngineEvent, PlannedCall } from '../../src/aws/types.js';
import { scaledClock } from '../../src/aws/wait.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import { tempDir, testConfig } from '../support/engine.js';
import { useSandbox } from '../support/sandbox.js';
import { sandboxEngineParts } from '../support/sandbox-engine.js';

/** Step 5's plan shows the kubectl command its check runs, word for word. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
const saved = { KUBECONFIG: process.env.KUBECONFIG, KUBECACHEDIR: process.env.KUBECACHEDIR };
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const getNodes = (calls: PlannedCall[]) => calls.find((c) => c.action === 'GetNodes');

describe("step 5's plan", () => {
  it('shows kubectl get nodes with the --context the check then runs it with', { timeout: 120_000 }, async () => {
    const stateDir = await tempDir();
    process.env.KUBECONFIG = join(stateDir, 'kubeconfig');
    process.env.KUBECACHEDIR = join(stateDir, 'kube-cache');
    const config = testConfig(stateDir, { mode: 'sandbox', clusterName: 'plan-shown', timeScale: 0, kubectl: true });
    const { clients, ledger } = await sandboxEngineParts(box.sandbox, config);
    const kubeconfigEnv = {
      AWS_ACCESS_KEY_ID: box.sandbox.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: box.sandbox.credentials.secretAccessKey,
      AWS_SESSION_TOKEN: '',
      AWS_SECURITY_TOKEN: '',
    };
    const engine = new Engine({ config, clients, ledger, clock: scaledClock(0), kubectl: runKubectl, kubeconfigEnv });
    await engine.resolveVersion();
    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    await engine.up(4);
    const shown = getNodes(engine.plan(5).calls);
    await engine.up(5);

    const ran = events.flatMap((e) => (e.type === 'kubectl' && e.args[1] === 'nodes' ? [e.args] : []));
    expect(ran).toHaveLength(1);
    expect(ran[0]).toEqual(['get', 'nodes', '--context', expect.stringMatching(/^arn:aws:eks:us-east-1:\d{12}:cluster\/plan-shown$/)]);
    expect(shown?.cli).toBe(`kubectl ${ran[0]!.join(' ')}`);
    expect(shown?.input).toEqual({ args: ran[0] });
    // Shown again once step 5 is done (a resumed session's Run page): the same line.
    expect(getNodes(engine.plan(5).calls)?.cli).toBe(shown?.cli);
  });
});
