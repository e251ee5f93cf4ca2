import { Box } from 'ink';
import type { Tone } from '../theme.js';
import { T, type Say } from './T.js';

/** A piece of a line with its own look. */
export interface Seg {
  text: Say;
  tone?: Tone;
  bold?: boolean;
  dim?: boolean;
}

/** A line of text: plain, or in pieces. */
export type Line = Say | Seg[];

const segsOf = (line: Line): Seg[] => (Array.isArray(line) ? line : [{ text: line }]);

/** One line, cut at the edge rather than wrapped, so heights stay what the layout counted. */
export function LineView({ line }: { line: Line }) {
  const segs = segsOf(line);
  return (
    <T wrap="truncate-end">
      {segs.map((seg, i) => (
        <T key={i} {...(seg.tone ? { tone: seg.tone } : {})} {...(seg.bold ? { bold: true } : {})} {...(seg.dim ? { dim: true } : {})}>
          {seg.text === '' ? ' ' : seg.text}
        </T>
      ))}
    </T>
  );
}

/** A window of `height` lines starting at `offset`, with a marker when more follows. */
export function Lines({ lines, height, offset = 0, more }: { lines: readonly Line[]; height: number; offset?: number; more?: Say }) {
  const start = Math.max(0, Math.min(offset, Math.max(0, lines.length - height)));
  const cut = lines.length - start > height;
  const shown = lines.slice(start, start + (cut ? Math.max(0, height - 1) : height));
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <LineView key={start + i} line={line} />
      ))}
      {cut && more !== undefined ? <LineView line={[{ text: more, tone: 'muted' }]} /> : null}
    </Box>
  );
}
