import { describe, expect, it } from 'vitest';
import type { EngineEvent, PlannedCall } from '../../src/aws/types.js';
import { useSandbox } from '../support/sandbox.js';
import { restoreKubeEnvAfterAll, sandboxDayTwo } from '../support/sandbox-day-two.js';

/** Step 5's plan shows the kubectl command its check runs, word for word. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
restoreKubeEnvAfterAll();

const getNodes = (calls: PlannedCall[]) => calls.find((c) => c.action === 'GetNodes');

describe("step 5's plan", () => {
  it('shows kubectl get nodes with the --context the check then runs it with', { timeout: 120_000 }, async () => {
    const { engine } = await sandboxDayTwo(box.sandbox, { clusterName: 'plan-shown', kubectl: true });
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
