import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { useServices } from '../contexts/services.js';

type Listener = () => void;

/**
 * How often the clocks on the screen move. Ink lays out and rebuilds the whole
 * screen for every frame, whatever changed, so a wait of minutes costs one such
 * frame per tick: every 2 s the spinner turns and the elapsed times move on
 * (each shows its true value when it is drawn), half the work of a tick every second.
 */
export const TICK_MS = 2000;

/**
 * The clocks' tick while something takes minutes of real time (a cluster, a node
 * group): the spinner and the elapsed times move every 5 s, a third of the frames of
 * the 2 s tick, for a wait the learner reads in minutes. Short waits keep TICK_MS.
 */
export const SLOW_TICK_MS = 5000;

/** The tick of the clocks below it (components/ClockPace.tsx decides it from what is being waited for). */
export const ClockPaceContext = createContext(TICK_MS);

/** The tick of the clocks on this part of the screen. */
export function useClockPace(): number {
  return useContext(ClockPaceContext);
}

/**
 * One timer for every running clock on the screen: the spinner, the elapsed
 * times and the cost meter all move in the same tick, so Ink redraws once a
 * tick, not once per clock.
 */
const tickers = new Map<number, { listeners: Set<Listener>; timer: NodeJS.Timeout | undefined }>();

function subscribe(everyMs: number, listener: Listener): () => void {
  let ticker = tickers.get(everyMs);
  if (!ticker) {
    ticker = { listeners: new Set(), timer: undefined };
    tickers.set(everyMs, ticker);
  }
  const shared = ticker;
  shared.listeners.add(listener);
  shared.timer ??= setInterval(() => shared.listeners.forEach((notify) => notify()), everyMs);
  return () => {
    shared.listeners.delete(listener);
    if (shared.listeners.size === 0 && shared.timer) {
      clearInterval(shared.timer);
      shared.timer = undefined;
    }
  };
}

/**
 * The wall clock, ticking every `TICK_MS` while `active`: only the components that
 * show a running clock redraw, only while something runs, and all in one tick.
 */
export function useNow(active: boolean, every?: number): number {
  const services = useServices();
  const pace = useClockPace();
  const everyMs = every ?? pace;
  const [now, setNow] = useState(() => services.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(services.now());
    return subscribe(everyMs, () => setNow(services.now()));
  }, [active, everyMs, services]);
  return active ? now : services.now();
}

/**
 * The wall clock for a figure that moves more slowly than the clock (the cost
 * meter's total passes a tenth of a cent every half minute or so): it is
 * checked in the shared tick, but the component redraws only when `shown(now)`
 * changes, so a screen with nothing else running is not drawn again each tick.
 */
export function useNowShown(active: boolean, shown: (now: number) => string): number {
  const services = useServices();
  const [now, setNow] = useState(() => services.now());
  const latest = useRef({ shown, text: '' });
  latest.current.shown = shown;
  useEffect(() => {
    if (!active) return undefined;
    const check = () => {
      const at = services.now();
      const text = latest.current.shown(at);
      if (text === latest.current.text) return;
      latest.current.text = text;
      setNow(at);
    };
    check();
    return subscribe(TICK_MS, check);
  }, [active, services]);
  const at = active ? now : services.now();
  latest.current.text = shown(at);
  return at;
}
