import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/index.js';
import { App } from '../../../src/screens/App.js';
import { pasteFilter } from '../../../src/screens/state/key-chunks.js';
import { makeTheme } from '../../../src/screens/theme.js';
import { testConfig } from '../../fixtures/config.js';
import { pause, waitForFrame } from '../../fixtures/frames.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

/**
 * A paste is text meant for a shell (a presenter's command pasted into the
 * wrong window), not keys: with bracketed paste the terminal marks it, and
 * none of it acts, not even the q, d or Enter inside it.
 */
const screen = screenTests('tutor-paste-');
const START = '\x1b[200~';
const END = '\x1b[201~';

describe('a paste', () => {
  it('does nothing on the lesson menu, in one read or several; the next key typed acts', async () => {
    const dayTwo: string[] = [];
    const services = fakeServices({
      lessons: LESSONS,
      dayTwo: async (_session, action) => {
        dayTwo.push(action);
        return { reasoning: { en: '', ja: '' }, checks: [], next: { en: '', ja: '' } };
      },
    }).services;
    const config = testConfig({ stateDir: screen.stateDir, mode: 'real' });
    const app = render(
      <App config={config} services={services} lessons={LESSONS} size={{ columns: 80, rows: 24 }} theme={makeTheme(false, false)} />,
    );
    try {
      await waitForFrame(app.lastFrame, 'Start with the lesson menu');
      app.stdin.write(KEYS.enter);
      const menu = await waitForFrame(app.lastFrame, 'd runs them');

      // In one read: a command with q, d, digits and Enter in it.
      app.stdin.write(`${START}kubectl get nodes -o wide\rq\rd1\r${END}`);
      await pause(300);
      expect(app.lastFrame()).toBe(menu);
      // Spread over reads, as a long paste comes.
      app.stdin.write(START);
      await pause(20);
      app.stdin.write('dq');
      await pause(20);
      app.stdin.write(`\r${KEYS.down}${KEYS.enter}`);
      await pause(20);
      app.stdin.write(END);
      await pause(300);
      expect(app.lastFrame()).toBe(menu);
      expect(dayTwo).toEqual([]);

      app.stdin.write('d');
      await waitForFrame(app.lastFrame, 'Day two: the questions real projects meet');
    } finally {
      app.unmount();
    }
  });

  it('whose end never comes stops being one after a second without input', () => {
    let now = 0;
    const pasted = pasteFilter(() => now);
    expect(pasted('q')).toBe(false);
    expect(pasted('[200~')).toBe(true);
    now = 500;
    expect(pasted('q')).toBe(true);
    now = 1400;
    expect(pasted('r')).toBe(true);
    now = 2500;
    expect(pasted('q')).toBe(false);
    // An end marker with no paste begun is a key Ink has no name for, as before.
    expect(pasted('[201~')).toBe(false);
  });
});
