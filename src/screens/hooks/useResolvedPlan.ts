import { useEffect, useState } from 'react';
import type { Text } from '../../text.js';
import { useTutor } from '../contexts/tutor.js';
import { errorText } from '../state/errors.js';

/** What step 3's call page waits for: the version the run will send, asked of EKS once (the engine keeps it). */
export type Resolution = { status: 'ready' } | { status: 'resolving' } | { status: 'failed'; reason: Text };

/**
 * Resolves what a step's plan cannot know by itself before the plan is drawn:
 * step 3's Kubernetes version (Engine.resolveVersion, cached by the engine).
 * A dry run asks nobody, so it is ready at once.
 */
export function useResolvedPlan(step: number | undefined): Resolution {
  const { session, config } = useTutor();
  const engine = session.status === 'open' ? session.session.engine : undefined;
  const needed = step === 3 && config.mode !== 'dry-run' && !!engine?.resolveVersion;
  const [state, setState] = useState<Resolution>(needed ? { status: 'resolving' } : { status: 'ready' });
  useEffect(() => {
    if (!needed || !engine?.resolveVersion) {
      setState({ status: 'ready' });
      return;
    }
    let live = true;
    setState({ status: 'resolving' });
    engine.resolveVersion().then(
      () => live && setState({ status: 'ready' }),
      (error: unknown) => live && setState({ status: 'failed', reason: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [needed, engine]);
  return needed ? state : { status: 'ready' };
}
