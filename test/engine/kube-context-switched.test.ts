import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { kubectl as dayTwoKubectl } from '../../src/aws/day-two/context.js';
import { fetchLiveData } from '../../src/aws/live.js';
import { KUBECONFIG_KEY } from '../../src/aws/steps/kubeconfig.js';
import type { EngineEvent, StepNumber } from '../../src/aws/types.js';
import { useSandbox } from '../support/sandbox.js';
import { restoreKubeEnvAfterAll, sandboxDayTwo } from '../support/sandbox-day-two.js';

/** A learner who switches kubectl to another cluster after step 4: the tutor still reads its own. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
restoreKubeEnvAfterAll();

/** The real kubectl on the same kubeconfig, as the learner's shell runs it. */
const shell = (args: string[]) => execa('kubectl', args, { reject: false, stdin: 'ignore' });
const readyLines = (output: string) => output.split('\n').filter((line) => /\sReady\s/.test(line)).length;

describe('another context made current after step 4', () => {
  it("leaves step 5's check and day two on the tutor's cluster, and the learner's context current", { timeout: 120_000 }, async () => {
    const {
      engine,
      config,
      ctx: dayTwo,
      events: dayTwoEvents,
    } = await sandboxDayTwo(box.sandbox, { clusterName: 'switched', kubectl: true });
    const { ledger } = dayTwo;
    const results = await engine.up(5);
    for (const step of [1, 2, 3, 4, 5] as StepNumber[]) {
      const failed = (results.get(step) ?? []).filter((c) => !c.ok && !c.unknown);
      expect([step, failed.map((c) => c.id)]).toEqual([step, []]);
    }
    const tutorContext = ledger.get(KUBECONFIG_KEY)!.id!;

    // The learner's other cluster, made current from their shell: nothing listens at its address.
    expect((await shell(['config', 'set-cluster', 'work', '--server=https://127.0.0.1:1'])).exitCode).toBe(0);
    expect((await shell(['config', 'set-credentials', 'work', '--token=not-a-real-token'])).exitCode).toBe(0);
    expect((await shell(['config', 'set-context', 'work', '--cluster=work', '--user=work'])).exitCode).toBe(0);
    expect((await shell(['config', 'use-context', 'work'])).exitCode).toBe(0);
    expect((await shell(['get', 'nodes', '--request-timeout=5s'])).exitCode).not.toBe(0);

    const events: EngineEvent[] = [];
    engine.on((e) => events.push(e));
    const ready = (await engine.verify(5)).find((c) => c.id === 'nodegroup:ready');
    expect([ready?.ok, ready?.detail]).toEqual([true, '2 Ready']);
    const shown = events.flatMap((e) => (e.type === 'kubectl' ? [e.args] : []));
    expect(shown).toEqual([['get', 'nodes', '--context', tutorContext]]);

    const nodes = await dayTwoKubectl(dayTwo, ['get', 'nodes']);
    expect(nodes.stderr).toBe('');
    expect(readyLines(nodes.stdout)).toBe(2);
    const last = dayTwoEvents.at(-1);
    expect(last?.type === 'kubectl' ? last.args : undefined).toEqual(['get', 'nodes', '--context', tutorContext]);

    // The lesson page's live panel: the tutor's nodes too, with the command it ran.
    const live = await fetchLiveData({ config, engine, ledger, sandbox: box.sandbox }, 'nodes');
    expect(live.kind === 'nodes' ? [live.command, readyLines(live.output)] : live).toEqual([
      `kubectl get nodes --context ${tutorContext}`,
      2,
    ]);

    expect((await shell(['config', 'current-context'])).stdout.trim()).toBe('work');
  });
});
