import { Box } from 'ink';
import { useEffect } from 'react';
import { checkMark } from '../../../present/marks.js';
import { useUi } from '../../contexts/ui.js';
import { wrapWords } from '../../format.js';
import { useDayTwo } from '../../hooks/useDayTwo.js';
import { S } from '../../strings.js';
import { Spinner } from '../Clock.js';
import { Failure } from '../lesson/Failure.js';
import { Lines, type Line } from '../Lines.js';
import { checksPassed } from '../../state/world.js';
import { T } from '../T.js';
import type { DayTwoRun } from './state.js';
import { D } from './strings.js';

/** A kubeconfig context named by its cluster's ARN, with the ARN's fixed part elided so the command's verb stays on screen. */
const shortContext = (arg: string) => arg.replace(/^arn:aws[\w-]*:eks:[\w-]+:\d+:cluster\//, '…/');

/** Paragraphs cut to the width; Japanese characters take two columns each. */
function paragraphs(value: string, width: number, lang: string): string[] {
  const columns = lang === 'ja' ? Math.floor(width / 2) : width;
  return value.split('\n').flatMap((line) => (line === '' ? [''] : wrapWords(line, columns)));
}

/** The real kubectl's output, every command of the run in order; then each check, the reasoning and what to try next. */
export function DayTwoCheck({ run, width, height }: { run: DayTwoRun | undefined; width: number; height: number }) {
  const { state, scrollLimit } = useDayTwo();
  const { theme, lang } = useUi();
  const lines: Line[] = [];
  const outcome = run?.phase === 'done' ? run.outcome : undefined;
  if (outcome && run) {
    if (run.kubectl.length) lines.push([{ text: D.kubectlSays, tone: 'muted' }]);
    for (const k of run.kubectl) {
      lines.push([{ text: `$ kubectl ${k.args.map(shortContext).join(' ')}`, tone: 'code' }]);
      for (const row of k.output.replace(/\n+$/, '').split('\n')) lines.push(row);
      lines.push('');
    }
    lines.push([{ text: D.checksIntro, tone: 'muted' }]);
    for (const check of outcome.checks) {
      const look = checkMark(check);
      lines.push([
        { text: theme.symbols[look.name], tone: look.mood },
        { text: ' ' },
        { text: check.label },
        ...(check.detail ? [{ text: `  (${check.detail.replace(/\s*\n\s*/g, ' · ')})`, tone: 'muted' as const }] : []),
      ]);
    }
    const passed = checksPassed(outcome.checks);
    lines.push([{ text: passed ? D.allPassed : D.someFailed, tone: passed ? 'ok' : 'bad', bold: true }], '');
    lines.push([{ text: D.reasoning, tone: 'muted' }], ...paragraphs(outcome.reasoning[lang], width, lang));
    if (outcome.next) lines.push('', [{ text: D.next, tone: 'muted' }], ...paragraphs(outcome.next[lang], width, lang));
  }
  const limit = Math.max(0, lines.length - height);
  useEffect(() => {
    scrollLimit.current = limit;
  });
  if (!run) return <T tone="warn">{D.notRun}</T>;
  if (run.phase === 'failed') return <Failure error={run.error} />;
  if (run.phase === 'running') {
    return (
      <T>
        <Spinner /> {D.running}
      </T>
    );
  }
  return (
    <Box flexDirection="column">
      <Lines lines={lines} height={height} offset={Math.min(state.scroll, limit)} more={S.scrollMore} />
    </Box>
  );
}
