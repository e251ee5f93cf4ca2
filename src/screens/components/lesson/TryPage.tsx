import { Box } from 'ink';
import { useEffect } from 'react';
import type { Lesson } from '../../../lessons/types.js';
import { fillCommand } from '../../../lessons/placeholders.js';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { useCommandValues } from '../../hooks/useCommandValues.js';
import { wrapCommand } from '../../state/commands.js';
import { S } from '../../strings.js';
import { Lines, type Line } from '../Lines.js';
import { T } from '../T.js';
import { wrapCells } from '../cells.js';

/**
 * The lesson's commands with this build's ids, one per line (long ones cut
 * between words with ` \`, so selecting and pasting them works), nothing drawn
 * inside them; the selected one marked on its description line; then the
 * reading, titles and addresses.
 */
export function TryPage({ lesson, width, height }: { lesson: Lesson; width: number; height: number }) {
  const { tutor, config } = useTutor();
  const { shownCommands, scrollLimit } = useTutorActions();
  const { lang, theme } = useUi();
  const values = useCommandValues();
  const commands = (lesson.commands ?? []).map((command) => ({ what: command.what, cli: fillCommand(command.cli, values) }));
  const cursor = Math.min(tutor.callCursor, Math.max(0, commands.length - 1));
  const joined = commands.map((c) => c.cli).join('\n');
  useEffect(() => {
    shownCommands.current = joined ? joined.split('\n') : [];
  }, [joined, shownCommands]);

  const lines: Line[] = [];
  const prose = (say: string, tone?: 'muted' | 'accent') =>
    wrapCells(say, width).forEach((piece) => lines.push(tone ? [{ text: piece, tone }] : piece));
  let selectedAt = 0;
  if (commands.length > 0) {
    prose(S.tryIntro[lang], 'muted');
    if (config.mode === 'sandbox') prose(S.trySandbox[lang], 'muted');
    if (config.mode === 'dry-run') prose(S.tryDryRun[lang], 'muted');
    commands.forEach((command, i) => {
      lines.push('');
      const here = i === cursor;
      if (here) selectedAt = lines.length;
      const what = wrapCells(`${here ? theme.symbols.cursor : ' '} ${command.what[lang]}`, width);
      what.forEach((piece) =>
        lines.push([{ text: piece, ...(here ? { tone: 'accent' as const, bold: true } : { tone: 'muted' as const }) }]),
      );
      for (const piece of wrapCommand(command.cli, width)) lines.push([{ text: piece, tone: 'code' }]);
    });
    if (commands.some((c) => /\{\w+\}/.test(c.cli))) {
      lines.push('');
      prose(S.tryUnfilled[lang], 'muted');
    }
  }
  if (lesson.readMore.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push([{ text: S.readMore[lang], bold: true }]);
    for (const item of lesson.readMore) {
      wrapCells(`- ${item.title[lang]}`, width).forEach((piece) => lines.push(piece));
      lines.push([{ text: `  ${item.url}`, tone: 'accent' }]);
    }
  }
  const footer = commands.length > 0 ? 1 + (tutor.copied !== null ? 1 : 0) : 0;
  const window = Math.max(1, height - footer);
  // The selected command is kept in view; Space and PgUp/PgDn scroll the rest.
  const limit = Math.max(0, lines.length - window);
  const offset = Math.min(limit, Math.max(tutor.scroll, selectedAt + 4 - window));
  useEffect(() => {
    scrollLimit.current = limit;
  }, [limit, scrollLimit]);
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={lines} height={window} offset={offset} more={S.scrollMore} />
      {tutor.copied !== null ? <T tone="ok">{S.tryCopied}</T> : null}
      {commands.length > 0 ? (
        <T tone="accent" wrap="truncate-end">
          {S.tryKeys}
        </T>
      ) : null}
    </Box>
  );
}
