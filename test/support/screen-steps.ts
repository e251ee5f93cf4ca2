import { KEYS, type Rendered } from '../fixtures/render.js';

/** From the welcome screen to a lesson of the menu: Enter, `downs` times ↓ and Enter, until its title shows. */
export async function openStep(rendered: Rendered, downs: number, title: string): Promise<void> {
  await rendered.waitFor('Start with the lesson menu');
  await rendered.press(KEYS.enter);
  await rendered.waitFor('Lessons');
  await rendered.press(...Array<string>(downs).fill(KEYS.down), KEYS.enter);
  await rendered.waitFor(title);
}

/** Runs the open step (c, →, Enter), reads its Check page to the end once every check passed, and goes on to the next page. */
export async function runAndCheck(rendered: Rendered, step: number): Promise<void> {
  await rendered.press('c', KEYS.right, KEYS.enter);
  await rendered.waitFor(`Step ${step} is in place and checked`);
  await rendered.press(KEYS.right);
  await rendered.waitFor('All checks passed.');
  await rendered.readCheck();
  await rendered.press(KEYS.right);
}
