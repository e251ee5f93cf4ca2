import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/options.js';
import { testConfig } from '../../fixtures/config.js';
import { fakeServices } from '../../fixtures/services.js';
import { KEYS, screenTests } from '../../fixtures/render.js';

const screen = screenTests('tutor-plain-');

/** Box drawing (U+2500–257F), block elements (U+2580–259F) and the geometric shapes used as marks (U+25A0–25FF). */
const DRAWN = /[\u2500-\u25FF]/;

describe('plain mode (--plain, or INK_SCREEN_READER=true)', () => {
  it('is turned on by --plain or by a screen reader, and a bad INK_SCREEN_READER is refused in one line', () => {
    expect(resolveConfig({ sandbox: true, plain: true }, {}).plain).toBe(true);
    expect(resolveConfig({ sandbox: true }, { INK_SCREEN_READER: 'true' }).plain).toBe(true);
    expect(resolveConfig({ sandbox: true }, { INK_SCREEN_READER: 'false' }).plain).toBeUndefined();
    expect(resolveConfig({ sandbox: true }, {}).plain).toBeUndefined();
    let error: unknown;
    try {
      resolveConfig({ sandbox: true }, { INK_SCREEN_READER: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'BAD_INPUT' });
    expect(String((error as { message: string }).message)).toMatch(/INK_SCREEN_READER "maybe" is not allowed: use true or false/);
  });

  it('numbers every menu, picks with a digit, draws no boxes and marks state with words', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, plain: true }), services: fake.services });
    await app.waitFor('[ok] Node.js');
    const welcome = await app.waitFor('1. Start with the lesson menu');
    expect(welcome).toContain('2. ');
    expect(welcome).toContain('digits choose');
    await app.press('1');
    const menu = await app.waitFor('Lessons');
    expect(menu).toMatch(/> \[here\] 1\. Fixture intro|> \[ \] 1\. Fixture intro/);
    expect(menu).toMatch(/\d+\. Fixture clean-up/);
    // A digit moves to that lesson; Enter opens it.
    await app.press('2');
    await app.waitFor(/> \S+(?: \S+)? 2\. Fixture step one/);
    await app.press(KEYS.enter);
    let frame = await app.waitFor('[Learn 1/2]');
    expect(frame).toContain(' | ');
    // The call page: a digit selects that call.
    await app.press('c');
    await app.waitFor('[The call]');
    await app.press('2');
    await app.waitFor('aws ec2 fake-tag-1');
    await app.press(KEYS.right, KEYS.enter);
    frame = await app.waitFor('Step 1 is in place and checked');
    expect(frame).toContain('Steps #----');
    await app.press(KEYS.right);
    frame = await app.waitFor('All checks passed.');
    expect(frame).toContain('[ok] Step 1 exists');
    await app.readCheck();
    await app.press(KEYS.right);
    frame = await app.waitFor('Question 1 of');
    // Choices are numbered; the digit answers at once.
    expect(frame).toMatch(/1\) (Wrong|Right) choice/);
    const rightAt = /(\d)\) Right choice/.exec(frame)![1]!;
    await app.press(rightAt);
    frame = await app.waitFor('Right choice is right (1).');
    expect(frame).toMatch(/\[ok\] \d\) Right choice/);
    for (const seen of app.frames) expect(seen).not.toMatch(DRAWN);
  });

  it('gives the presenter’s large heading without a box', async () => {
    const fake = fakeServices();
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, plain: true, presenter: true }), services: fake.services });
    await app.waitFor('1. Start');
    await app.press('1');
    const frame = await app.waitFor(/\[Learn|\[The call\]/);
    expect(frame).toMatch(/FIXTURE/);
    for (const seen of app.frames) expect(seen).not.toMatch(DRAWN);
  });
});
