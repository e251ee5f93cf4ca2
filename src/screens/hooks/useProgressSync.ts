import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { EMPTY_PROGRESS, reconcileSteps, stepsBuilt, type Progress } from '../../progress/progress.js';
import type { StepNumber } from '../../aws/types.js';
import type { Services, TutorSession } from '../services/types.js';
import { progressOf, type TutorAction, type TutorState } from '../state/tutor.js';

/**
 * Where the progress belongs: an open session, or a dry run's config (its ledger is
 * empty and in memory, so its progress is read without waiting for its session).
 */
export type ProgressSource = Pick<TutorSession, 'config'> & { ledger?: Pick<TutorSession['ledger'], 'live' | 'entries'> };

/** What the saved progress (or none) makes of the tutor's state for a source: steps count only while its ledger holds them. */
export function resumeAction(source: ProgressSource, saved: Progress | undefined): TutorAction {
  const liveSteps = [...new Set((source.ledger?.live ?? []).map((entry) => entry.step))] as StepNumber[];
  // A build made by `up` on the command line, opened here for the first time, shows the steps it holds.
  const doneSteps = saved ? reconcileSteps(saved.doneSteps, liveSteps) : stepsBuilt(source.ledger?.entries ?? []);
  return { type: 'resume', progress: { ...(saved ?? EMPTY_PROGRESS), doneSteps }, keepLang: source.config.langChosen === true };
}

/**
 * Loads the saved progress for a source (steps count as done only while the
 * ledger still holds them; with no saved progress, the steps the ledger holds) and saves it on every change afterwards.
 * Returns whether it has been loaded for this source: until then the learner
 * is not offered to start, so a late load never undoes their moves.
 */
export function useProgressSync(
  services: Services,
  session: ProgressSource | undefined,
  tutor: TutorState,
  dispatch: Dispatch<TutorAction>,
  /** A source whose progress was read before the first render and is in `tutor` already. */
  preloaded?: ProgressSource,
): { ready: boolean; flush: () => Promise<void> } {
  const loadedFor = useRef<ProgressSource | undefined>(preloaded);
  const skip = useRef(preloaded);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const [loaded, setLoaded] = useState<ProgressSource | undefined>(preloaded);
  const progress = JSON.stringify(progressOf(tutor));

  useEffect(() => {
    // Its progress is in the state already (resumeAction, in the reducer's first state).
    const first = skip.current;
    skip.current = undefined;
    if (first && first === session) return undefined;
    loadedFor.current = undefined;
    setLoaded(undefined);
    if (!session) return undefined;
    let cancelled = false;
    services
      .loadProgress(session.config)
      .catch(() => undefined)
      .then((saved) => {
        if (cancelled) return;
        dispatch(resumeAction(session, saved));
        loadedFor.current = session;
        setLoaded(session);
      });
    return () => {
      cancelled = true;
    };
  }, [services, session, dispatch]);

  useEffect(() => {
    if (!session || loadedFor.current !== session) return;
    saving.current = services.saveProgress(session.config, JSON.parse(progress)).catch(() => undefined);
  }, [services, session, progress]);

  // Quitting waits for the last write, so the file always has the last change.
  const flush = useCallback(() => saving.current, []);
  return { ready: loaded === session && session !== undefined, flush };
}
