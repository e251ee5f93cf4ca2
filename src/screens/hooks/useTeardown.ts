import { useCallback, useRef, type Dispatch } from 'react';
import type { TutorSession } from '../services/types.js';
import { errorText } from '../state/errors.js';
import type { TutorAction } from '../state/tutor.js';
import type { World, WorldAction } from '../state/world.js';

interface TeardownDeps {
  session: TutorSession | undefined;
  world: World;
  debug: boolean;
  dispatchWorld: Dispatch<WorldAction>;
  dispatchTutor: Dispatch<TutorAction>;
  refresh: () => Promise<void>;
}

/** Clean-up: the plan (what will be deleted), one confirmation, then deletion with progress per resource. */
export function useTeardown({ session, world, debug, dispatchWorld, dispatchTutor, refresh }: TeardownDeps) {
  const busy = useRef(false);
  const current = useRef(world.teardown);
  current.current = world.teardown;

  const load = useCallback(async () => {
    if (!session || busy.current || session.config.mode === 'dry-run') return;
    busy.current = true;
    dispatchWorld({ type: 'teardown-loading' });
    try {
      dispatchWorld({ type: 'teardown-plan', plan: await session.engine.teardownPlan() });
    } catch (error) {
      dispatchWorld({ type: 'teardown-failed', error: errorText(error, debug) });
    } finally {
      busy.current = false;
    }
  }, [session, debug, dispatchWorld]);

  const confirm = useCallback(async () => {
    const plan = current.current.plan;
    if (!session || busy.current || current.current.phase !== 'ready' || !plan || plan.delete.length === 0) return;
    busy.current = true;
    dispatchWorld({ type: 'teardown-start' });
    try {
      const result = await session.engine.down(plan.delete);
      dispatchWorld({ type: 'teardown-done', deleted: result.deleted.length, remaining: result.remaining });
      if (result.remaining.length === 0) dispatchTutor({ type: 'steps-cleared' });
    } catch (error) {
      dispatchWorld({ type: 'teardown-failed', error: errorText(error, debug) });
    } finally {
      busy.current = false;
      void refresh();
    }
  }, [session, debug, dispatchWorld, dispatchTutor, refresh]);

  return { load, confirm };
}
