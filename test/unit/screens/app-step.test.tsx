import { describe, expect, it } from 'vitest';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

const screen = screenTests('tutor-step-');

describe('--step N', () => {
  it('opens at step N after saying what the earlier steps cost, and adopts them in the background', async () => {
    const fake = fakeServices({ identity: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/presenter' } });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real', presenter: true }),
      services: fake.services,
      step: 4,
    });
    const welcome = await app.waitFor('Open step 4');
    expect(welcome.replace(/\s+/g, ' ')).toContain(
      'steps 1–3 are adopted from the ledger, or created if they are missing (about $0.150/hour)',
    );
    await app.press(KEYS.enter);
    // The presenter track: the fixture's pages are not on it, the call is.
    const lesson = await app.waitFor('[The call]');
    expect(lesson).toContain('FIXTURE STEP FOUR');
    await app.waitFor('Steps ███░░ 3/5');
    expect(fake.engines[0]?.applied).toEqual([1, 2, 3]);
    await app.press(KEYS.right);
    const run = await app.waitFor('[Run]');
    expect(run).not.toContain('not in place yet');
  });
});
