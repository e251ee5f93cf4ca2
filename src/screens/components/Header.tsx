import { Box } from 'ink';
import type { Text } from '../../text.js';
import { useTutorHere } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { S } from '../strings.js';
import { StepsBar } from './StepsBar.js';
import { T } from './T.js';

export function modeName(mode: string): Text {
  return mode === 'real' ? S.modeReal : mode === 'sandbox' ? S.modeSandbox : S.modeDryRun;
}

/** One line: what this is, the mode and where it points, and the five steps. */
export function Header() {
  const { config } = useTutorHere();
  const { columns } = useUi();
  return (
    <Box justifyContent="space-between" width={columns}>
      <Box flexShrink={1}>
        <T wrap="truncate-end">
          <T tone="heading" bold>
            {S.product}
          </T>
          <T tone="muted"> · </T>
          <T tone={config.mode === 'real' ? 'warn' : 'accent'}>{modeName(config.mode)}</T>
          <T tone="muted">{` · ${config.region || '?'} · ${config.clusterName}`}</T>
        </T>
      </Box>
      <Box marginLeft={1} flexShrink={0}>
        <StepsBar />
      </Box>
    </Box>
  );
}

/** A heading; in presenter mode a large boxed one that reads from the back of the room. */
export function Heading({ children }: { children: Text | string }) {
  const { presenter, theme } = useUi();
  if (presenter) {
    // Plain mode (a screen reader) gets the large heading without the box around it.
    return (
      <Box {...(theme.plain ? {} : { borderStyle: 'double' as const })} paddingX={2} flexShrink={0}>
        <T bold tone="heading" wrap="truncate-end">
          {typeof children === 'string' ? children.toUpperCase() : { en: children.en.toUpperCase(), ja: children.ja }}
        </T>
      </Box>
    );
  }
  return (
    <T bold tone="heading" underline wrap="truncate-end">
      {children}
    </T>
  );
}
