import { Box } from 'ink';
import { memo } from 'react';
import type { StepNumber } from '../../../aws/types.js';
import type { Text } from '../../../text.js';
import { useTutorHere } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { coursePages, lessonOf } from '../../state/course.js';
import { S } from '../../strings.js';
import { Frame, useBodyHeight } from '../Frame.js';
import { Heading } from '../Header.js';
import { ResourceMap, SIDE_MAP_WIDTH } from '../ResourceMap.js';
import { T } from '../T.js';
import { SettlingBanner, useBannerFor } from './Banner.js';
import { CallPage } from './CallPage.js';
import { CheckPage } from './CheckPage.js';
import { LearnPage } from './LearnPage.js';
import { PageTabs } from './PageTabs.js';
import { QuizPage } from './QuizPage.js';
import { RunPage } from './RunPage.js';
import { TeardownPage } from './TeardownPage.js';
import { TryPage } from './TryPage.js';

/** With --presenter, the key line also offers the other track. */
function presenterKeys(keys: Text, presenter: boolean, onTrack: boolean): Text {
  if (!presenter) return keys;
  const other = onTrack ? S.keysFullCourse : S.keysPresenterTrack;
  return { en: `${other.en} · ${keys.en}`, ja: `${other.ja} · ${keys.ja}` };
}

/** A lesson: its title, the page tabs, the page, a banner while something settles, the hint when asked. */
export function LessonScreen({ sideMap }: { sideMap: boolean }) {
  const { course, tutor } = useTutorHere();
  const lesson = lessonOf(course, tutor.lesson);
  const page = lesson ? coursePages(course, lesson)[tutor.page] : undefined;
  const banner = useBannerFor(lesson?.step, page?.kind).length > 0;
  return <Lesson sideMap={sideMap} banner={banner} />;
}

/** The screen itself: the engine's events draw it again only through the parts that show them. */
const Lesson = memo(function Lesson({ sideMap: mapWanted, banner }: { sideMap: boolean; banner: boolean }) {
  const { course, tutor, config } = useTutorHere();
  const { columns, presenter } = useUi();
  const height = useBodyHeight();
  const lesson = lessonOf(course, tutor.lesson);
  const pages = lesson ? coursePages(course, lesson) : [];
  const page = pages[tutor.page];
  if (!lesson || !page) return null;
  // Commands to select with the mouse get the whole width: nothing beside them on their lines.
  const sideMap = mapWanted && page.kind !== 'try';
  const width = sideMap ? columns - SIDE_MAP_WIDTH - 2 : columns;
  // On the quiz the lesson's hint would give answers away: each question has its own nudge instead.
  const question = page.kind === 'quiz' ? lesson.quiz[tutor.quiz.index] : undefined;
  const nudge: Text | undefined = question?.nudge;
  const hint = page.kind === 'quiz' ? nudge : lesson.hint;
  const hintLines = tutor.showHint && hint ? 3 : 0;
  const pageHeight = Math.max(3, height - (presenter ? 3 : 1) - 1 - (banner ? 2 : 0) - hintLines);
  const step = lesson.step as StepNumber | undefined;
  let body;
  switch (page.kind) {
    case 'learn':
      body = <LearnPage lesson={lesson} index={page.index} width={width} height={pageHeight} />;
      break;
    case 'call':
      body = step ? <CallPage step={step} width={width} height={pageHeight} /> : null;
      break;
    case 'run':
      body = step ? <RunPage step={step} height={pageHeight} /> : null;
      break;
    case 'check':
      body = step ? <CheckPage step={step} width={width} height={pageHeight} /> : null;
      break;
    case 'quiz':
      body = <QuizPage lesson={lesson} />;
      break;
    case 'teardown':
      body = <TeardownPage width={width} height={pageHeight} />;
      break;
    case 'try':
      body = <TryPage lesson={lesson} width={width} height={pageHeight} />;
      break;
  }
  return (
    <Frame keys={presenterKeys(lesson.step ? S.keysLesson : S.keysLessonNoCall, config.presenter, course.presenter === true)}>
      <Box>
        <Box flexDirection="column" width={width}>
          <Heading>{lesson.title}</Heading>
          <PageTabs pages={pages} current={tutor.page} />
          <Box flexDirection="column" height={pageHeight} overflowY="hidden">
            {body}
          </Box>
          <SettlingBanner step={lesson.step} pageKind={page.kind} />
          {hintLines > 0 && hint ? (
            <Box flexDirection="column" height={hintLines} overflowY="hidden">
              <T tone="important" bold>
                {page.kind === 'quiz' ? S.nudge : S.hint}
              </T>
              <T>{hint}</T>
            </Box>
          ) : null}
        </Box>
        {sideMap ? (
          <Box marginLeft={2}>
            <ResourceMap width={SIDE_MAP_WIDTH} />
          </Box>
        ) : null}
      </Box>
    </Frame>
  );
});
