import { Box } from 'ink';
import { PRICE_DATE, formatUsd } from '../../../aws/cost.js';
import { STEP_ORDER } from '../../../aws/step-order.js';
import type { StepNumber } from '../../../aws/types.js';
import { plannedHourly } from '../../../present/sums.js';
import { STEP_TITLES } from '../../../present/words.js';
import { memo, useEffect, useRef } from 'react';
import { useTutor, useTutorActions, useTutorHere } from '../../contexts/tutor.js';
import { useSame } from '../../hooks/useSame.js';
import { useUi } from '../../contexts/ui.js';
import { roughDuration, stepList } from '../../format.js';
import { missingBefore } from '../../hooks/useRunner.js';
import { expectedRunMs } from '../../state/course.js';
import { checksPassed, type LogEntry, type StepRun } from '../../state/world.js';
import { S } from '../../strings.js';
import { Elapsed, Spinner } from '../Clock.js';
import { Lines } from '../Lines.js';
import { T } from '../T.js';
import { usePlan } from './CallPage.js';
import { Failure } from './Failure.js';
import { logLine } from './log.js';
import { Waits } from './Waits.js';

/** Before the run: what it sends, what it adds per hour, what runs first, and how to start it. */
function Confirm({ step }: { step: StepNumber }) {
  const { tutor, world, config, session } = useTutor();
  const plan = usePlan(step);
  const missing = missingBefore(step, tutor.doneSteps, world);
  const engine = session.status === 'open' ? session.session.engine : undefined;
  const hourly = engine ? plannedHourly((s) => engine.plan(s), [...missing, step]) : 0;
  const estimate = (
    <T tone="muted">
      {S.aside(S.estimate(PRICE_DATE))}
      {{ en: '.', ja: '。' }}
    </T>
  );
  return (
    <Box flexDirection="column">
      {plan ? <T>{S.runCount(plan.calls.length)}</T> : null}
      {config.mode === 'real' ? (
        hourly > 0 ? (
          <T tone="cost">
            {S.runAdds(formatUsd(hourly))}
            {estimate}
          </T>
        ) : (
          <T tone="ok">{S.runFree}</T>
        )
      ) : hourly > 0 ? (
        <T tone="ok">{S.runSandboxFree(formatUsd(hourly))}</T>
      ) : (
        <T tone="ok">{S.runFree}</T>
      )}
      {missing.length ? <T tone="warn">{S.runMissing(stepList(missing), missing.length)}</T> : null}
      <Box marginTop={1} flexDirection="column">
        {session.status === 'open' ? (
          <T bold tone="accent">
            {config.mode === 'real' ? (tutor.runHeld ? S.runHeld : S.runConfirmReal) : S.runPrompt}
          </T>
        ) : session.status === 'opening' ? (
          <T>
            <Spinner /> {config.mode === 'sandbox' ? S.runSandboxStarting : S.runSessionOpening}
          </T>
        ) : (
          <>
            <T tone="bad">{S.runSessionFailed}</T>
            <T>{session.error}</T>
            <T>{S.runSessionFailedNext}</T>
          </>
        )}
      </Box>
    </Box>
  );
}

/** Dry run: nothing is sent; the commands to do it by hand instead. */
function DryRun({ step, height }: { step: StepNumber; height: number }) {
  const plan = usePlan(step);
  return (
    <Box flexDirection="column">
      <T>{S.dryRunNothing}</T>
      <Lines
        lines={(plan?.calls ?? []).map((c) => [{ text: `$ ${c.cli}`, tone: 'accent' as const }])}
        height={Math.max(1, height - 1)}
        more={S.more(Math.max(0, (plan?.calls.length ?? 0) - height + 2))}
      />
    </Box>
  );
}

/** The run: a confirmation, then each status change and API call as it happens, with clocks. */
export function RunPage({ step, height }: { step: StepNumber; height: number }) {
  const { world } = useTutor();
  const run = world.runs[step];
  const waitingFor = run?.phase === 'waiting' ? STEP_ORDER.find((s) => s < step && world.runs[s]?.phase === 'applying') : undefined;
  // While an earlier step runs first, its requests are the ones going out.
  const entries = useSame(world.log.filter((entry) => entry.step === (waitingFor ?? step)));
  return <Run step={step} height={height} run={run} waitingFor={waitingFor} entries={entries} />;
}

/** Drawn again when the run or its lines change, not for the polls and calls of another step. */
const Run = memo(function Run({
  step,
  height,
  run,
  waitingFor,
  entries,
}: {
  step: StepNumber;
  height: number;
  run: StepRun | undefined;
  waitingFor: StepNumber | undefined;
  entries: readonly LogEntry[];
}) {
  const { config, tutor } = useTutorHere();
  const { dispatch } = useTutorActions();
  const { lang, theme } = useUi();
  const phase = run?.phase ?? 'idle';
  // On the presenter track the Check page follows the run on its own, once the requests are through.
  const follow = tutor.follow === step && (phase === 'settling' || phase === 'checked');
  const { scrollLimit } = useTutorActions();
  const scrollTo = useRef(0);
  useEffect(() => {
    scrollLimit.current = scrollTo.current;
  });
  useEffect(() => {
    if (follow) dispatch({ type: 'page', delta: 1 });
  }, [follow, dispatch]);
  const passed = checksPassed(run?.checks ?? []);
  const title = (
    <T bold wrap="truncate-end">
      {S.runWhat(step, STEP_TITLES[step])}
    </T>
  );
  if (config.mode === 'dry-run') {
    return (
      <Box flexDirection="column">
        {title}
        <DryRun step={step} height={height - 1} />
      </Box>
    );
  }
  if (phase === 'idle') {
    return (
      <Box flexDirection="column">
        {title}
        <Confirm step={step} />
      </Box>
    );
  }
  const log = entries.map((entry) => logLine(entry, lang, theme));
  const logHeight = Math.max(1, height - 6 - (phase === 'failed' ? 2 : 0));
  const logLimit = Math.max(0, log.length - logHeight);
  scrollTo.current = logLimit;
  const head =
    phase === 'applying' || phase === 'waiting' ? (
      <T wrap="truncate-end">
        <Spinner /> {waitingFor ? S.waitingEarlier(waitingFor) : S.running(step)}{' '}
        {run?.startedAt !== undefined ? <Elapsed since={run.startedAt} /> : null}
        <T tone="muted">{S.aside(S.usually(roughDuration(expectedRunMs(step, config))))}</T>
      </T>
    ) : phase === 'settling' ? (
      <T tone="ok">
        {theme.symbols.ok} {S.applied}
      </T>
    ) : phase === 'checked' ? (
      <T tone={passed ? 'ok' : 'warn'}>
        {passed ? `${theme.symbols.ok} ` : `${theme.symbols.bad} `}
        {passed ? S.checked(step) : S.checkedFailed(step)}
      </T>
    ) : (
      <Failure error={run?.error} />
    );
  const waits = phase === 'settling' || phase === 'applying';
  return (
    <Box flexDirection="column">
      {title}
      <Box key={phase} flexDirection="column">
        {head}
      </Box>
      {waits ? <Waits step={step} /> : null}
      {phase === 'settling' ? <T tone="accent">{S.stillSettling}</T> : null}
      <T tone="muted">{S.callsAsTheyGo}</T>
      <Lines
        lines={log}
        height={logHeight}
        offset={Math.max(0, log.length - logHeight - Math.min(tutor.scroll, logLimit))}
        {...(tutor.scroll > 0 ? { more: S.logBack } : {})}
      />
    </Box>
  );
});
