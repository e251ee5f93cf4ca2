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

/** The steps done, for a source: those saved that its ledger still holds; with nothing saved, those the ledger holds. */
function doneStepsOf(source: ProgressSource, saved: Progress | undefined): StepNumber[] {
  const liveSteps = [...new Set((source.ledger?.live ?? []).map((entry) => entry.step))] as StepNumber[];
  // A build made by `up` on the command line, opened here for the first time, shows the steps it holds.
  return saved ? reconcileSteps(saved.doneSteps, liveSteps) : stepsBuilt(source.ledger?.entries ?? []);
}

/** A sandbox read while it starts: no ledger yet to check its steps against. */
const pendingSteps = (source: ProgressSource) => !source.ledger && source.config.mode === 'sandbox';

/**
 * What the saved progress (or none) makes of the tutor's state for a source: steps count only while its ledger
 * holds them. A sandbox read while it starts has no ledger yet: its steps stand as saved until it does ('steps-known').
 */
export function resumeAction(source: ProgressSource, saved: Progress | undefined): TutorAction {
  const doneSteps = pendingSteps(source) ? (saved?.doneSteps ?? []) : doneStepsOf(source, saved);
  return { type: 'resume', progress: { ...(saved ?? EMPTY_PROGRESS), doneSteps }, keepLang: source.config.langChosen === true };
}

/** The session that follows a source read from the same file before it opened (a sandbox still starting). */
function handsOver(before: ProgressSource | undefined, after: ProgressSource | undefined): boolean {
  if (!before || !after || before.ledger || !after.ledger) return false;
  const [a, b] = [before.config, after.config];
  return a.mode === b.mode && a.stateDir === b.stateDir && a.clusterName === b.clusterName;
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
  /** A source whose progress was read before the first render and is in `tutor` already, and what was read. */
  preloadedRead?: { source: ProgressSource; saved: Progress | undefined },
): { ready: boolean; flush: () => Promise<void> } {
  const preloaded = preloadedRead?.source;
  const loadedFor = useRef<ProgressSource | undefined>(preloaded);
  const skip = useRef(preloaded);
  // The file as it was before the first frame: a sandbox that was still starting then has its steps checked
  // against what it said, not against what was saved since (nothing is saved until its ledger is read).
  const savedAtStart = useRef(preloadedRead?.saved);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const [loaded, setLoaded] = useState<ProgressSource | undefined>(preloaded);
  const progress = JSON.stringify(progressOf(tutor));

  useEffect(() => {
    // Its progress is in the state already (resumeAction, in the reducer's first state).
    const first = skip.current;
    skip.current = undefined;
    if (first && first === session) return undefined;
    let cancelled = false;
    if (session && handsOver(loadedFor.current, session)) {
      // What the learner did while the sandbox started stays (and keeps being saved); only the steps are
      // checked against the ledger, now that it is read.
      loadedFor.current = session;
      setLoaded(session);
      dispatch({ type: 'steps-known', doneSteps: doneStepsOf(session, savedAtStart.current) });
      return undefined;
    }
    loadedFor.current = undefined;
    setLoaded(undefined);
    if (!session) return undefined;
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
    if (!session || loadedFor.current !== session || pendingSteps(session)) return;
    saving.current = services.saveProgress(session.config, JSON.parse(progress)).catch(() => undefined);
  }, [services, session, progress]);

  // Quitting waits for the last write, so the file always has the last change.
  const flush = useCallback(() => saving.current, []);
  return { ready: loaded === session && session !== undefined, flush };
}
