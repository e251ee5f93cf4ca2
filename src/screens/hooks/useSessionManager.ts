import { useCallback, useEffect, useRef, useState } from 'react';
import type { TutorConfig } from '../../config.js';
import type { Finding } from '../../preflight.js';
import type { Text } from '../../text.js';
import type { Services, TutorSession } from '../services/types.js';
import { errorCode, errorText } from '../state/errors.js';

export type SessionState =
  { status: 'opening' } | { status: 'open'; session: TutorSession } | { status: 'failed'; error: Text; code?: string };

/** How long after the welcome screen offers its choices the checks start. */
const CHECKS_AFTER_MS = 100;

/**
 * Opens the session for a config and switches modes: switching closes the
 * session and opens a new one with the mode changed. Answers that arrive for a
 * config no longer wanted are dropped (and their session closed).
 *
 * A dry run sends nothing and its welcome screen shows nothing of a session:
 * its session (the engine and the AWS clients, the largest load after the first
 * frame) opens only when `need` is called, once the learner leaves the welcome screen.
 */
export function useSessionManager(services: Services, initial: TutorConfig, knownMoto?: boolean) {
  const [config, setConfig] = useState(initial);
  const [state, setState] = useState<SessionState>({ status: 'opening' });
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const [moto, setMoto] = useState<boolean | undefined>(knownMoto);
  const current = useRef<TutorSession | undefined>(undefined);
  const generation = useRef(0);
  const abort = useRef(new AbortController());
  const wanted = useRef(initial);
  /** A dry run's session, not opened until something needs it. */
  const pending = useRef<{ config: TutorConfig; mine: number } | undefined>(undefined);
  const checked = useRef(0);

  const start = useCallback(
    (next: TutorConfig, mine: number, previous: TutorSession | undefined) => {
      void (async () => {
        if (previous) await previous.close().catch(() => undefined);
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
      })();
    },
    [services],
  );

  const open = useCallback(
    (next: TutorConfig) => {
      const mine = ++generation.current;
      const previous = current.current;
      current.current = undefined;
      wanted.current = next;
      setConfig(next);
      setState({ status: 'opening' });
      setFindings(undefined);
      pending.current = undefined;
      if (next.mode !== 'dry-run') return start(next, mine, previous);
      pending.current = { config: next, mine };
      if (previous) void previous.close().catch(() => undefined);
    },
    [start],
  );

  /** Opens a dry run's session, if it is not open yet. */
  const need = useCallback(() => {
    const waiting = pending.current;
    pending.current = undefined;
    if (waiting && waiting.mine === generation.current) start(waiting.config, waiting.mine, undefined);
  }, [start]);

  /**
   * The checks load execa and start the aws CLI and kubectl: a little after the welcome screen
   * has offered its choices (or said why it cannot), so they stay off the way to the menu. Once a config.
   */
  const checkSoon = useCallback(() => {
    const mine = generation.current;
    if (checked.current === mine) return;
    checked.current = mine;
    const next = wanted.current;
    setTimeout(() => {
      if (mine !== generation.current) return;
      services.findings(next).then(
        (list) => mine === generation.current && setFindings(list),
        () => mine === generation.current && setFindings([]),
      );
    }, CHECKS_AFTER_MS).unref();
  }, [services]);

  useEffect(() => {
    open(initial);
    if (knownMoto === undefined) services.motoInstalled().then(setMoto, () => setMoto(false));
    // Opened once; later opens come from the learner's choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first session opens on mount only
  }, []);

  /** Stops everything: waits are aborted and the session (and a sandbox) closed. */
  const close = useCallback(async () => {
    generation.current++;
    pending.current = undefined;
    abort.current.abort();
    const session = current.current;
    current.current = undefined;
    if (session) await session.close().catch(() => undefined);
  }, []);

  return { config, state, findings, moto, open, need, checkSoon, close };
}
