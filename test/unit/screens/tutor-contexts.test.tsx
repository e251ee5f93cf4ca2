import { render } from 'ink-testing-library';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { ServicesProvider } from '../../../src/screens/contexts/services.js';
import {
  TutorProvider,
  useTutor,
  useTutorActions,
  useTutorSession,
  type TutorActions,
  type TutorSessionView,
} from '../../../src/screens/contexts/tutor.js';
import { testConfig } from '../../fixtures/config.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { fakeServices } from '../../fixtures/services.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the tutor’s contexts', () => {
  it('keep the actions and the session view the same object while the learner moves around', async () => {
    const actions: TutorActions[] = [];
    const sessions: TutorSessionView[] = [];
    const screens: string[] = [];
    function Probe() {
      const a = useTutorActions();
      const s = useTutorSession();
      const { tutor } = useTutor();
      useEffect(() => void actions.push(a), [a]);
      useEffect(() => void sessions.push(s), [s]);
      useEffect(() => void screens.push(tutor.screen), [tutor.screen]);
      return null;
    }
    const { services } = fakeServices();
    const app = render(
      <ServicesProvider value={services}>
        <TutorProvider config={testConfig()} lessons={FIXTURE_LESSONS} onExit={() => undefined}>
          <Probe />
        </TutorProvider>
      </ServicesProvider>,
    );
    const deadline = Date.now() + 20_000;
    // Open, with the progress loaded and the tool checks in.
    while (!(sessions.at(-1)?.ready && sessions.at(-1)?.findings) && Date.now() < deadline) await pause(20);
    expect(sessions.at(-1)?.session.status).toBe('open');
    const settled = { actions: actions.length, sessions: sessions.length };
    for (let i = 0; i < 3; i++) {
      actions.at(-1)!.dispatch({ type: 'menu' });
      await pause(30);
      actions.at(-1)!.dispatch({ type: 'start' });
      await pause(30);
    }
    expect(new Set(screens).size).toBeGreaterThan(1);
    // Moving between screens changes neither: what reads only them does not render again.
    expect(actions.length).toBe(settled.actions);
    expect(sessions.length).toBe(settled.sessions);
    app.unmount();
  });
});
