import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/screens/App.js';
import { makeTheme } from '../../../src/screens/theme.js';
import type { Progress } from '../../../src/progress/progress.js';
import { Ledger } from '../../../src/state/ledger.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { testConfig } from '../../fixtures/config.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { KEYS } from '../../fixtures/render.js';
import { pause, stateDirPerTest, waitForFrame as waitFor } from '../../fixtures/frames.js';
import { fakeServices } from '../../fixtures/services.js';

const state = stateDirPerTest('tutor-sandbox-starting-');

/** A sandbox that takes as long to start as the test says. */
function slowSandbox(options: { fails?: boolean; ledger?: Ledger } = {}) {
  let up: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    up = resolve;
  });
  const { ledger } = options;
  const fake = fakeServices({
    opensAfter: started,
    ...(options.fails ? { openError: () => new Error('moto_server exited with code 1') } : {}),
    ...(ledger ? { engine: () => new FakeEngine(ledger) } : {}),
  });
  return { fake, up };
}

function renderSandbox(services: ReturnType<typeof fakeServices>['services'], saved: Progress | undefined) {
  return render(
    <App
      config={testConfig({ stateDir: state.dir(), mode: 'sandbox' })}
      services={services}
      lessons={FIXTURE_LESSONS}
      size={{ columns: 100, rows: 30 }}
      theme={makeTheme(false, false)}
      preloaded={{ moto: true, progress: { saved } }}
    />,
  );
}

describe('the sandbox’s welcome menu while the sandbox starts', () => {
  it('offers the lesson menu at once; a step’s Run page says it waits for the sandbox, then offers to run', async () => {
    const { fake, up } = slowSandbox();
    const app = renderSandbox(fake.services, undefined);
    try {
      const first = app.frames[0] ?? '';
      expect(first).toContain('Starting the sandbox');
      expect(first).toContain('› Start with the lesson menu');
      await pause(30);
      app.stdin.write(KEYS.enter);
      await waitFor(app.lastFrame, 'Summary of Fixture intro');
      app.stdin.write(KEYS.down);
      await waitFor(app.lastFrame, 'Summary of Fixture step one');
      app.stdin.write(KEYS.enter);
      await waitFor(app.lastFrame, 'Roles page');
      for (let i = 0; i < 3; i++) {
        app.stdin.write(KEYS.right);
        await pause(60);
      }
      await waitFor(app.lastFrame, 'The sandbox is still starting');
      expect(app.lastFrame()).not.toContain('Press Enter to run it');
      up();
      await waitFor(app.lastFrame, 'Press Enter to run it');
      expect(app.lastFrame()).not.toContain('The sandbox is still starting');
    } finally {
      app.unmount();
    }
  });

  it('continues at the saved place before the sandbox is up; its steps count once its ledger says so, and the learner’s moves stay', async () => {
    const { fake, up } = slowSandbox();
    // Saved: step one done. The sandbox that starts holds nothing of it (a reset, say).
    const saved: Progress = { lesson: 'vpc', page: 1, answers: {}, completed: ['intro'], doneSteps: [1] };
    const app = renderSandbox(fake.services, saved);
    try {
      const first = app.frames[0] ?? '';
      expect(first).toContain('› Continue where you left off: Fixture step two · page 2');
      expect(first).toContain('1/5');
      await pause(30);
      app.stdin.write(KEYS.enter);
      await waitFor(app.lastFrame, 'Fixture step two: second page');
      app.stdin.write(KEYS.left);
      await waitFor(app.lastFrame, 'Fixture step two: first page');
      up();
      await waitFor(app.lastFrame, '0/5');
      expect(app.lastFrame()).toContain('Fixture step two: first page');
    } finally {
      app.unmount();
    }
  });

  it('a build made by `up` and never opened here counts its steps once the sandbox is up, though the tutor was used meanwhile', async () => {
    const ledger = Ledger.inMemory({ clusterName: 'eks-basics-tutor', mode: 'sandbox', region: 'us-east-1' });
    await ledger.intend('role/cluster', 'iam-role', 1);
    await ledger.created('role/cluster', 'eks-basics-tutor-cluster-role');
    const { fake, up } = slowSandbox({ ledger });
    const app = renderSandbox(fake.services, undefined);
    try {
      expect(app.frames[0]).toContain('0/5');
      await pause(30);
      // Moves that are saved as they happen, before the sandbox is up.
      app.stdin.write(KEYS.enter);
      await waitFor(app.lastFrame, 'Summary of Fixture intro');
      app.stdin.write(KEYS.down);
      await waitFor(app.lastFrame, 'Summary of Fixture step one');
      await pause(100);
      up();
      const frame = await waitFor(app.lastFrame, '1/5');
      expect(frame).toContain('Summary of Fixture step one');
    } finally {
      app.unmount();
    }
  });

  it('a sandbox that fails to start changes the choices and puts the cursor on the first, never on another one', async () => {
    const { fake, up } = slowSandbox({ fails: true });
    const app = renderSandbox(fake.services, undefined);
    try {
      expect(app.frames[0]).toContain('› Start with the lesson menu');
      await pause(30);
      app.stdin.write(KEYS.down);
      app.stdin.write(KEYS.down);
      await waitFor(app.lastFrame, '› Use your AWS account');
      up();
      const failed = await waitFor(app.lastFrame, 'moto_server exited with code 1');
      // The failure's choices start with Try again; the cursor is on it, not two lines down as before.
      expect(failed).toContain('› Try again\n');
      expect(failed.match(/^› /gm)).toHaveLength(1);
    } finally {
      app.unmount();
    }
  });
});
