import { useInput, useStdin, useStdout } from 'ink';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTutorActions, useTutorHere } from '../contexts/tutor.js';
import { osc52 } from '../state/commands.js';
import { mark, pasteFilter, readMark, splitKeys, type OneKey } from '../state/key-chunks.js';
import { keyToCommand, type KeyInfo } from '../state/keys.js';
import { RUN_DWELL_MS, route, type Intent } from '../state/route.js';
import type { WelcomeChoiceId } from '../state/welcome.js';

/** A key waiting its turn, with the mark of the read it came in (key-chunks.ts). */
type Pending = OneKey & { readAt: number };

/**
 * The one key handler: a key becomes a Command, `route` decides what it means
 * on the current screen, and this hook carries that out. Keys read together
 * (or faster than the screen answers) wait in a queue and go one a render, each
 * against the screen the one before it left; a key typed ahead of a page (read
 * with the key that brought it, or before) never starts a run there.
 */
export function useCommands(context: {
  wide: boolean;
  welcome: WelcomeChoiceId[];
  callCount: number;
  /** Screens beside the tutor's own (day two) take a key first; `readAt` is the mark of its read. */
  capture?: (input: string, key: KeyInfo, readAt: number) => boolean;
}): void {
  // Not the world: this component draws nothing, and an engine event must not make a frame of it.
  const view = useTutorHere();
  const actions = useTutorActions();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const queue = useRef<Pending[]>([]);
  const pasted = useRef(pasteFilter());
  const [, setTurn] = useState(0);
  // Ink swaps the input handler after the render has been committed; a key read in
  // between must still see this render's state, so the handler reads it from here.
  const latest = useRef({ view, context, actions });
  latest.current = { view, context, actions };
  // Which render that state is, and the one the last key was handled against: a key waits for a render after it.
  const renders = useRef(0);
  renders.current += 1;
  const handledIn = useRef(0);
  const fresh = () => renders.current > handledIn.current;
  // The page on screen now came with the read of the key that brought it, or (brought by nothing typed) when drawn.
  const { screen, overlay, lesson, page } = view.tutor;
  const where = `${screen}/${overlay}/${lesson ?? ''}/${page}`;
  const broughtAt = useRef(0);
  const drawnAt = useRef(0);
  const cause = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    broughtAt.current = cause.current ?? mark();
    drawnAt.current = Date.now();
  }, [where]);
  useLayoutEffect(() => {
    cause.current = undefined;
  });

  const perform = (intent: Intent) => {
    const { actions } = latest.current;
    switch (intent.type) {
      case 'dispatch':
        actions.dispatch(intent.action);
        break;
      case 'choose':
        actions.choose(intent.choice);
        break;
      case 'run':
        actions.runStep(intent.step);
        break;
      case 'teardown-load':
        actions.loadTeardown();
        break;
      case 'teardown-confirm':
        actions.confirmTeardown();
        break;
      case 'copy': {
        const command = actions.shownCommands.current[intent.index];
        if (!command) break;
        // Invisible on screen; a terminal that allows OSC 52 puts it on the clipboard.
        if (stdout.isTTY) stdout.write(osc52(command));
        actions.dispatch({ type: 'copied', index: intent.index });
        break;
      }
      case 'quit':
        actions.quit();
        break;
      case 'exit':
        actions.exit();
        break;
      case 'track':
        actions.toggleTrack();
        break;
    }
  };

  /** One key against the state of this render; the next waits for the render it causes. */
  const next = () => {
    const { view, context, actions } = latest.current;
    const pending = queue.current.shift();
    if (!pending || view.closing) return;
    handledIn.current = renders.current;
    if (queue.current.length > 0) setTurn((turn) => turn + 1);
    if (context.capture?.(pending.input, pending.key, pending.readAt)) return;
    const command = keyToCommand(pending.input, pending.key);
    if (!command) return;
    const intents = route(command, {
      tutor: view.tutor,
      course: view.course,
      world: actions.world(),
      mode: view.config.mode,
      wide: context.wide,
      welcome: context.welcome,
      scrollLimit: actions.scrollLimit.current,
      callCount: context.callCount,
      now: Date.now(),
    });
    // Read with the key that brought this page, or before, the key was meant for another: it runs nothing (it could cost money).
    const runs = intents.some((intent) => intent.type === 'run');
    if (pending.readAt <= broughtAt.current && runs) return;
    // In an AWS account, a press that comes as the page opens (a double press) sends nothing; the page says so.
    if (runs && view.config.mode === 'real' && Date.now() - drawnAt.current < RUN_DWELL_MS) {
      actions.dispatch({ type: 'run-held' });
      return;
    }
    if (intents.length > 0) cause.current = pending.readAt;
    intents.forEach(perform);
  };

  useEffect(() => {
    if (queue.current.length > 0 && fresh()) next();
  });

  useInput(
    (input, key) => {
      // A paste is text for a shell, not keys: none of it acts here.
      if (pasted.current(input)) return;
      const readAt = readMark();
      // Keys read together come as one input: each is a key of its own, in order.
      const keys = splitKeys(input, key).map((one) => ({ ...one, readAt }));
      const idle = queue.current.length === 0 && fresh();
      queue.current.push(...keys);
      if (idle) next();
      else setTurn((turn) => turn + 1);
    },
    // On a pipe there is no raw mode (isRawModeSupported is then not true): no keys, no crash.
    { isActive: isRawModeSupported === true },
  );
}
