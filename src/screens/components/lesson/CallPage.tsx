import { Box } from 'ink';
import type { StepPlan } from '../../../aws/types.js';
import { useEffect, useRef } from 'react';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useResolvedPlan } from '../../hooks/useResolvedPlan.js';
import { useUi } from '../../contexts/ui.js';
import { jsonish, wrapWords } from '../../format.js';
import { S } from '../../strings.js';
import { Lines, type Line } from '../Lines.js';
import { T } from '../T.js';

/** The plan of a step, or undefined without a session. */
export function usePlan(step: number | undefined): StepPlan | undefined {
  const { session } = useTutor();
  if (!step || session.status !== 'open') return undefined;
  return session.session.engine.plan(step as StepPlan['step']);
}

/** Each request of the step, readable, with its `aws` CLI equivalent; ↑/↓ picks one. */
export function CallPage({ step, width, height }: { step: number; width: number; height: number }) {
  const { tutor, session, config } = useTutor();
  const { scrollLimit } = useTutorActions();
  const { theme, lang } = useUi();
  const resolution = useResolvedPlan(step);
  const plan = usePlan(resolution.status === 'ready' ? step : undefined);
  const limitRef = useRef(0);
  useEffect(() => {
    scrollLimit.current = limitRef.current;
  });
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
      ? [...new Set(plan.calls.map((c) => (c.input as { AvailabilityZone?: unknown }).AvailabilityZone).filter((z): z is string => typeof z === 'string'))]
      : [];
  const zonesNote = standInZones.length ? wrapWords(S.callZonesLater(standInZones)[lang], width) : [];
  const calls = plan.calls;
  const cursor = Math.min(tutor.callCursor, calls.length - 1);
  const call = calls[cursor];
  const listWidth = Math.min(30, Math.max(20, Math.floor(width * 0.32)));
  const detailWidth = Math.max(20, width - listWidth - 2);
  const listHeight = Math.max(1, height - 2 - zonesNote.length);
  const start = Math.max(0, Math.min(cursor - Math.floor(listHeight / 2), calls.length - listHeight));
  const why = call?.why ? wrapWords(call.why[lang], detailWidth) : [];
  const cli = call ? wrapWords(`$ ${call.cli}`, detailWidth) : [];
  const jsonBudget = Math.max(1, listHeight - 1 - why.length - cli.length - 2);
  const json: Line[] = call ? jsonish(call.input, detailWidth - 2).map((line): Line => [{ text: line, tone: 'code' }]) : [];
  // The whole request can be read: Space and PgDn scroll it.
  const jsonLimit = Math.max(0, json.length - jsonBudget);
  limitRef.current = jsonLimit;
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
      <Box>
        <Box width={listWidth} flexDirection="column">
          {calls.slice(start, start + listHeight).map((c, i) => {
            const here = start + i === cursor;
            return (
              <T key={start + i} wrap="truncate-end" {...(here ? { tone: 'accent' as const, bold: true } : { tone: 'muted' as const })}>
                {here ? theme.symbols.cursor : ' '}
                {String(start + i + 1).padStart(2)} {c.action}
              </T>
            );
          })}
        </Box>
        {call ? (
          <Box width={detailWidth} marginLeft={2} flexDirection="column">
            <T bold wrap="truncate-end">
              {`${call.service}:${call.action}`}
            </T>
            {why.map((line, i) => (
              <T key={`w${i}`} tone="muted" wrap="truncate-end">
                {line}
              </T>
            ))}
            <Lines lines={json} height={jsonBudget} offset={Math.min(tutor.scroll, jsonLimit)} more={S.callMore(Math.max(0, json.length - Math.min(tutor.scroll, jsonLimit) - jsonBudget + 1))} />
            <T tone="muted" wrap="truncate-end">
              {S.callCli}
            </T>
            {cli.map((line, i) => (
              <T key={`c${i}`} tone="accent" wrap="truncate-end">
                {line}
              </T>
            ))}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}
