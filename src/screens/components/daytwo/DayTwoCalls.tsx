import { Box } from 'ink';
import { useEffect } from 'react';
import { useUi } from '../../contexts/ui.js';
import { jsonish, wrapWords } from '../../format.js';
import { useDayTwo } from '../../hooks/useDayTwo.js';
import { S } from '../../strings.js';
import { CallList } from '../CallList.js';
import { Lines, type Line } from '../Lines.js';
import { T } from '../T.js';
import type { DayTwoRun } from './state.js';
import { D } from './strings.js';

/** Each call of the run, as a step's call page shows its plan: the list, and the chosen one's request, why, and aws CLI line. */
export function DayTwoCalls({ run, width, height }: { run: DayTwoRun | undefined; width: number; height: number }) {
  const { state, scrollLimit } = useDayTwo();
  const { lang } = useUi();
  const calls = run?.calls ?? [];
  const cursor = Math.min(state.callCursor, Math.max(0, calls.length - 1));
  const call = calls[cursor];
  const listWidth = Math.min(30, Math.max(20, Math.floor(width * 0.32)));
  const detailWidth = Math.max(20, width - listWidth - 2);
  const listHeight = Math.max(1, height - 1);
  const why = call?.why ? wrapWords(call.why[lang], lang === 'ja' ? Math.floor(detailWidth / 2) : detailWidth) : [];
  const cli = call ? wrapWords(`$ ${call.cli}`, detailWidth) : [];
  const jsonBudget = Math.max(1, listHeight - 1 - why.length - cli.length - 2);
  const json: Line[] = call
    ? jsonish(call.input, detailWidth - 2).flatMap((line) =>
        wrapWords(line, detailWidth).map((piece): Line => [{ text: piece, tone: 'code' }]),
      )
    : [];
  const limit = Math.max(0, json.length - jsonBudget);
  useEffect(() => {
    scrollLimit.current = limit;
  });
  if (!call) {
    return (
      <Box flexDirection="column" width={width}>
        {wrapWords(D.callsNone[lang], lang === 'ja' ? Math.floor(width / 2) : width).map((line, i) => (
          <T key={i} tone="muted">
            {line}
          </T>
        ))}
      </Box>
    );
  }
  const offset = Math.min(state.scroll, limit);
  return (
    <Box flexDirection="column" width={width}>
      <T tone="muted" wrap="truncate-end">
        {D.callsShown(calls.length)}
      </T>
      <Box>
        <CallList calls={calls} cursor={cursor} width={listWidth} height={listHeight} />
        <Box width={detailWidth} marginLeft={2} flexDirection="column">
          <T bold wrap="truncate-end">
            {`${call.service}:${call.action}`}
          </T>
          {why.map((line, i) => (
            <T key={`w${i}`} tone="muted" wrap="truncate-end">
              {line}
            </T>
          ))}
          <Lines lines={json} height={jsonBudget} offset={offset} more={S.callMore(Math.max(0, json.length - offset - jsonBudget + 1))} />
          <T tone="muted" wrap="truncate-end">
            {S.callCli}
          </T>
          {cli.map((line, i) => (
            <T key={`c${i}`} tone="accent" wrap="truncate-end">
              {line}
            </T>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
