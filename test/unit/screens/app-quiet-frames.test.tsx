import { describe, expect, it } from 'vitest';
import { testConfig } from '../../fixtures/config.js';
import { pause } from '../../fixtures/frames.js';
import { KEYS } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { screenTests } from '../../fixtures/render.js';

/**
 * A wait of minutes is mostly polls: the engine reports each call it sends. On a
 * screen that shows none of them, none may cost a frame (Ink lays out and rebuilds
 * the whole screen for each), or the tutor's CPU during the wait climbs with them.
 */
const screens = screenTests('tutor-quiet-frames-');

/** Waits until no frame has come for half a second: what follows the list's first frame (the session, the lessons' pages) is drawn. */
async function settled(frames: string[]): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const count = frames.length;
    await pause(500);
    if (frames.length === count) return;
  }
  throw new Error('The screen kept drawing frames for 10 s with nothing happening.');
}

describe('frames while the engine polls', () => {
  it('the lesson list draws no frame for calls that change nothing on it, and still follows a key', async () => {
    const fake = fakeServices();
    const app = screens.render({
      config: testConfig({ stateDir: screens.stateDir, mode: 'sandbox', timeScale: 0 }),
      services: fake.services,
      size: { columns: 100, rows: 30 },
    });
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Summary of Fixture intro');
    const engine = fake.engines[0]!;
    await settled(app.frames);
    const before = app.frames.length;
    for (let i = 0; i < 20; i++) {
      engine.emit({ type: 'call', service: 'eks', operation: 'DescribeCluster' });
      engine.emit({ type: 'call', service: 'ec2', operation: 'DescribeNatGateways' });
      await pause(20);
    }
    await pause(200);
    expect(app.frames.length - before).toBe(0);

    await app.press(KEYS.down);
    await pause(200);
    expect(app.frames.length - before).toBeGreaterThan(0);
  });
});
