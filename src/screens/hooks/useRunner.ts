import { useCallback, useRef, type Dispatch } from 'react';
import { LAST_STEP, STEP_ORDER } from '../../aws/step-order.js';
import type { Check, StepNumber } from '../../aws/types.js';
import type { Services, TutorSession } from '../services/types.js';
import { errorText } from '../state/errors.js';
import type { TutorAction } from '../state/tutor.js';
import { checksPassed, type World, type WorldAction } from '../state/world.js';

const IN_PLACE = new Set(['waiting', 'applying', 'settling', 'checked']);

/**
 * The step whose check is the course's climax, the last one: it counts as done
 * only once its result (the Ready nodes) has been on screen (the Check page marks it).
 */
export const SEEN_TO_BE_DONE: StepNumber = LAST_STEP;

/** Earlier steps that are neither done nor run in this session: a step's Run runs them first. */
export function missingBefore(step: StepNumber, doneSteps: readonly StepNumber[], world: World): StepNumber[] {
  return STEP_ORDER.filter((s) => {
    const phase = world.runs[s]?.phase;
    return s < step && !doneSteps.includes(s) && !(phase && IN_PLACE.has(phase));
  });
}

interface RunnerDeps {
  services: Services;
  session: TutorSession | undefined;
  debug: boolean;
  dispatchWorld: Dispatch<WorldAction>;
  dispatchTutor: Dispatch<TutorAction>;
  refresh: () => Promise<void>;
}

/**
 * Runs steps one after the other, each as the engine starts it (what it needs,
 * what it starts early, its check in the background), so the learner can read
 * on while a control plane or a NAT gateway comes up.
 */
export function useRunner({ services, session, debug, dispatchWorld, dispatchTutor, refresh }: RunnerDeps) {
  const busy = useRef(false);

  /** Checks a step that was done before this session (its resources adopted from the ledger). */
  const check = useCallback(
    (step: StepNumber) => {
      if (!session || session.config.mode === 'dry-run') return;
      dispatchWorld({ type: 'run-applied', step, at: services.now() });
      session.engine.verify(step).then(
        (checks) => {
          dispatchWorld({ type: 'run-checked', step, checks, at: services.now() });
          if (checksPassed(checks)) dispatchTutor({ type: 'step-done', step });
        },
        (error: unknown) => dispatchWorld({ type: 'run-failed', step, error: errorText(error, debug), at: services.now() }),
      );
    },
    [services, session, debug, dispatchWorld, dispatchTutor],
  );

  const run = useCallback(
    async (steps: StepNumber[]) => {
      if (!session || busy.current || steps.length === 0 || session.config.mode === 'dry-run') return;
      busy.current = true;
      const { engine } = session;
      steps.forEach((step) => dispatchWorld({ type: 'run-queued', step }));
      try {
        for (const [index, step] of steps.entries()) {
          dispatchWorld({ type: 'run-start', step, at: services.now() });
          dispatchTutor({ type: 'check-unseen', step });
          let checks: Promise<Check[]>;
          try {
            ({ checks } = await engine.start(step, {
              applied: (early) => {
                dispatchWorld({ type: 'run-applied', step, at: services.now() });
                // Told before it starts: what is made early (the node role) is logged with this step.
                early.forEach((later) => dispatchWorld({ type: 'run-early', step: later, during: step }));
              },
            }));
          } catch (error) {
            dispatchWorld({ type: 'run-failed', step, error: errorText(error, debug), at: services.now() });
            steps.slice(index + 1).forEach((later) => dispatchWorld({ type: 'run-cancelled', step: later }));
            void refresh();
            return;
          }
          void refresh();
          checks.then(
            (found) => {
              dispatchWorld({ type: 'run-checked', step, checks: found, at: services.now() });
              if (checksPassed(found) && step !== SEEN_TO_BE_DONE) dispatchTutor({ type: 'step-done', step });
              void refresh();
            },
            (error: unknown) => dispatchWorld({ type: 'run-failed', step, error: errorText(error, debug), at: services.now() }),
          );
        }
      } finally {
        busy.current = false;
      }
    },
    [services, session, debug, dispatchWorld, dispatchTutor, refresh],
  );

  return { run, check };
}
