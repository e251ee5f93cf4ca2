import { Box } from 'ink';
import { useEffect } from 'react';
import type { StepNumber } from '../../../aws/types.js';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { checksPassed, settling, stepOfKey } from '../../state/world.js';
import { S } from '../../strings.js';
import { Spinner } from '../Clock.js';
import { Lines, type Line } from '../Lines.js';
import { T } from '../T.js';
import { Waits } from './Waits.js';

/** Each check ✓/✗/? with its label and what was found; kubectl's own output for steps 4 and 5. */
export function CheckPage({ step, height }: { step: StepNumber; height: number }) {
  const { world, tutor } = useTutor();
  const { checkStep } = useTutorActions();
  const { theme } = useUi();
  const run = world.runs[step];
  const doneBefore = tutor.doneSteps.includes(step) && !run;

  // A step done in an earlier session is checked again when its page opens.
  useEffect(() => {
    if (doneBefore) checkStep(step);
  }, [doneBefore, step, checkStep]);

  if (!run) return <T tone="warn">{doneBefore ? S.verifying : S.notRun}</T>;
  if (run.phase === 'failed') {
    return (
      <Box flexDirection="column">
        <T tone="bad">
          {theme.symbols.bad} {S.failed}
        </T>
        <T>{run.error ?? ''}</T>
        <T tone="accent">{S.retry}</T>
      </Box>
    );
  }
  if (run.phase !== 'checked' || !run.checks) {
    const waiting = settling(world).some((r) => stepOfKey(r.key) !== undefined && stepOfKey(r.key)! <= step);
    return (
      <Box flexDirection="column">
        <T>
          <Spinner /> {waiting ? S.waitingFor : S.verifying}
        </T>
        <Waits />
      </Box>
    );
  }
  const kubectl = step === 4 || step === 5 ? world.kubectl[step] : undefined;
  const kubectlLines: Line[] = kubectl
    ? [[{ text: `$ kubectl ${kubectl.args.join(' ')}`, tone: 'code' }], ...kubectl.output.split('\n').map((line): Line => [{ text: line, ...(/\bReady\b/.test(line) ? { tone: 'ok' as const } : {}) }])]
    : [];
  const passed = checksPassed(run.checks);
  return (
    <Box flexDirection="column">
      <T tone="muted">{S.checksIntro}</T>
      {run.checks.map((check) => (
        <T key={check.id} wrap="truncate-end">
          <T tone={check.unknown ? 'warn' : check.ok ? 'ok' : 'bad'}>{check.unknown ? theme.symbols.unknown : check.ok ? theme.symbols.ok : theme.symbols.bad}</T> {check.label}
          {check.detail ? <T tone="muted">{`  (${check.detail})`}</T> : null}
        </T>
      ))}
      {kubectl ? (
        <Box flexDirection="column" marginTop={1}>
          <T tone="muted">{S.kubectlSays}</T>
          <Lines lines={kubectlLines} height={Math.max(2, height - run.checks.length - 4)} />
        </Box>
      ) : null}
      <T tone={passed ? 'ok' : 'bad'}>{passed ? S.allPassed : S.someFailed}</T>
    </Box>
  );
}
