import { describe, expect, it } from 'vitest';
import { testConfig } from '../../fixtures/config.js';
import { fakeServices } from '../../fixtures/services.js';
import { KEYS, screenTests, type Rendered } from '../../fixtures/render.js';

const screen = screenTests('tutor-screens-');

async function toMenu(rendered: Rendered) {
  await rendered.waitFor('Start with the lesson menu');
  await rendered.press(KEYS.enter);
  return rendered.waitFor('Lessons');
}

describe('the lesson menu and a lesson', () => {
  it('welcomes with the mode and the findings, then lists every lesson with its marks and run times', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    const welcome = await app.waitFor('Start with the lesson menu');
    expect(welcome).toContain('Mode: Sandbox');
    expect(welcome).toContain('http://127.0.0.1:4566');
    // The tool checks fill in after the menu is drawn, in rows kept for them.
    expect(await app.waitFor('✓ Node.js')).toContain('Start with the lesson menu');
    const menu = await toMenu(app);
    for (const title of ['Fixture intro', 'Fixture step one', 'Fixture step five', 'Fixture wrap-up', 'Fixture clean-up'])
      expect(menu).toContain(title);
    expect(menu).toMatch(/Fixture step three\s+run < 1 s \(AWS ~9 min\)/);
    expect(menu).toContain('Steps ░░░░░ 0 of 5 built');
    expect(menu).toContain('Wrap-up');
  });

  it('goes through the pages of a step: learn, the call, run, check, quiz, and back', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await toMenu(app);
    await app.press(KEYS.down, KEYS.enter);
    let frame = await app.waitFor('[Learn 1/2]');
    expect(frame).toContain('Roles body.');
    await app.press(KEYS.right);
    frame = await app.waitFor('No live policies in tests.');
    expect(frame).toContain('[Learn 2/2]');
    expect(frame).toContain('Policies body.');
    await app.press(KEYS.left);
    await app.waitFor('[Learn 1/2]');
    await app.press('c');
    frame = await app.waitFor('[The call]');
    expect(frame).toContain('FakeCreate1');
    expect(frame).toContain('aws eks fake-create-1');
    expect(frame).toContain('Why step 1.');
    await app.press(KEYS.down);
    await app.waitFor('aws ec2 fake-tag-1');
    await app.press(KEYS.right);
    frame = await app.waitFor('[Run]');
    expect(frame).toContain('Press Enter to run it');
    expect(frame).toContain('It adds nothing to your bill.');
    await app.press(KEYS.enter);
    frame = await app.waitFor('Step 1 is in place and checked');
    expect(frame).toContain('eks:FakeCreate1');
    expect(frame).toContain('Steps █░░░░');
    await app.press(KEYS.right);
    frame = await app.waitFor('[Check]');
    expect(frame).toContain('✓ Step 1 exists');
    expect(frame).toContain('All checks passed.');
    await app.readCheck();
    await app.press(KEYS.right);
    frame = await app.waitFor('[Quiz]');
    expect(frame).toContain('Question 1 of 2');
    await app.answer('Wrong choice');
    frame = await app.waitFor('Not quite.');
    expect(frame).toContain('Right choice is right (1).');
    await app.press(KEYS.enter);
    await app.waitFor('Question 2 of 2');
    await app.answer('Right choice');
    await app.waitFor('Right.');
    await app.press(KEYS.enter);
    frame = await app.waitFor('Fixture step two');
    expect(frame).toContain('[Learn 1/2]');
    await app.press(KEYS.escape);
    frame = await app.waitFor('Lessons');
    expect(frame).toMatch(/✓ Fixture step one/);
    expect(frame).toMatch(/› ▸ Fixture step two/);
  });

  it('marks the check ? when AWS does not report a value, and the quiz can be skipped', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await toMenu(app);
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Fixture step three');
    await app.press('c', KEYS.right, KEYS.enter);
    // Steps 1 and 2 are not in place: they run first.
    await app.waitFor('Step 3 is in place and checked');
    expect(fake.engines[0]!.applied).toEqual([1, 2, 3]);
    await app.press(KEYS.right);
    const check = await app.waitFor('[Check]');
    expect(check).toContain('? Step 3 is right');
    await app.readCheck();
    await app.press(KEYS.right, 's');
    await app.waitFor('Fixture step four');
  });

  it('shows the hint, the keys and the map on request', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir }), services: fake.services });
    await toMenu(app);
    await app.press(KEYS.enter);
    await app.waitFor('Fixture intro');
    await app.press('h');
    await app.waitFor('Hint for Fixture intro.');
    await app.press('?');
    const keys = await app.waitFor('Keys');
    expect(keys).toContain('the resource map');
    await app.press('x');
    await app.waitFor('Hint for Fixture intro.');
    await app.press('m');
    const map = await app.waitFor('Resource map');
    expect(map).toContain('○ VPC');
    expect(map).toContain('Cost meter');
    await app.press('m');
    await app.waitFor('Hint for Fixture intro.');
  });

  it('speaks Japanese when asked, on every screen', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, lang: 'ja' }), services: fake.services });
    const welcome = await app.waitFor('レッスンメニューから始める');
    expect(welcome).toContain('モード: サンドボックス');
    await app.press(KEYS.enter);
    const menu = await app.waitFor('Fixture step one(日本語)');
    expect(menu).toContain('Fixture step one(日本語)');
    await app.press('l');
    await app.waitFor('Lessons');
  });
});
