import { useInput, useStdin, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useTutor, useTutorActions } from '../contexts/tutor.js';
import { osc52 } from '../state/commands.js';
import { keyToCommand, type Command, type KeyInfo } from '../state/keys.js';
import { route, type Intent } from '../state/route.js';
import type { WelcomeChoiceId } from '../state/welcome.js';

/**
 * The one key handler: a key becomes a Command, `route` decides what it means
 * on the current screen, and this hook carries that out.
 */
export function useCommands(context: {
  wide: boolean;
  welcome: WelcomeChoiceId[];
  callCount: number;
  capture?: (input: string, key: KeyInfo) => boolean;
}): void {
  const view = useTutor();
  const actions = useTutorActions();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const queue = useRef<Command[]>([]);
  const [, setTurn] = useState(0);
  // Ink swaps the input handler after the render has been committed; a key read in
  // between must still see this render's state, so the handler reads it from here.
  const latest = useRef({ view, context, actions });
  latest.current = { view, context, actions };

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

  /** One command against the state of this render; the next waits for the render it causes. */
  const next = () => {
    const { view, context, actions } = latest.current;
    const command = queue.current.shift();
    if (!command || view.closing) return;
    route(command, {
      tutor: view.tutor,
      course: view.course,
      world: view.world,
      mode: view.config.mode,
      wide: context.wide,
      welcome: context.welcome,
      scrollLimit: actions.scrollLimit.current,
      callCount: context.callCount,
      now: Date.now(),
    }).forEach(perform);
    if (queue.current.length > 0) setTurn((turn) => turn + 1);
  };

  useEffect(() => {
    if (queue.current.length > 0) next();
  });

  useInput(
    (input, key) => {
      // Screens beside the tutor's own (day two) take their keys first, when nothing is queued before them.
      if (queue.current.length === 0 && latest.current.context.capture?.(input, key)) return;
      // Keys typed faster than they are read arrive together: each is a command of its own.
      const commands =
        input.length > 1 && !key.ctrl && !key.meta ? [...input].map((char) => keyToCommand(char, {})) : [keyToCommand(input, key)];
      const known = commands.filter((command): command is Command => command !== undefined);
      if (known.length === 0) return;
      const idle = queue.current.length === 0;
      queue.current.push(...known);
      if (idle) next();
    },
    // On a pipe there is no raw mode (isRawModeSupported is then not true): no keys, no crash.
    { isActive: isRawModeSupported === true },
  );
}
