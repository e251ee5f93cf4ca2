import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { DAY_TWO_ACTIONS, type DayTwoAction } from '../../../aws/day-two/actions.js';
import { useServices } from '../../contexts/services.js';
import { useTutorHere } from '../../contexts/tutor.js';
import { DayTwoContextProvider, type DayTwoView } from '../../hooks/useDayTwo.js';
import { lessonOf as lessonIn } from '../../state/course.js';
import { errorText } from '../../state/errors.js';
import { keyToCommand } from '../../state/keys.js';
import { dayTwoKey } from './keys.js';
import { actionPages, DAY_TWO_CLOSED, dayTwoReducer, type DayTwoState } from './state.js';
import { D } from './strings.js';

/** The day-two screens' state and runs, beside the tutor's: opened with d, over the lesson menu or the end screen. */
export function DayTwoProvider({ children }: { children: ReactNode }) {
  const services = useServices();
  // Not the world: the provider would be drawn again, with its layout effect, for every engine event.
  const { session, tutor, course, config } = useTutorHere();
  const [state, dispatch] = useReducer(dayTwoReducer, DAY_TWO_CLOSED);
  const open = session.status === 'open' ? session.session : undefined;
  const aborts = useRef(new Set<AbortController>());
  const scrollLimit = useRef(0);
  useEffect(() => {
    const running = aborts.current;
    return () => running.forEach((controller) => controller.abort());
  }, [open]);

  const lessonOf = useCallback((action: DayTwoAction) => lessonIn(course, action.lesson), [course]);
  const blocked = config.mode === 'dry-run' ? D.dryRun : !services.dayTwo ? D.notHere : !open ? D.noSession : undefined;

  const run = useCallback(
    (id: string) => {
      if (!open || !services.dayTwo || open.config.mode === 'dry-run') return;
      const controller = new AbortController();
      aborts.current.add(controller);
      dispatch({ type: 'run-start', action: id, at: services.now() });
      services
        .dayTwo(
          open,
          id,
          {
            emit: (event) => dispatch({ type: 'run-event', action: id, event, at: services.now() }),
            show: (call) => dispatch({ type: 'run-show', action: id, call, at: services.now() }),
          },
          controller.signal,
        )
        .then(
          (outcome) => dispatch({ type: 'run-done', action: id, outcome }),
          (error: unknown) => dispatch({ type: 'run-failed', action: id, error: errorText(error, config.debug === true) }),
        )
        .finally(() => aborts.current.delete(controller));
    },
    [open, services, config.debug],
  );

  const latest = useRef({ state, tutor, blocked, lessonOf, run });
  latest.current = { state, tutor, blocked, lessonOf, run };
  const shown = useRef<DayTwoView['shown']>({}).current;
  // After the screens below have drawn what a key changed, the next change is nobody's until a key makes it.
  useLayoutEffect(() => {
    shown.cause = undefined;
  });
  const capture = useCallback<DayTwoView['capture']>(
    (input, key, readAt) => {
      const { state, tutor, blocked, lessonOf, run } = latest.current;
      const effects = dayTwoKey(input, keyToCommand(input, key), {
        state,
        screen: tutor.screen,
        overlay: tutor.overlay,
        lesson: tutor.lesson,
        actions: DAY_TWO_ACTIONS,
        pagesOf: (action) => actionPages(lessonOf(action)),
        runnable: blocked === undefined,
        asksFirst: (action) => config.mode === 'real' && action.asksFirst !== undefined,
        scrollLimit: scrollLimit.current,
      });
      if (!effects) return false;
      // A run starts only from a key read after the one that brought its page: one read with it or before (typed
      // ahead of a page change, or of the day-two screen itself) was meant for a page that is gone, and does nothing.
      if (effects.some((effect) => effect.type === 'run') && !broughtBefore(shown.page, state, readAt)) return true;
      if (effects.some((effect) => effect.type === 'dispatch')) shown.cause = readAt;
      for (const effect of effects) {
        if (effect.type === 'run') run(effect.action);
        else dispatch(effect.event);
      }
      return true;
    },
    [config.mode, shown],
  );

  const view = useMemo<DayTwoView>(
    () => ({ state, dispatch, actions: DAY_TWO_ACTIONS, lessonOf, blocked, run, capture, scrollLimit, shown }),
    [state, lessonOf, blocked, run, capture, shown],
  );
  return <DayTwoContextProvider value={view}>{children}</DayTwoContextProvider>;
}

/** Whether the page open in `state` is the one on screen, brought by a read before the key's (its mark `readAt`). */
function broughtBefore(page: DayTwoView['shown']['page'], state: DayTwoState, readAt: number): boolean {
  return page !== undefined && page.action === state.action && page.page === state.page && page.at < readAt;
}
