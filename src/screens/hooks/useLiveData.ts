import { useEffect, useState } from 'react';
import type { Diagram, LiveData } from '../../lessons/types.js';
import { useTutorActions } from '../contexts/tutor.js';
import type { LiveView } from '../services/types.js';

/** Fetches a page's live data when the page opens, and again when `version` changes (a step ran). */
export function useLiveData(kind: LiveData | Diagram | undefined, version: string): LiveView | undefined {
  const { liveData } = useTutorActions();
  const [view, setView] = useState<LiveView | undefined>(undefined);
  useEffect(() => {
    setView(undefined);
    if (!kind) return undefined;
    let cancelled = false;
    liveData(kind).then(
      (answer) => !cancelled && setView(answer),
      () => !cancelled && setView({ kind: 'unavailable', reason: { en: 'Could not read it.', ja: '読み取れませんでした。' } }),
    );
    return () => {
      cancelled = true;
    };
  }, [kind, version, liveData]);
  return view;
}
