import { Box } from 'ink';
import type { Text } from '../../../text.js';
import { useUi } from '../../contexts/ui.js';
import { S } from '../../strings.js';
import { T } from '../T.js';

/** A failure as every page shows it: what failed, the explanation (as the CLI gives it), and how to try again. */
export function Failure({ error, retry = true }: { error: Text | undefined; retry?: boolean }) {
  const { theme } = useUi();
  return (
    <Box flexDirection="column">
      <T tone="bad">
        {theme.symbols.bad} {S.failed}
      </T>
      <T>{error ?? ''}</T>
      {retry ? <T tone="accent">{S.retry}</T> : null}
    </Box>
  );
}
