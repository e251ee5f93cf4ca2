import type { Lang } from '../../../text.js';
import { retryAttempt, waitTimes } from '../../../present/format.js';
import { changeMark, MARKS } from '../../../present/marks.js';
import { changeWord } from '../../../present/words.js';
import { shortId } from '../../format.js';
import type { Theme } from '../../theme.js';
import type { LogEntry } from '../../state/world.js';
import type { Line } from '../Lines.js';

/** One thing that happened, as a line of the run's log. */
export function logLine(entry: LogEntry, lang: Lang, theme: Theme): Line {
  switch (entry.type) {
    case 'call':
      return [{ text: `  ${theme.symbols.arrow} ${entry.service}:${entry.operation}`, tone: 'muted' }];
    case 'resource': {
      const mark = changeMark(entry.change);
      return [
        { text: `${mark.symbol} `, tone: mark.mood },
        { text: `${entry.kind} ${shortId(entry.kind, entry.id)}`.trimEnd() },
        { text: `: ${changeWord(entry.change, lang)}`, tone: 'muted' },
      ];
    }
    case 'status':
      return [
        { text: `${MARKS.waiting} `, tone: 'muted' },
        { text: `${entry.kind} ${shortId(entry.kind, entry.id)}: ` },
        { text: entry.status, tone: 'warn' },
        { text: `  ${waitTimes(entry.elapsedMs, entry.expectedMs)}`, tone: 'muted' },
      ];
    case 'note':
      return [{ text: entry.text, tone: 'accent' }];
    case 'retry':
      return [
        { text: `  ${MARKS.retry} ${entry.operation}: `, tone: 'warn' },
        { text: entry.reason[lang] },
        { text: ` (${retryAttempt(entry.attempt, entry.elapsedMs, lang)})`, tone: 'muted' },
      ];
  }
}
