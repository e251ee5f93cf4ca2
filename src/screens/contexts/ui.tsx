import { createContext, useContext, type ReactNode } from 'react';
import type { Lang } from '../../text.js';
import type { Theme } from '../theme.js';

/** How things look: the language, the presenter mask, the theme and the terminal's size. */
export interface Ui {
  lang: Lang;
  /** Applied to every string that reaches the screen (presenter mode masks account ids, keys and public IPs). */
  mask: (line: string) => string;
  presenter: boolean;
  theme: Theme;
  columns: number;
  rows: number;
}

const UiContext = createContext<Ui | undefined>(undefined);

export function UiProvider({ value, children }: { value: Ui; children: ReactNode }) {
  return <UiContext.Provider value={value}>{children}</UiContext.Provider>;
}

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi() needs a <UiProvider>');
  return ui;
}
