import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import type { StepNumber } from '../../../aws/types.js';
import { checkMark } from '../../../present/marks.js';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { checksPassed, settling, stepOfKey } from '../../state/world.js';
import { S } from '../../strings.js';
import { Spinner } from '../Clock.js';
import { cellsOf, wrapCells } from '../cells.js';
import { Lines, type Line } from '../Lines.js';
import { T } from '../T.js';
import { Failure } from './Failure.js';
import { Waits } from './Waits.js';

/**
 * Each check ✓/✗/? with its label and what was found. For a step whose plan
 * runs kubectl (the kubeconfig's and the nodes'), kubectl's own output comes
 * first: on the last step the Ready nodes are what the whole course builds up
 * to. Keys wait until the result has been on screen (see route.ts); the page
 * scrolls when it does not fit.
 */
export function CheckPage({ step, width, height }: { step: StepNumber; width: number; height: number }) {
  const { world, tutor, session } = useTutor();
  const { checkStep, dispatch, scrollLimit } = useTutorActions();
  const { theme, lang, mask } = useUi();
  const run = world.runs[step];
  const doneBefore = tutor.doneSteps.includes(step) && !run;
  const result = run?.phase === 'checked' && run.checks ? run.checks : undefined;

  // A step done in an earlier session is checked again when its page opens.
  useEffect(() => {
    if (doneBefore) checkStep(step);
  }, [doneBefore, step, checkStep]);

  // The result has been drawn: from now on it counts as seen (and the last step as done).
  const passed = result ? checksPassed(result) : false;
  const seen = tutor.checkShown[step] !== undefined;
  useEffect(() => {
    if (result && !seen) dispatch({ type: 'check-shown', step, at: Date.now(), passed });
  }, [result, seen, step, passed, dispatch]);

  const engine = session.status === 'open' ? session.session.engine : undefined;
  const runsKubectl = useMemo(() => engine?.plan(step).calls.some((call) => call.service === 'kubectl') ?? false, [engine, step]);
  const kubectl = result && runsKubectl ? world.kubectl[step] : undefined;
  const lines: Line[] = [];
  if (result) {
    if (kubectl) {
      lines.push([{ text: S.kubectlSays, tone: 'muted' }]);
      lines.push([{ text: `$ kubectl ${kubectl.args.join(' ')}`, tone: 'code' }]);
      for (const row of kubectl.output.replace(/\n+$/, '').split('\n')) {
        const ready = /\sReady\s/.test(` ${row} `);
        lines.push(ready ? [{ text: row, tone: 'ok', bold: true }] : row);
      }
      lines.push('');
    }
    // The verdict before the list: on a small screen it is in view without scrolling.
    lines.push([{ text: passed ? S.allPassed : S.someFailed, tone: passed ? 'ok' : 'bad', bold: true }]);
    lines.push([{ text: S.checksIntro, tone: 'muted' }]);
    for (const check of result) {
      const look = checkMark(check);
      // Wrapped to the page, the detail on lines of its own when it does not fit: nothing is cut off.
      const symbol = theme.symbols[look.name];
      const indent = ' '.repeat([...symbol].length + 1);
      const inner = Math.max(10, width - indent.length);
      const label = wrapCells(mask(check.label[lang]), inner);
      const detail = check.detail ? `(${mask(check.detail)})` : '';
      const oneLine = label.length === 1 && detail && cellsOf(`${label[0]}  ${detail}`) <= inner;
      label.forEach((piece, i) =>
        lines.push([
          { text: i === 0 ? symbol : indent.slice(1), tone: look.mood },
          { text: ' ' },
          { text: piece },
          ...(oneLine ? [{ text: `  ${detail}`, tone: 'muted' as const }] : []),
        ]),
      );
      if (detail && !oneLine) for (const piece of wrapCells(detail, inner)) lines.push([{ text: `${indent}${piece}`, tone: 'muted' }]);
    }
  }
  const window = Math.max(1, height - (tutor.checkHeld ? 1 : 0));
  const limit = Math.max(0, lines.length - window);
  useEffect(() => {
    scrollLimit.current = limit;
  }, [limit, scrollLimit]);

  if (!run) return <T tone="warn">{doneBefore ? S.verifying : S.notRun}</T>;
  if (run.phase === 'failed') return <Failure error={run.error} />;
  if (!result) {
    const waiting = settling(world).some((r) => stepOfKey(r.key) !== undefined && stepOfKey(r.key)! <= step);
    return (
      <Box flexDirection="column">
        <T>
          <Spinner /> {waiting ? S.waitingFor : S.verifying}
        </T>
        <Waits />
        {tutor.checkHeld ? <T tone="accent">{S.checkHeld}</T> : null}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Lines lines={lines} height={window} offset={tutor.scroll} more={S.scrollMore} />
      {tutor.checkHeld ? <T tone="accent">{S.checkHeldShown}</T> : null}
    </Box>
  );
}
