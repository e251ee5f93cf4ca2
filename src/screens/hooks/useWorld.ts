import { useCallback, useEffect, useReducer } from 'react';
import type { Services, TutorSession } from '../services/types.js';
import { EMPTY_WORLD, worldReducer } from '../state/world.js';

/** The world of one session: engine events as they come, and inventories when asked. */
export function useWorld(services: Services, session: TutorSession | undefined) {
  const [world, dispatch] = useReducer(worldReducer, EMPTY_WORLD);

  const refresh = useCallback(async () => {
    if (!session || session.config.mode === 'dry-run') return;
    try {
      const found = await session.engine.inventory();
      const since = (key: string) => {
        const created = session.ledger.get(key)?.createdAt;
        return created ? Date.parse(created) : undefined;
      };
      dispatch({
        type: 'inventory',
        found: found.map((f) => ({ ...f, ...(since(f.key) ? { since: since(f.key)! } : {}) })),
        at: services.now(),
      });
    } catch {
      // The map keeps what the events said; the next refresh may do better.
    }
  }, [services, session]);

  useEffect(() => {
    dispatch({ type: 'reset' });
    if (!session) return undefined;
    const off = services.follow(session, (event) => dispatch({ type: 'event', event, at: services.now() }));
    void refresh();
    return off;
  }, [services, session, refresh]);

  return { world, dispatch, refresh };
}
