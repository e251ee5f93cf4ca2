import { Box } from 'ink';
import { useEffect } from 'react';
import type { Lesson } from '../../../lessons/types.js';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { useLiveData } from '../../hooks/useLiveData.js';
import { S } from '../../strings.js';
import { Lines, type Line } from '../Lines.js';
import { liveLines } from '../live/lines.js';
import { T } from '../T.js';

/** Side by side from this width on; below it the live data follows the text and the page scrolls. */
const SIDE_BY_SIDE = 120;

/** One page of the lesson's text, with its live data when it has some. */
export function LearnPage({ lesson, index, width, height }: { lesson: Lesson; index: number; width: number; height: number }) {
  const { tutor, world } = useTutor();
  const { scrollLimit } = useTutorActions();
  const { lang, theme } = useUi();
  const page = lesson.pages[index];
  // A step that finishes changes what the live panel would show.
  const version =
    Object.values(world.runs)
      .map((run) => run?.phase)
      .join() + world.teardown.phase;
  const liveKind = page?.live ?? page?.diagram;
  const live = useLiveData(liveKind, version);
  const bodyLines: Line[] = (page?.body[lang] ?? '').split('\n');
  const side = Boolean(liveKind) && width >= SIDE_BY_SIDE;
  const textWidth = side ? Math.min(78, Math.floor(width / 2)) : width;
  const liveWidth = width - textWidth - 2;
  const panel: Line[] = liveKind
    ? [
        [{ text: `${theme.plain ? '--' : '──'} ${S.live[lang]}: ${liveKind} `, tone: 'muted' }],
        ...(live ? liveLines(live, side ? liveWidth : width, lang) : [[{ text: S.loading, tone: 'muted' as const }]]),
      ]
    : [];
  const windowHeight = Math.max(1, height - 2);
  const lines = side ? bodyLines : liveKind ? [...bodyLines, '', ...panel] : bodyLines;
  const limit = Math.max(0, lines.length - windowHeight, side ? panel.length - windowHeight : 0);

  useEffect(() => {
    scrollLimit.current = limit;
  }, [limit, scrollLimit]);

  if (!page) return null;
  return (
    <Box flexDirection="column" width={width}>
      <T bold wrap="truncate-end">
        {page.title}
      </T>
      <Box height={1} />
      {side ? (
        <Box>
          <Box width={textWidth} flexDirection="column">
            <Lines lines={bodyLines} height={windowHeight} offset={tutor.scroll} more={S.scrollMore} />
          </Box>
          <Box width={liveWidth} marginLeft={2} flexDirection="column">
            <Lines lines={panel} height={windowHeight} offset={tutor.scroll} more={S.scrollMore} />
          </Box>
        </Box>
      ) : (
        <Lines lines={lines} height={windowHeight} offset={tutor.scroll} more={S.scrollMore} />
      )}
    </Box>
  );
}
