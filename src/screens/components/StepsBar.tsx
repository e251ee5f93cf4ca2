import { memo } from 'react';
import { STEP_ORDER } from '../../aws/step-order.js';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { S } from '../strings.js';
import { T } from './T.js';

type StepMark = 'done' | 'busy' | 'failed' | 'todo';

/** The five steps as a bar: built, being built, not yet. */
export function StepsBar({ long = false }: { long?: boolean }) {
  const { tutor, world } = useTutor();
  const marks = STEP_ORDER.map((step): StepMark => {
    const phase = world.runs[step]?.phase;
    if (tutor.doneSteps.includes(step)) return 'done';
    if (phase === 'applying' || phase === 'settling' || phase === 'waiting') return 'busy';
    return phase === 'failed' ? 'failed' : 'todo';
  });
  // As one string, so that the bar is drawn again only when a mark changes, not for every engine event.
  return <Bar marks={marks.join(' ')} done={tutor.doneSteps.length} long={long} />;
}

const Bar = memo(function Bar({ marks, done, long }: { marks: string; done: number; long: boolean }) {
  const { theme } = useUi();
  const symbols = { done: theme.symbols.barFull, busy: theme.symbols.barBusy, failed: theme.symbols.bad, todo: theme.symbols.barEmpty };
  const tones = { done: 'ok', busy: 'warn', failed: 'bad', todo: 'muted' } as const;
  return (
    <T wrap="truncate-end">
      <T tone="muted">{S.steps}</T>{' '}
      {(marks.split(' ') as StepMark[]).map((mark, i) => (
        <T key={STEP_ORDER[i]} tone={tones[mark]}>
          {symbols[mark]}
        </T>
      ))}
      {long ? <T tone="muted"> {S.stepsDone(done)}</T> : <T tone="muted">{` ${done}/${STEP_ORDER.length}`}</T>}
    </T>
  );
});
