import { Box } from 'ink';
import { useContext } from 'react';
import { formatUsd } from '../../../aws/cost.js';
import type { Text } from '../../../text.js';
import { SessionContext, WorldContext } from '../../contexts/tutor-state.js';
import { useUi } from '../../contexts/ui.js';
import { downCommand, runningLines } from '../../state/farewell.js';
import { S } from '../../strings.js';
import { T } from '../T.js';

/**
 * What still bills after a failure in real mode, as the quit screen names it,
 * and the other way out; nothing outside a tutor (or when nothing bills).
 */
function StillThere() {
  const session = useContext(SessionContext);
  const world = useContext(WorldContext);
  if (!session || !world || session.config.mode !== 'real') return null;
  const running = runningLines(session.config, world, Date.now());
  if (running.hourly === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <T>{S.quitTitle}:</T>
      {running.lines.map((line) => (
        <T key={line} tone="warn" wrap="truncate-end">
          {'  '}
          {line}
        </T>
      ))}
      <T tone="cost">{S.quitCost(formatUsd(running.hourly))}</T>
      <T>{S.failedRemove(downCommand(session.config))}</T>
    </Box>
  );
}

/**
 * A failure as every page shows it: what failed, the explanation (the engine's,
 * which the CLI prints too), what still bills, and how to try again.
 */
export function Failure({ error, retry = true }: { error: Text | undefined; retry?: boolean }) {
  const { theme } = useUi();
  return (
    <Box flexDirection="column">
      <T tone="bad">
        {theme.symbols.bad} {S.failed}
      </T>
      <T>{error ?? ''}</T>
      <StillThere />
      {retry ? <T tone="accent">{S.retry}</T> : null}
    </Box>
  );
}
