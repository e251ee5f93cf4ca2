import { Box } from 'ink';
import { useEffect } from 'react';
import type { DayTwoAction } from '../../../aws/day-two/actions.js';
import { useTutor } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { useDayTwo } from '../../hooks/useDayTwo.js';
import { S } from '../../strings.js';
import { Elapsed, Spinner } from '../Clock.js';
import { Failure } from '../lesson/Failure.js';
import { WaitRows } from '../lesson/Waits.js';
import { logLine } from '../lesson/log.js';
import { Lines, type Line } from '../Lines.js';
import { checksPassed } from '../../state/world.js';
import { T } from '../T.js';
import type { DayTwoRun } from './state.js';
import { D } from './strings.js';

/** What the run still waits for (an add-on, a node group), each with its status and its clock. */
function DayTwoWaits({ run }: { run: DayTwoRun }) {
  return <WaitRows waits={Object.values(run.world.resources).filter((r) => r.phase === 'creating' && r.status !== undefined)} />;
}

/** Before the run: what Enter does; during it: each call and event as it comes, with what is still settling; after: how it went. */
export function DayTwoRunPage({ action, run, height }: { action: DayTwoAction; run: DayTwoRun | undefined; height: number }) {
  const { state, blocked, scrollLimit } = useDayTwo();
  const { config } = useTutor();
  const { lang, theme } = useUi();
  // A note of several lines (the subnets, the pods beside them) is several lines of the log.
  const log: Line[] = (run?.world.log ?? []).flatMap((entry): Line[] =>
    entry.type === 'note'
      ? entry.text[lang].split('\n').map((row): Line => [{ text: row, tone: 'accent' }])
      : [logLine(entry, lang, theme)],
  );
  const logHeight = Math.max(1, height - 4 - (run?.phase === 'failed' ? 3 : 0));
  const limit = Math.max(0, log.length - logHeight);
  useEffect(() => {
    scrollLimit.current = limit;
  });
  if (!run) {
    return (
      <Box flexDirection="column">
        <T bold>{action.title}</T>
        {blocked ? (
          <T tone="warn">{blocked}</T>
        ) : config.mode === 'real' && action.asksFirst ? (
          <Box flexDirection="column">
            <T tone="cost">{action.asksFirst(config)}</T>
            <T bold tone="accent">
              {D.runAsk}
            </T>
          </Box>
        ) : (
          <T tone="accent">{action.kind === 'explains' ? D.explainPrompt : D.runPrompt}</T>
        )}
      </Box>
    );
  }
  const passed = checksPassed(run.outcome?.checks ?? []);
  const head =
    run.phase === 'running' ? (
      <T wrap="truncate-end">
        <Spinner /> {D.running} <Elapsed since={run.startedAt} />
      </T>
    ) : run.phase === 'done' ? (
      <T tone={passed ? 'ok' : 'warn'}>
        {passed ? theme.symbols.ok : theme.symbols.bad} {passed ? D.ran : D.ranFailed}
      </T>
    ) : (
      <Failure error={run.error} />
    );
  return (
    <Box flexDirection="column">
      <Box key={run.phase} flexDirection="column">
        {head}
      </Box>
      {run.phase === 'running' ? <DayTwoWaits run={run} /> : null}
      <T tone="muted">{D.asTheyGo}</T>
      <Lines
        lines={log}
        height={logHeight}
        offset={Math.max(0, log.length - logHeight - Math.min(state.scroll, limit))}
        {...(state.scroll > 0 ? { more: S.logBack } : {})}
      />
    </Box>
  );
}
