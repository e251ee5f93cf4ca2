import { useCallback, useEffect, useRef, useState } from 'react';
import type { TutorConfig } from '../../config.js';
import type { Finding } from '../../preflight.js';
import type { Text } from '../../text.js';
import type { Services, TutorSession } from '../services/types.js';
import { errorCode, errorText } from '../state/errors.js';

export type SessionState =
  { status: 'opening' } | { status: 'open'; session: TutorSession } | { status: 'failed'; error: Text; code?: string };

/** How long after the session settles the checks start. */
const CHECKS_AFTER_MS = 100;

/**
 * Opens the session for a config and switches modes: switching closes the
 * session and opens a new one with the mode changed. Answers that arrive for a
 * config no longer wanted are dropped (and their session closed).
 */
export function useSessionManager(services: Services, initial: TutorConfig) {
  const [config, setConfig] = useState(initial);
  const [state, setState] = useState<SessionState>({ status: 'opening' });
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const [moto, setMoto] = useState<boolean | undefined>(undefined);
  const current = useRef<TutorSession | undefined>(undefined);
  const generation = useRef(0);
  const abort = useRef(new AbortController());

  const open = useCallback(
    (next: TutorConfig) => {
      const mine = ++generation.current;
      const previous = current.current;
      current.current = undefined;
      setConfig(next);
      setState({ status: 'opening' });
      setFindings(undefined);
      void (async () => {
        if (previous) await previous.close().catch(() => undefined);
        // The checks load execa and start the aws CLI and kubectl: a little after the session has
        // settled, when the menu (a frame or two later) is drawn, so they stay off the way to it.
        const check = () =>
          setTimeout(() => {
            if (mine !== generation.current) return;
            services.findings(next).then(
              (list) => mine === generation.current && setFindings(list),
              () => mine === generation.current && setFindings([]),
            );
          }, CHECKS_AFTER_MS).unref();
        try {
          const session = await services.openSession(next, abort.current.signal);
          if (mine !== generation.current) {
            await session.close().catch(() => undefined);
            return;
          }
          current.current = session;
          setState({ status: 'open', session });
        } catch (error) {
          if (mine !== generation.current) return;
          const code = errorCode(error);
          setState({ status: 'failed', error: errorText(error, next.debug), ...(code ? { code } : {}) });
        }
        check();
      })();
    },
    [services],
  );

  useEffect(() => {
    open(initial);
    services.motoInstalled().then(setMoto, () => setMoto(false));
    // Opened once; later opens come from the learner's choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first session opens on mount only
  }, []);

  /** Stops everything: waits are aborted and the session (and a sandbox) closed. */
  const close = useCallback(async () => {
    generation.current++;
    abort.current.abort();
    const session = current.current;
    current.current = undefined;
    if (session) await session.close().catch(() => undefined);
  }, []);

  return { config, state, findings, moto, open, close };
}
