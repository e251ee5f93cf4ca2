/** The tutor's contexts, split by how often their values change, and the hooks that read them. */
import { createContext, useContext, useMemo } from 'react';
import type { TutorConfig } from '../../config.js';
import type { Finding } from '../../preflight.js';
import type { StepNumber } from '../../aws/types.js';
import type { Diagram, LiveData } from '../../lessons/types.js';
import type { SessionState } from '../hooks/useSessionManager.js';
import type { LiveView } from '../services/types.js';
import type { Course } from '../state/course.js';
import type { TutorAction, TutorState } from '../state/tutor.js';
import type { WelcomeChoiceId } from '../state/welcome.js';
import type { World } from '../state/world.js';

/** What the screens read. */
export interface TutorView {
  tutor: TutorState;
  world: World;
  course: Course;
  /** The config of the session (its region resolved once open). */
  config: TutorConfig;
  session: SessionState;
  /** The session is open and the saved progress loaded: the learner can start. */
  ready: boolean;
  findings?: Finding[];
  moto?: boolean;
  /** --step N, until it has been opened. */
  startStep?: StepNumber;
  closing: boolean;
}

/** What the screens (through the key hook) can do. */
export interface TutorActions {
  dispatch: (action: TutorAction) => void;
  choose: (choice: WelcomeChoiceId) => void;
  runStep: (step: StepNumber) => void;
  /** --presenter: between the 20-minute track and the full course. */
  toggleTrack: () => void;
  /** Checks a step done in an earlier session. */
  checkStep: (step: StepNumber) => void;
  loadTeardown: () => void;
  confirmTeardown: () => void;
  /** Asks first when billable resources run in real mode. */
  quit: () => void;
  exit: () => void;
  liveData: (kind: LiveData | Diagram) => Promise<LiveView>;
  /** The world as last drawn, read when a key is handled: the key handler does not follow each engine event. */
  world: () => World;
  /** How far the current page can scroll (set by the page as it renders). */
  scrollLimit: { current: number };
  /** The commands the "Try it" page shows, filled in (set by the page as it renders). */
  shownCommands: { current: string[] };
}

/** What changes when a session opens, the track switches or the course ends: rarely. */
export type TutorSessionView = Omit<TutorView, 'tutor' | 'world'>;

export const SessionContext = createContext<TutorSessionView | undefined>(undefined);
/** The world changes with every engine event and inventory. */
export const WorldContext = createContext<World | undefined>(undefined);
/** The navigation state changes with every key. */
export const NavigationContext = createContext<TutorState | undefined>(undefined);
export const ActionsContext = createContext<TutorActions | undefined>(undefined);

function need<T>(value: T | undefined, hook: string): T {
  if (value === undefined) throw new Error(`${hook}() needs a <TutorProvider>`);
  return value;
}

/** The session, config, course and readiness: for what does not follow each event or key. */
export function useTutorSession(): TutorSessionView {
  return need(useContext(SessionContext), 'useTutorSession');
}

/** The resources, runs and log, as the engine reports them. */
export function useWorldState(): World {
  return need(useContext(WorldContext), 'useWorldState');
}

/** Where the learner is: screen, lesson, page, answers. */
export function useNavigation(): TutorState {
  return need(useContext(NavigationContext), 'useNavigation');
}

/** Everything at once (changes with every event and key). */
export function useTutor(): TutorView {
  const sessionView = useTutorSession();
  const world = useWorldState();
  const tutor = useNavigation();
  return useMemo(() => ({ ...sessionView, world, tutor }), [sessionView, world, tutor]);
}

/**
 * The session and where the learner is, without the world: a component that reads it is not drawn again
 * for an engine event (a poll, a call), only when the session or the learner's place changes.
 */
export function useTutorHere(): Omit<TutorView, 'world'> {
  const sessionView = useTutorSession();
  const tutor = useNavigation();
  return useMemo(() => ({ ...sessionView, tutor }), [sessionView, tutor]);
}

export function useTutorActions(): TutorActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useTutorActions() needs a <TutorProvider>');
  return actions;
}
