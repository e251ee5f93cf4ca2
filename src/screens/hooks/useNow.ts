import { useEffect, useState } from 'react';
import { useServices } from '../contexts/services.js';

/**
 * The wall clock, ticking once a second while `active`: only the component that
 * shows a running clock redraws, and only while something runs.
 */
export function useNow(active: boolean, everyMs = 1000): number {
  const services = useServices();
  const [now, setNow] = useState(() => services.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(services.now());
    const timer = setInterval(() => setNow(services.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, services]);
  return active ? now : services.now();
}
