import { describe, expect, it } from 'vitest';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

const screen = screenTests('tutor-presenter-');

const ACCOUNT = '123456789012';

describe('presenter mode', () => {
  it('never shows the account id, access key ids or public IPs in any frame, and uses large headings', async () => {
    const fake = fakeServices({
      identity: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
      findings: [
        {
          ok: true,
          label: 'Credentials',
          detail: text(`account ${ACCOUNT} as arn:aws:iam::${ACCOUNT}:user/alice with AKIAABCDEFGHIJKLMNOP`, `アカウント ${ACCOUNT}`),
        },
      ],
      live: () => ({
        kind: 'cluster',
        fields: [
          ['arn', `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/eks-basics-tutor`],
          ['endpoint', 'https://54.12.34.56'],
        ],
      }),
    });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real', presenter: true }),
      services: fake.services,
    });
    const welcome = await app.waitFor('Start with the lesson menu');
    expect(welcome).toContain('************');
    expect(welcome).toContain('╔');
    // The 20-minute track opens at its first lesson; f switches to the full course.
    await app.press(KEYS.enter);
    await app.waitFor('FIXTURE STEP ONE');
    await app.press('f');
    await app.waitFor('f 20-minute track');
    await app.press(KEYS.escape);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('https://x.x.x.x');
    await app.press('c');
    await app.waitFor('FakeCreate3');
    await app.press(KEYS.right);
    const confirm = await app.waitFor('create it in your account');
    expect(confirm).toMatch(/adds about \$0\.150\/hour/);
    await app.readRun();
    await app.press(KEYS.enter);
    await app.waitFor('Step 3 is in place and checked');
    await app.press(KEYS.right);
    await app.waitFor('Step 3 exists');
    await app.press('m');
    await app.waitFor('Resource map');
    await app.press('m', 'q');
    const quit = await app.waitFor(/STILL RUNNING IN YOUR AWS ACCOUNT/);
    expect(quit).toContain('eks-cluster eks-basics-tutor');
    expect(quit).toContain('eks-basics-tutor down --region us-east-1');
    await app.press(KEYS.enter);
    await app.exited;
    expect(app.frames.length).toBeGreaterThan(10);
    for (const frame of app.frames) {
      expect(frame).not.toContain(ACCOUNT);
      expect(frame).not.toContain('AKIAABCDEFGHIJKLMNOP');
      expect(frame).not.toContain('54.12.34.56');
    }
  });
});
