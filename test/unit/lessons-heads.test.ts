import { describe, expect, it } from 'vitest';
import { LESSON_MENU } from '../../src/lessons/heads.js';
import { LESSONS } from '../../src/lessons/index.js';

describe('the lessons’ heads, loaded with the first frame', () => {
  it('say which lessons have presenter pages, as the pages do', () => {
    const marked = LESSONS.filter((lesson) => lesson.presenter === true).map((lesson) => lesson.id);
    const withPages = LESSONS.filter((lesson) => lesson.pages.some((page) => page.presenter)).map((lesson) => lesson.id);
    expect(marked).toEqual(withPages);
  });

  it('are the lessons’ own, in the menu’s order', () => {
    expect(LESSONS.map(({ id, step, title, summary }) => ({ id, step, title, summary }))).toEqual(
      LESSON_MENU.map(({ id, step, title, summary }) => ({ id, step, title, summary })),
    );
  });
});
