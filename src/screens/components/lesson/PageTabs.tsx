import type { Text } from '../../../text.js';
import type { PageKind, PageRef } from '../../state/course.js';
import { useUi } from '../../contexts/ui.js';
import { S } from '../../strings.js';
import { T } from '../T.js';

const NAMES: Record<PageKind, Text> = {
  learn: S.pageLearn,
  call: S.pageCall,
  run: S.pageRun,
  check: S.pageCheck,
  quiz: S.pageQuiz,
  teardown: S.pageTeardown,
  try: S.pageTry,
};

/** The lesson's pages as tabs; the current one bracketed (readable without colour too). */
export function PageTabs({ pages, current }: { pages: readonly PageRef[]; current: number }) {
  const { theme } = useUi();
  const learnCount = pages.filter((p) => p.kind === 'learn').length;
  // Its place among the pages shown (the presenter track shows only some of a lesson's pages).
  const learnAt = pages.slice(0, current + 1).filter((p) => p.kind === 'learn').length;
  const here = pages[current];
  const kinds = pages.map((p) => p.kind).filter((kind, i, all) => all.indexOf(kind) === i);
  return (
    <T wrap="truncate-end">
      {kinds.map((kind, i) => {
        const active = here?.kind === kind;
        const label =
          kind === 'learn' && here?.kind === 'learn'
            ? { en: `${S.pageLearn.en} ${learnAt}/${learnCount}`, ja: `${S.pageLearn.ja} ${learnAt}/${learnCount}` }
            : NAMES[kind];
        return (
          <T key={kind}>
            {i > 0 ? <T tone="muted">{theme.symbols.separator}</T> : null}
            {active ? (
              <T tone="accent" bold inverse>
                [{label}]
              </T>
            ) : (
              <T tone="muted">{label}</T>
            )}
          </T>
        );
      })}
    </T>
  );
}
