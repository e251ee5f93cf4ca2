import { Box } from 'ink';
import type { LessonHead } from '../../lessons/types.js';
import { useTutorHere } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { roughDuration } from '../format.js';
import { expectedRunMs, isWrapUp } from '../state/course.js';
import type { TutorState } from '../state/tutor.js';
import { S } from '../strings.js';
import { Frame, useBodyHeight } from './Frame.js';
import { StepsBar } from './StepsBar.js';
import { T } from './T.js';
import { D } from './daytwo/strings.js';
import type { Mode } from '../../config.js';

export type LessonMark = 'done' | 'current' | 'todo' | 'cleaned';

/** Done: a step built and checked (in a dry run: read to the end); any other lesson read to the end. */
export function lessonMark(lesson: LessonHead, tutor: TutorState, mode: Mode): LessonMark {
  const done = lesson.step && mode !== 'dry-run' ? tutor.doneSteps.includes(lesson.step) : tutor.completed.includes(lesson.id);
  if (done) return 'done';
  if (lesson.step && tutor.cleanedSteps.includes(lesson.step)) return 'cleaned';
  return tutor.lesson === lesson.id ? 'current' : 'todo';
}

function RunTime({ lesson }: { lesson: LessonHead }) {
  const { config } = useTutorHere();
  if (!lesson.step) return null;
  const real = expectedRunMs(lesson.step, { ...config, mode: 'real' });
  const label =
    config.mode === 'sandbox'
      ? S.runTakesSandbox(roughDuration(expectedRunMs(lesson.step, config)), roughDuration(real))
      : S.runTakes(roughDuration(real));
  return <T tone="muted">{label}</T>;
}

/** Intro, the five steps, the wrap-up and clean-up: each marked, with how long its run takes. */
export function Menu() {
  const { course, tutor, config } = useTutorHere();
  const { theme } = useUi();
  const height = useBodyHeight();
  const rows: ({ type: 'lesson'; lesson: LessonHead; index: number } | { type: 'group' })[] = [];
  course.lessons.forEach((lesson, index) => {
    const previous = course.lessons[index - 1];
    if (isWrapUp(lesson) && (!previous || !isWrapUp(previous))) rows.push({ type: 'group' });
    rows.push({ type: 'lesson', lesson, index });
  });
  const listHeight = Math.max(3, height - 5);
  const cursorRow = rows.findIndex((row) => row.type === 'lesson' && row.index === tutor.menuCursor);
  const start = Math.max(0, Math.min(cursorRow - Math.floor(listHeight / 2), rows.length - listHeight));
  const selected = course.lessons[tutor.menuCursor];
  return (
    <Frame keys={S.keysMenu}>
      <StepsBar long />
      <T bold tone="heading">
        {S.lessons}
      </T>
      <Box flexDirection="column">
        {rows.slice(start, start + listHeight).map((row, i) => {
          if (row.type === 'group') {
            return (
              <T key={`g${i}`} tone="muted" wrap="truncate-end">
                {'    '}
                {S.wrapUp}
                <T tone="accent"> · {D.openerShort}</T>
              </T>
            );
          }
          const mark = lessonMark(row.lesson, tutor, config.mode);
          const here = row.index === tutor.menuCursor;
          const symbol =
            mark === 'done' || mark === 'cleaned' ? theme.symbols.done : mark === 'current' ? theme.symbols.current : theme.symbols.todo;
          return (
            <Box key={row.lesson.id} justifyContent="space-between">
              <T wrap="truncate-end" {...(here ? { tone: 'accent' as const, bold: true } : {})}>
                {here ? theme.symbols.cursor : ' '} <T tone={mark === 'done' ? 'ok' : mark === 'current' ? 'warn' : 'muted'}>{symbol}</T>{' '}
                {isWrapUp(row.lesson) ? '  ' : ''}
                {theme.plain ? `${row.index + 1}. ` : ''}
                {row.lesson.title}
                {mark === 'cleaned' ? <T tone="muted">{S.aside(S.markCleaned)}</T> : null}
              </T>
              <RunTime lesson={row.lesson} />
            </Box>
          );
        })}
      </Box>
      <T tone="muted" wrap="truncate-end">
        {theme.symbols.done} {S.markDone} · {theme.symbols.current} {S.markCurrent} · {theme.symbols.todo} {S.markTodo}
      </T>
      {selected ? (
        <T tone="accent" wrap="truncate-end">
          {selected.summary}
        </T>
      ) : null}
    </Frame>
  );
}
