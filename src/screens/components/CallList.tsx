import { Box } from 'ink';
import type { PlannedCall } from '../../aws/types.js';
import { useUi } from '../contexts/ui.js';
import { T } from './T.js';

/** The calls as a numbered list, the chosen one marked, scrolled to keep it in the middle. */
export function CallList({
  calls,
  cursor,
  width,
  height,
}: {
  calls: readonly PlannedCall[];
  cursor: number;
  width: number;
  height: number;
}) {
  const { theme } = useUi();
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 2), calls.length - height));
  return (
    <Box width={width} flexDirection="column">
      {calls.slice(start, start + height).map((c, i) => {
        const here = start + i === cursor;
        return (
          <T key={start + i} wrap="truncate-end" {...(here ? { tone: 'accent' as const, bold: true } : { tone: 'muted' as const })}>
            {here ? theme.symbols.cursor : ' '}
            {String(start + i + 1).padStart(2)} {c.action}
          </T>
        );
      })}
    </Box>
  );
}
