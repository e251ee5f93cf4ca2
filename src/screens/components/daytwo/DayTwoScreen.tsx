import { Box } from 'ink';
import { useLayoutEffect } from 'react';
import type { DayTwoAction } from '../../../aws/day-two/actions.js';
import { useUi } from '../../contexts/ui.js';
import { useDayTwo } from '../../hooks/useDayTwo.js';
import { mark } from '../../state/key-chunks.js';
import { Frame, useBodyHeight } from '../Frame.js';
import { Heading } from '../Header.js';
import { LearnPage } from '../lesson/LearnPage.js';
import { PageTabs } from '../lesson/PageTabs.js';
import { T } from '../T.js';
import { DayTwoCalls } from './DayTwoCalls.js';
import { DayTwoCheck } from './DayTwoCheck.js';
import { DayTwoMenu } from './DayTwoMenu.js';
import { DayTwoRunPage } from './DayTwoRun.js';
import { actionPages, openAction } from './state.js';
import { D } from './strings.js';

/** One action: its reasoning (its lesson's pages), the calls, the run and the check, as a step's pages are. */
function DayTwoActionScreen({ action }: { action: DayTwoAction }) {
  const { state, lessonOf, shown } = useDayTwo();
  const { columns } = useUi();
  // Keys read after the one that brought this page were meant for it (DayTwoProvider's capture).
  useLayoutEffect(() => {
    shown.page = { action: action.id, page: state.page, at: shown.cause ?? mark() };
  }, [shown, action.id, state.page]);
  const height = useBodyHeight();
  const lesson = lessonOf(action);
  const pages = actionPages(lesson);
  const page = pages[Math.min(state.page, pages.length - 1)];
  const run = state.runs[action.id];
  const pageHeight = Math.max(3, height - 2);
  let body = null;
  if (page?.kind === 'learn' && lesson) body = <LearnPage lesson={lesson} index={page.index} width={columns} height={pageHeight} />;
  else if (page?.kind === 'call') body = <DayTwoCalls run={run} width={columns} height={pageHeight} />;
  else if (page?.kind === 'run') body = <DayTwoRunPage action={action} run={run} height={pageHeight} />;
  else if (page?.kind === 'check') body = <DayTwoCheck run={run} width={columns} height={pageHeight} />;
  return (
    <Frame keys={D.keysAction}>
      <Heading>
        {action.question
          ? { en: `${D.question(action.question).en} · ${action.title.en}`, ja: `${D.question(action.question).ja}・${action.title.ja}` }
          : action.title}
      </Heading>
      <PageTabs pages={pages} current={Math.min(state.page, pages.length - 1)} />
      <Box flexDirection="column" height={pageHeight} overflowY="hidden">
        {body ?? <T tone="muted">{D.notRun}</T>}
      </Box>
    </Frame>
  );
}

/** The day-two menu, or the action open from it. */
export function DayTwoScreen() {
  const { state, actions } = useDayTwo();
  const action = openAction(state, actions);
  return action ? <DayTwoActionScreen action={action} /> : <DayTwoMenu />;
}
