import { Box } from 'ink';
import type { ReactNode } from 'react';
import { useUi } from '../contexts/ui.js';
import { Header } from './Header.js';
import { withNumberKeys } from './plain.js';
import { KeysLine, StatusLine } from './StatusLine.js';
import type { Say } from './T.js';

/** Lines the frame itself takes: header, status line, keys line, and one spare so Ink never scrolls the terminal. */
export const FRAME_LINES = 4;

/** Header, a body of a fixed height (cut, never spilling), the status line and the keys. */
export function Frame({ keys, children }: { keys: Say; children: ReactNode }) {
  const { columns, rows, theme } = useUi();
  return (
    <Box flexDirection="column" width={columns}>
      <Header />
      <Box flexDirection="column" height={Math.max(3, rows - FRAME_LINES)} overflowY="hidden">
        {children}
      </Box>
      <StatusLine />
      <KeysLine keys={typeof keys === 'object' ? withNumberKeys(keys, theme) : keys} />
    </Box>
  );
}

/** The body's height inside a frame. */
export function useBodyHeight(): number {
  const { rows } = useUi();
  return Math.max(3, rows - FRAME_LINES);
}
