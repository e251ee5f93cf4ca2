import { Box } from 'ink';
import type { StepPlan } from '../../../aws/types.js';
import { useEffect, useRef } from 'react';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useResolvedPlan } from '../../hooks/useResolvedPlan.js';
import { useUi } from '../../contexts/ui.js';
import { jsonish, wrapWords } from '../../format.js';
import { S } from '../../strings.js';
import { CallList } from '../CallList.js';
import { Lines, type Line } from '../Lines.js';
import { wrapCommand } from '../../state/commands.js';
import { text } from '../../../text.js';
import { T } from '../T.js';

const COPY_NOTE = text(' (y copies it)', '（y でコピー）');

/** What step 3's plan holds for the version before EKS was asked (a dry run). */
const VERSION_PLACEHOLDER = '<kubernetes-version>';
const VERSION_NOTE = text(
  `${VERSION_PLACEHOLDER}: a dry run asks nobody. A run sends --kubernetes-version when given, else the newest version in standard support, which it asks EKS for first (DescribeClusterVersions).`,
  `${VERSION_PLACEHOLDER}: ドライランでは誰にも問い合わせません。実行時は --kubernetes-version があればそれを、なければ EKS に問い合わせた(DescribeClusterVersions)標準サポート中の最新バージョンを送ります。`,
);

/** The plan of a step, or undefined without a session. */
export function usePlan(step: number | undefined): StepPlan | undefined {
  const { session } = useTutor();
  if (!step || session.status !== 'open') return undefined;
  return session.session.engine.plan(step as StepPlan['step']);
}

/** Each request of the step, readable, with its `aws` CLI equivalent; ↑/↓ picks one. */
export function CallPage({ step, width, height }: { step: number; width: number; height: number }) {
  const { tutor, session, config } = useTutor();
  const { scrollLimit, shownCommands } = useTutorActions();
  const { theme, lang } = useUi();
  const resolution = useResolvedPlan(step);
  const plan = usePlan(resolution.status === 'ready' ? step : undefined);
  const limitRef = useRef(0);
  const shown = resolution.status === 'ready' && plan ? plan.calls.map((c) => c.cli).join('\n') : '';
  useEffect(() => {
    scrollLimit.current = limitRef.current;
  });
  // y copies the selected call's command, as on the "Try it" page.
  useEffect(() => {
    shownCommands.current = shown ? shown.split('\n') : [];
  }, [shown, shownCommands]);
  if (resolution.status === 'resolving') return <T tone="muted">{S.callResolving}</T>;
  if (resolution.status === 'failed')
    return (
      <Box flexDirection="column" width={width}>
        <T tone="warn">{S.callUnresolved}</T>
        <T>{resolution.reason}</T>
      </Box>
    );
  if (!plan) return <T tone="muted">{S.loading}</T>;
  // Zones not asked yet are stand-ins; the run asks DescribeAvailabilityZones before it sends CreateSubnet.
  const standInZones =
    step === 2 && config.mode !== 'dry-run' && session.status === 'open' && !session.session.ledger.facts.availabilityZones?.length
      ? [
          ...new Set(
            plan.calls
              .map((c) => (c.input as { AvailabilityZone?: unknown }).AvailabilityZone)
              .filter((z): z is string => typeof z === 'string'),
          ),
        ]
      : [];
  // A dry run asks nobody: the version the run would send is named by how it is chosen.
  const unresolved = plan.calls.some((c) => (c.input as { version?: unknown }).version === VERSION_PLACEHOLDER);
  const zonesNote = [
    ...(standInZones.length ? wrapWords(S.callZonesLater(standInZones)[lang], width) : []),
    ...(unresolved ? wrapWords(VERSION_NOTE[lang], width) : []),
  ];
  const calls = plan.calls;
  const cursor = Math.min(tutor.callCursor, calls.length - 1);
  const call = calls[cursor];
  // Below 100 columns the request gets the whole width and the list of calls becomes one line.
  const stacked = width < 100;
  const listWidth = stacked ? 0 : Math.min(30, Math.max(20, Math.floor(width * 0.32)));
  const detailWidth = stacked ? width : Math.max(20, width - listWidth - 2);
  const listHeight = Math.max(
    1,
    height - 1 - zonesNote.length - (stacked ? 1 : 0) - (tutor.copied !== null ? 1 : 0) - (tutor.runHeld ? 1 : 0),
  );
  // The request, its reason and its aws CLI line as one window: Space and PgDn scroll through all of it.
  const detail: Line[] = [];
  if (call) {
    detail.push([{ text: `${call.service}:${call.action}`, bold: true }]);
    for (const line of call.why ? wrapWords(call.why[lang], detailWidth) : []) detail.push([{ text: line, tone: 'muted' }]);
    // A value longer than the page (a policy document) goes on over the next lines instead of being cut off.
    for (const line of jsonish(call.input, detailWidth - 2))
      for (const piece of wrapWords(line, detailWidth)) detail.push([{ text: piece, tone: 'code' }]);
    detail.push([
      { text: S.callCli, tone: 'muted' },
      { text: COPY_NOTE, tone: 'muted' },
    ]);
    // Cut between words, or inside a JSON argument's quotes: the lines paste back to the same command.
    for (const line of wrapCommand(`$ ${call.cli}`, detailWidth)) detail.push([{ text: line, tone: 'accent' }]);
  }
  const detailLimit = Math.max(0, detail.length - listHeight);
  limitRef.current = detailLimit;
  const offset = Math.min(tutor.scroll, detailLimit);
  const window = (
    <Lines lines={detail} height={listHeight} offset={offset} more={S.callMore(Math.max(0, detail.length - offset - listHeight + 1))} />
  );
  return (
    <Box flexDirection="column" width={width}>
      <T tone="muted" wrap="truncate-end">
        {S.callIntro(calls.length)}
      </T>
      {zonesNote.map((line, i) => (
        <T key={`z${i}`} tone="warn" wrap="truncate-end">
          {line}
        </T>
      ))}
      {stacked ? (
        <Box flexDirection="column" width={width}>
          <T wrap="truncate-end">
            <T tone="accent" bold>{`${theme.symbols.cursor} ${cursor + 1}/${calls.length} ${call?.action ?? ''}`}</T>
            <T tone="muted">{calls[cursor + 1] ? `  ${cursor + 2} ${calls[cursor + 1]!.action}` : ''}</T>
          </T>
          {window}
        </Box>
      ) : (
        <Box>
          <CallList calls={calls} cursor={cursor} width={listWidth} height={listHeight} />
          <Box width={detailWidth} marginLeft={2} flexDirection="column">
            {window}
          </Box>
        </Box>
      )}
      {tutor.copied !== null ? (
        <T tone="ok" wrap="truncate-end">
          {S.tryCopied}
        </T>
      ) : null}
      {tutor.runHeld ? (
        <T tone="accent" wrap="truncate-end">
          {S.callHeld}
        </T>
      ) : null}
    </Box>
  );
}
