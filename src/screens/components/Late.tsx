import { useEffect, useState } from 'react';
import { LOAD_AFTER_MS } from '../hooks/useLessons.js';
import { S } from '../strings.js';
import { Frame } from './Frame.js';
import { T } from './T.js';

type LateScreens = typeof import('./late-screens.js');

let loaded: LateScreens | undefined;
let loading: Promise<LateScreens> | undefined;

/** Loads the lesson, day-two and end screens, once. */
export function loadLateScreens(): Promise<LateScreens> {
  loading ??= import('./late-screens.js').then((screens) => (loaded = screens));
  return loading;
}

/**
 * The screens the first frame does not need, once loaded: they load a moment
 * after the first frame (as the lessons' pages do), or at once when one is
 * wanted sooner; until then a screen that needs them shows `Opening…`.
 */
export function useLateScreens(wanted: boolean): LateScreens | undefined {
  const [screens, setScreens] = useState(loaded);
  useEffect(() => {
    if (screens) return undefined;
    let live = true;
    const load = () => void loadLateScreens().then((late) => live && setScreens(late));
    if (wanted) load();
    const timer = wanted ? undefined : setTimeout(load, LOAD_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [screens, wanted]);
  return screens;
}

/** Drawn for the moment a late screen is still loading. */
export function Opening() {
  return (
    <Frame keys={S.openingKeys}>
      <T tone="muted">{S.openingScreen}</T>
    </Frame>
  );
}
