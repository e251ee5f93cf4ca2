import { Box } from 'ink';
import { formatUsd } from '../../aws/cost.js';
import { findingMark } from '../../present/marks.js';
import { plannedHourly, stepsThrough } from '../../present/sums.js';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { S } from '../strings.js';
import type { WelcomeChoice } from '../state/welcome.js';
import { Spinner } from './Clock.js';
import { Frame, useBodyHeight } from './Frame.js';
import { Heading, modeName } from './Header.js';
import { T } from './T.js';

/** Where the tutor points: the account, the sandbox or nothing at all. */
function ModeLines() {
  const { session, config, moto } = useTutor();
  // A dry run's line needs no session (which opens only when a lesson may need it).
  if (config.mode === 'dry-run' && session.status !== 'failed') return <T>{S.dryRunWhat}</T>;
  if (session.status === 'opening') {
    return (
      <T>
        <Spinner /> {config.mode === 'sandbox' ? S.openingSandbox : S.opening}
      </T>
    );
  }
  if (session.status === 'failed') {
    if (session.code === 'NO_CREDENTIALS') {
      return (
        <Box flexDirection="column">
          <T tone="bad">{S.noCredentialsTitle}</T>
          <T>{S.noCredentialsSetup}</T>
          {moto === false ? <T tone="warn">{S.motoMissing}</T> : null}
        </Box>
      );
    }
    return (
      <Box flexDirection="column">
        <T tone="bad">{S.openFailed}</T>
        <T>{session.error}</T>
        {config.mode === 'sandbox' && moto === false ? <T tone="warn">{S.motoMissing}</T> : null}
      </Box>
    );
  }
  const open = session.session;
  if (config.mode === 'real') {
    return (
      <Box flexDirection="column">
        <T wrap="truncate-end">
          <T tone="muted">{S.account}: </T>
          {open.identity?.account ?? '?'}
          <T tone="muted">
            {'  '}
            {S.region}:{' '}
          </T>
          {config.region}
          <T tone="muted">
            {'  '}
            {S.profile}:{' '}
          </T>
          {config.profile ?? S.defaultProfile}
        </T>
        <T wrap="truncate-end">
          <T tone="muted">{S.caller}: </T>
          {open.identity?.arn ?? '?'}
        </T>
        <T tone="warn">{S.realBilled}</T>
      </Box>
    );
  }
  if (config.mode === 'sandbox') return <T>{S.sandboxAt(open.sandbox?.endpointUrl ?? config.endpointUrl ?? '?')}</T>;
  return <T>{S.dryRunWhat}</T>;
}

/** The doctor's findings, each with what to do about it. */
function Findings() {
  const { findings } = useTutor();
  const { theme } = useUi();
  if (!findings) {
    return (
      <T tone="muted">
        <Spinner tone="muted" /> {S.checking}
      </T>
    );
  }
  return (
    <Box flexDirection="column">
      {findings.map((finding, i) => (
        <T key={i} wrap={finding.ok ? 'truncate-end' : 'wrap'}>
          <T tone={findingMark(finding.ok).mood}>{theme.symbols[findingMark(finding.ok).name]}</T> <T bold>{finding.label}</T>
          <T tone={finding.ok ? 'muted' : undefined}>
            {'  '}
            {finding.detail}
          </T>
        </T>
      ))}
    </Box>
  );
}

export function ChoiceList({ choices, cursor }: { choices: readonly WelcomeChoice[]; cursor: number }) {
  const { theme } = useUi();
  return (
    <Box flexDirection="column">
      {choices.map((choice, i) => {
        const here = i === cursor % Math.max(1, choices.length);
        return (
          <T key={choice.id} {...(here ? { tone: 'accent' as const, bold: true } : {})} wrap="truncate-end">
            {here ? theme.symbols.cursor : ' '} {theme.plain ? `${i + 1}. ` : ''}
            {choice.label}
          </T>
        );
      })}
    </Box>
  );
}

/** The first screen: the mode and where it points, the doctor's findings, the language, and where to go. */
export function Welcome({ choices }: { choices: readonly WelcomeChoice[] }) {
  const { tutor, config, session, startStep } = useTutor();
  const notes = session.status === 'open' ? session.session.notes : [];
  const engine = session.status === 'open' ? session.session.engine : undefined;
  // Room for the checks' rows to be kept while they run; on a short terminal the menu comes first.
  const keepRows = useBodyHeight() >= 18 ? 4 : 0;
  const stepCost = startStep && engine && config.mode === 'real' ? plannedHourly((n) => engine.plan(n), stepsThrough(startStep - 1)) : 0;
  return (
    <Frame keys={S.keysWelcome}>
      <Heading>{S.tagline}</Heading>
      <Box marginTop={1}>
        <T tone="muted">{S.modeLabel}: </T>
        <T bold tone={config.mode === 'real' ? 'warn' : 'accent'}>
          {modeName(config.mode)}
        </T>
      </Box>
      <ModeLines />
      {notes.map((note, i) => (
        <T key={i} tone="warn">
          {S.notes}: {note}
        </T>
      ))}
      {/* The heading and the three tool checks' rows are kept while they run: nothing below moves when they arrive. */}
      <Box marginTop={1} flexDirection="column" minHeight={keepRows}>
        <T tone="muted">{S.checks}</T>
        <Findings />
      </Box>
      <Box marginTop={1}>
        <T wrap="truncate-end">
          <T tone="muted">{S.language}: </T>
          {S.languageName}
          <T tone="muted">{S.aside(S.languageSwitch)}</T>
        </T>
      </Box>
      {startStep && startStep > 1 && (session.status === 'open' || config.mode === 'dry-run') ? (
        <T tone="warn">{S.atStep(startStep, stepCost ? formatUsd(stepCost) : '')}</T>
      ) : null}
      <Box marginTop={1}>
        <ChoiceList choices={choices} cursor={tutor.welcomeCursor} />
      </Box>
    </Frame>
  );
}
