import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DAY_TWO_ACTIONS } from '../../src/aws/day-two/actions.js';
import { Engine } from '../../src/aws/engine.js';
import { TutorError } from '../../src/errors.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import { makeEngine, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { pathWithout } from '../support/path-without.js';
import { makeReadOnly } from '../support/read-only-dir.js';
import { seen } from '../support/seen.js';

const moto = useMoto();

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every method the Engine's prototype has, a method added later too. */
const METHODS = Object.getOwnPropertyNames(Engine.prototype).filter(
  (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(Engine.prototype, name)?.value === 'function',
);

/** How a call ended: its value, or what it threw or rejected with (a started step's checks included). */
async function outcome(call: () => unknown): Promise<{ failed: boolean; error?: unknown }> {
  try {
    const value = await call();
    const checks = (value as { checks?: unknown } | undefined)?.checks;
    if (checks instanceof Promise) await checks;
    return { failed: false };
  } catch (error) {
    return { failed: true, error };
  }
}

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

describe('the engine’s boundary lets no raw error out', () => {
  it('every method, with AWS out of reach and the state directory read-only, fails only with a TutorError', async () => {
    const stateDir = await tempDir();
    await mkdir(join(stateDir, 'real'));
    const engine = await makeEngine(`http://127.0.0.1:${await closedPort()}`, {}, { stateDir, clientSettings: { maxAttempts: 1 } });
    restore = await makeReadOnly(join(stateDir, 'real'));
    expect(METHODS).toEqual(expect.arrayContaining(['whoAmI', 'resolveVersion', 'apply', 'verify', 'start', 'up', 'teardownPlan', 'down']));
    const failures: [string, unknown][] = [];
    for (const name of METHODS) {
      const method = (engine as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
      for (const step of [1, 2, 3, 4, 5]) {
        const arg = name === 'on' ? () => undefined : step;
        const { failed, error } = await outcome(() => method.call(engine, arg));
        if (failed) failures.push([`${name}(${step})`, error]);
      }
    }
    expect(failures.map(([call]) => call)).toEqual(expect.arrayContaining(['whoAmI(1)', 'apply(1)', 'up(5)', 'down(1)']));
    const raw = failures.filter(([, error]) => !(error instanceof TutorError)).map(([call, error]) => `${call}: ${String(error)}`);
    expect(raw).toEqual([]);
    // What AWS's absence looks like through the public methods: the same explained line.
    const up = failures.find(([call]) => call === 'up(5)')![1] as TutorError;
    expect((await seen(up)).cli).toMatch(/^(Cannot reach AWS|The tutor cannot write in)/);
  });

  it('every day-two action, with AWS out of reach, fails only with a TutorError', async () => {
    const engine = await makeEngine(`http://127.0.0.1:${await closedPort()}`, { kubectl: true }, { clientSettings: { maxAttempts: 1 } });
    const raw: string[] = [];
    for (const action of DAY_TWO_ACTIONS) {
      const ctx = {
        config: engine.config,
        clients: engine.clients,
        ledger: engine.ledger,
        clock: { now: () => Date.now(), sleep: async () => undefined },
        kubectl: async () => ({ stdout: '', stderr: 'no cluster here', exitCode: 1 }),
        emit: () => undefined,
        show: () => undefined,
      };
      const { failed, error } = await outcome(() => action.run(ctx, {}));
      if (failed && !(error instanceof TutorError)) raw.push(`${action.id}: ${String(error)}`);
    }
    expect(raw).toEqual([]);
  });
});

describe('a tool that is not installed', () => {
  const savedPath = process.env.PATH;
  const savedKubeconfig = process.env.KUBECONFIG;
  afterAll(() => {
    process.env.PATH = savedPath;
    if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = savedKubeconfig;
  });

  it('kubectl missing from PATH: step 4 says to install it or run with --no-kubectl, in both front ends', async () => {
    await moto.reset();
    const dir = await tempDir();
    process.env.KUBECONFIG = join(dir, 'kubeconfig');
    const engine = await makeEngine(moto.url, { kubectl: true }, { kubectl: runKubectl });
    await engine.up(3);
    process.env.PATH = pathWithout(['kubectl']);
    const { failed, error } = await outcome(() => engine.run(4));
    expect(failed).toBe(true);
    expect(error).toBeInstanceOf(TutorError);
    const explained = error as TutorError;
    expect(explained.code).toBe('TOOL_MISSING');
    const english = await seen(explained, 'en');
    const japanese = await seen(explained, 'ja');
    expect(explained.text.en).toContain('kubectl');
    expect(explained.text.en).toContain('--no-kubectl');
    expect(english.cli).toContain(explained.text.en);
    expect(english.screen).toContain(explained.text.en);
    expect(japanese.cli).toContain(explained.text.ja);
    expect(japanese.screen).toContain(explained.text.ja);
  });
});
