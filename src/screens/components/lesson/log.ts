import type { Lang } from '../../../text.js';
import { clock, shortId } from '../../format.js';
import type { Theme } from '../../theme.js';
import type { LogEntry } from '../../state/world.js';
import type { Line } from '../Lines.js';

const CHANGE: Record<string, { en: string; ja: string }> = {
  creating: { en: 'creating', ja: '作成中' },
  created: { en: 'created', ja: '作成' },
  adopted: { en: 'already there, adopted', ja: '既存のものを引き継ぎ' },
  deleting: { en: 'deleting', ja: '削除中' },
  deleted: { en: 'deleted', ja: '削除' },
  kept: { en: 'kept', ja: '保持' },
};

/** One thing that happened, as a line of the run's log. */
export function logLine(entry: LogEntry, lang: Lang, theme: Theme): Line {
  switch (entry.type) {
    case 'call':
      return [{ text: `  ${theme.symbols.arrow} ${entry.service}:${entry.operation}`, tone: 'muted' }];
    case 'resource': {
      const gone = entry.change === 'deleted' || entry.change === 'deleting';
      const done = entry.change === 'created' || entry.change === 'adopted' || entry.change === 'deleted';
      return [
        { text: `${done ? (gone ? '-' : '+') : '…'} `, tone: done ? (gone ? 'warn' : 'ok') : 'muted' },
        { text: `${entry.kind} ${shortId(entry.kind, entry.id)}`.trimEnd() },
        { text: `: ${CHANGE[entry.change]?.[lang] ?? entry.change}`, tone: 'muted' },
      ];
    }
    case 'status':
      return [
        { text: '… ', tone: 'muted' },
        { text: `${entry.kind} ${shortId(entry.kind, entry.id)}: ` },
        { text: entry.status, tone: 'warn' },
        { text: `  ${clock(entry.elapsedMs)}${entry.expectedMs ? ` / ~${clock(entry.expectedMs)}` : ''}`, tone: 'muted' },
      ];
    case 'note':
      return [{ text: entry.text, tone: 'accent' }];
    case 'retry':
      return [
        { text: `  ↻ ${entry.operation} `, tone: 'warn' },
        { text: lang === 'ja' ? `(${entry.attempt} 回目の再送、${clock(entry.elapsedMs)}): ` : `(sent again, attempt ${entry.attempt}, ${clock(entry.elapsedMs)}): `, tone: 'muted' },
        { text: entry.reason[lang] },
      ];
  }
}
