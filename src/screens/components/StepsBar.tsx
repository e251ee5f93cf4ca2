import { STEP_ORDER } from '../../aws/step-order.js';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { S } from '../strings.js';
import { T } from './T.js';

/** The five steps as a bar: built, being built, not yet. */
export function StepsBar({ long = false }: { long?: boolean }) {
  const { tutor, world } = useTutor();
  const { theme } = useUi();
  const done = tutor.doneSteps.length;
  return (
    <T wrap="truncate-end">
      <T tone="muted">{S.steps}</T>{' '}
      {STEP_ORDER.map((step) => {
        const phase = world.runs[step]?.phase;
        const isDone = tutor.doneSteps.includes(step);
        const busy = !isDone && (phase === 'applying' || phase === 'settling' || phase === 'waiting');
        const failed = !isDone && phase === 'failed';
        const symbol = isDone ? theme.symbols.barFull : busy ? theme.symbols.barBusy : failed ? theme.symbols.bad : theme.symbols.barEmpty;
        return (
          <T key={step} tone={isDone ? 'ok' : busy ? 'warn' : failed ? 'bad' : 'muted'}>
            {symbol}
          </T>
        );
      })}
      {long ? <T tone="muted"> {S.stepsDone(done)}</T> : <T tone="muted">{` ${done}/${STEP_ORDER.length}`}</T>}
    </T>
  );
}
