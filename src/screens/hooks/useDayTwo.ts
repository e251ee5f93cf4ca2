import { createContext, useContext, type Dispatch } from 'react';
import type { DayTwoAction } from '../../aws/day-two/actions.js';
import type { Lesson } from '../../lessons/types.js';
import type { Text } from '../../text.js';
import type { DayTwoEvent, DayTwoState } from '../components/daytwo/state.js';
import type { KeyInfo } from '../state/keys.js';

/** What the day-two screens read and do. */
export interface DayTwoView {
  state: DayTwoState;
  dispatch: Dispatch<DayTwoEvent>;
  actions: readonly DayTwoAction[];
  /** The lesson whose pages give an action's reasoning, if the course has it. */
  lessonOf: (action: DayTwoAction) => Lesson | undefined;
  /** Why nothing can run here (a dry run, no session yet), or undefined when it can. */
  blocked: Text | undefined;
  run: (action: string) => void;
  /** A key, before the tutor's own handler: true when the day-two screens took it. `readAt` marks its read (state/key-chunks.ts). */
  capture: (input: string, key: KeyInfo, readAt: number) => boolean;
  /**
   * The action's page on screen, set by the screen as it draws it, with the mark of the read of the key that
   * brought it (`cause`, while that key's change is being drawn), or of its drawing.
   */
  shown: { page?: { action: string; page: number; at: number }; cause?: number };
  /** How far the page on screen can scroll (set by the page as it renders). */
  scrollLimit: { current: number };
}

const DayTwoContext = createContext<DayTwoView | undefined>(undefined);

export const DayTwoContextProvider = DayTwoContext.Provider;

export function useDayTwo(): DayTwoView {
  const view = useContext(DayTwoContext);
  if (!view) throw new Error('useDayTwo() needs a <DayTwoProvider>');
  return view;
}
