import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { Mode, TutorConfig } from '../../config.js';
import type { StepNumber } from '../../aws/types.js';
import type { Diagram, LiveData } from '../../lessons/types.js';
import type { Progress } from '../../progress/progress.js';
import { resumeAction, useProgressSync } from '../hooks/useProgressSync.js';
import { missingBefore, useRunner } from '../hooks/useRunner.js';
import { useLessonGate, useLessons, type LessonSource } from '../hooks/useLessons.js';
import { useSessionManager } from '../hooks/useSessionManager.js';
import { useTeardown } from '../hooks/useTeardown.js';
import { useWorld } from '../hooks/useWorld.js';
import type { LiveView } from '../services/types.js';
import { costNow } from '../state/cost.js';
import { lessonForStep, presenterLessons, type Course } from '../state/course.js';
import { farewell } from '../state/farewell.js';
import { newSeed } from '../state/shuffle.js';
import { createTutorReducer, initialTutor } from '../state/tutor.js';
import type { WelcomeChoiceId } from '../state/welcome.js';
import { useServices } from './services.js';
import {
  ActionsContext,
  NavigationContext,
  SessionContext,
  WorldContext,
  type TutorActions,
  type TutorSessionView,
} from './tutor-state.js';

export { useNavigation, useTutor, useTutorActions, useTutorHere, useTutorSession, useWorldState } from './tutor-state.js';
export type { TutorActions, TutorSessionView, TutorView } from './tutor-state.js';

/** How long after the welcome screen is left a dry run's session opens. */
const SESSION_AFTER_MS = 150;

/** The region --sandbox and --dry-run use when none is set (as the options do). */
const DEFAULT_REGION = 'us-east-1';

export interface TutorProviderProps {
  config: TutorConfig;
  /** The lessons whole (tests), or their heads with the pages loaded after the first frame. */
  lessons: LessonSource;
  step?: StepNumber;
  /** Aborting it quits at once (SIGTERM). */
  stop?: AbortSignal;
  /** Told the exit code and the lines to print once the screen is gone. */
  onExit: (code: number, lines: string[]) => void;
  /** Read before the first render, so that it shows the welcome menu: a dry run's saved progress and whether moto is installed. */
  preloaded?: Preloaded;
  children: ReactNode;
}

export interface Preloaded {
  moto: boolean;
  /** A dry run's saved progress (undefined: none saved); absent when not read. */
  progress?: { saved: Progress | undefined };
}

export function TutorProvider({ config: initial, lessons, step, stop, onExit, preloaded, children }: TutorProviderProps) {
  const services = useServices();
  const sessions = useSessionManager(services, initial, preloaded?.moto);
  const session = sessions.state.status === 'open' ? sessions.state.session : undefined;
  const config = session?.config ?? sessions.config;
  // --presenter starts on the 20-minute track; `f` switches to the full course and back.
  const [presenterTrack, setPresenterTrack] = useState(initial.presenter);
  const { heads, bodies, ...lessonLoad } = useLessons(lessons);
  const course = useMemo<Course>(
    () => ({
      lessons: presenterTrack ? presenterLessons(heads) : heads,
      ...(bodies ? { bodies } : {}),
      mode: config.mode,
      ...(presenterTrack ? { presenter: true } : {}),
    }),
    [heads, bodies, config.mode, presenterTrack],
  );
  const reducer = useMemo(() => createTutorReducer(course), [course]);
  // A dry run's progress is the config's alone (its ledger is empty and in memory): read at once, not after its session.
  // The sandbox's is read before the first frame too, so that its menu is offered while it starts (seconds; the
  // first time, while moto loads AWS's managed policies); its steps are checked against its ledger once it is open.
  const configSource = useMemo(() => ({ config: sessions.config }), [sessions.config]);
  const preloadedSource = useRef(
    (initial.mode === 'dry-run' || initial.mode === 'sandbox') && preloaded?.progress ? configSource : undefined,
  ).current;
  const [tutor, dispatchNow] = useReducer(reducer, initial.lang, (lang: TutorConfig['lang']) => {
    const first = initialTutor(lang, newSeed());
    return preloadedSource && preloaded?.progress ? reducer(first, resumeAction(preloadedSource, preloaded.progress.saved)) : first;
  });
  // Opening a lesson waits for its pages (loaded a moment after the first frame); the menu's keys do not.
  const where = useRef({ lesson: tutor.lesson, presenter: course.presenter === true });
  where.current = { lesson: tutor.lesson, presenter: course.presenter === true };
  const whereNow = useCallback(() => where.current, []);
  const dispatchTutor = useLessonGate({ bodies, ...lessonLoad }, dispatchNow, whereNow);
  const { world, dispatch: dispatchWorld, refresh } = useWorld(services, session);
  const progressSource =
    sessions.config.mode === 'dry-run'
      ? configSource
      : (session ?? (preloadedSource && preloadedSource.config === sessions.config ? preloadedSource : undefined));
  const { ready, flush } = useProgressSync(
    services,
    progressSource,
    tutor,
    dispatchTutor,
    preloadedSource && preloaded?.progress ? { source: preloadedSource, saved: preloaded.progress.saved } : undefined,
  );
  const { need: needSession, checkSoon } = sessions;
  // Nothing on the welcome screen needs a dry run's session; a lesson may. It loads a moment after the
  // welcome screen is left, once the frame the learner asked for is on the screen, while they read it.
  const leftWelcome = tutor.screen !== 'welcome';
  useEffect(() => {
    if (!leftWelcome) return undefined;
    const timer = setTimeout(needSession, SESSION_AFTER_MS);
    return () => clearTimeout(timer);
  }, [leftWelcome, needSession]);
  // A session that fails while its choices are offered (the sandbox's, as it starts) changes them: the cursor
  // goes back to the first in the same render, so that no frame shows it on another choice than it was on.
  const failed = sessions.state.status === 'failed';
  const [failureSeen, setFailureSeen] = useState(failed);
  if (failed !== failureSeen) {
    setFailureSeen(failed);
    if (failed) dispatchNow({ type: 'welcome-reset' });
  }
  const settled = ready || sessions.state.status === 'failed';
  useEffect(() => {
    if (settled) checkSoon();
  }, [settled, sessions.state, checkSoon]);
  const { run: runSteps, check: checkStep } = useRunner({ services, session, debug: config.debug, dispatchWorld, dispatchTutor, refresh });
  const teardown = useTeardown({ session, world, debug: config.debug, dispatchWorld, dispatchTutor, refresh });
  const [startStep, setStartStep] = useState<StepNumber | undefined>(step);
  const [closing, setClosing] = useState(false);
  const scrollLimit = useRef(0);
  // After a switch of track, the lesson open is opened again at its first page in the new one.
  const switched = useRef(false);
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    const { tutor: t } = latest.current;
    if (t.screen !== 'lesson') return;
    if (t.lesson && course.lessons.some((l) => l.id === t.lesson)) dispatchTutor({ type: 'open', lesson: t.lesson });
    else dispatchTutor({ type: 'menu' });
  }, [course, dispatchTutor]);
  const toggleTrack = useCallback(() => {
    if (!initial.presenter) return;
    switched.current = true;
    setPresenterTrack((on) => !on);
  }, [initial.presenter]);
  const shownCommands = useRef<string[]>([]);

  // The latest state, for callbacks that outlive a render.
  const latest = useRef({ tutor, world, config, session, ready });
  latest.current = { tutor, world, config, session, ready };

  const closingRef = useRef(false);
  const exit = useCallback(() => {
    if (closingRef.current) return;
    closingRef.current = true;
    setClosing(true);
    const { tutor: t, world: w, config: c } = latest.current;
    const lines = farewell(c, t.lang, w, services.now(), latest.current.ready);
    const failed = sessions.state.status === 'failed';
    void flush()
      .then(() => sessions.close())
      .then(() => onExit(failed ? 1 : 0, lines));
  }, [services, sessions, onExit, flush]);

  const quit = useCallback(() => {
    const { tutor: t, world: w, config: c } = latest.current;
    const billed = c.mode === 'real' && costNow(Object.values(w.resources), c, services.now()).hourly > 0;
    if (billed && t.screen !== 'quit') dispatchTutor({ type: 'quit-ask' });
    else exit();
  }, [services, exit, dispatchTutor]);

  const runStep = useCallback(
    (target: StepNumber) => {
      const { tutor: t, world: w } = latest.current;
      void runSteps([...missingBefore(target, t.doneSteps, w), target]);
    },
    [runSteps],
  );

  const switchMode = useCallback(
    (mode: Mode) => {
      dispatchTutor({ type: 'welcome-reset' });
      // As --sandbox and --dry-run do on the command line: with no region set, the default one.
      const region = sessions.config.region || (mode === 'real' ? '' : DEFAULT_REGION);
      sessions.open({ ...sessions.config, mode, region });
    },
    [sessions, dispatchTutor],
  );

  const choose = useCallback(
    (choice: WelcomeChoiceId) => {
      switch (choice) {
        case 'start':
        case 'continue':
          dispatchTutor({ type: 'start' });
          break;
        case 'menu':
          dispatchTutor({ type: 'menu' });
          break;
        case 'step': {
          const lesson = startStep ? lessonForStep(course, startStep) : undefined;
          if (!lesson || !startStep) {
            dispatchTutor({ type: 'menu' });
            break;
          }
          dispatchTutor({ type: 'open', lesson: lesson.id });
          const { tutor: t, world: w } = latest.current;
          // Earlier steps are adopted from the ledger (apply adopts what exists).
          void runSteps(missingBefore(startStep, t.doneSteps, w));
          setStartStep(undefined);
          break;
        }
        case 'sandbox':
        case 'dry-run':
        case 'real':
          switchMode(choice);
          break;
        case 'retry':
          dispatchTutor({ type: 'welcome-reset' });
          sessions.open(sessions.config);
          break;
        case 'quit':
          quit();
          break;
      }
    },
    [course, startStep, runSteps, switchMode, sessions, quit, dispatchTutor],
  );

  const liveData = useCallback(
    (kind: LiveData | Diagram): Promise<LiveView> =>
      session && (kind === 'vpc-diagram' || kind === 'auth-path')
        ? (services.diagram?.(session, kind) ??
          Promise.resolve({ kind: 'unavailable', reason: { en: 'No diagram here.', ja: 'ここでは図を表示できません。' } }))
        : session
          ? services.liveData(session, kind as LiveData)
          : Promise.resolve({ kind: 'unavailable', reason: { en: 'No session is open.', ja: 'セッションが開いていません。' } }),
    [services, session],
  );

  // The handlers of this render; the actions below call through to them, so they stay the same object
  // from one render to the next and change only when a session opens or closes (what they act on).
  const handlers = useRef({ choose, runStep, checkStep, toggleTrack, teardown, quit, exit, liveData });
  handlers.current = { choose, runStep, checkStep, toggleTrack, teardown, quit, exit, liveData };
  const actions = useMemo<TutorActions>(
    () => ({
      dispatch: dispatchTutor,
      choose: (choice) => handlers.current.choose(choice),
      runStep: (target) => handlers.current.runStep(target),
      checkStep: (target) => handlers.current.checkStep(target),
      toggleTrack: () => handlers.current.toggleTrack(),
      loadTeardown: () => void handlers.current.teardown.load(),
      confirmTeardown: () => void handlers.current.teardown.confirm(),
      quit: () => handlers.current.quit(),
      exit: () => handlers.current.exit(),
      liveData: (kind) => handlers.current.liveData(kind),
      world: () => latest.current.world,
      scrollLimit,
      shownCommands,
    }),
    // `session` is not read here: a new session makes new actions, so what waits for one (a check, live data) runs again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session],
  );

  useEffect(() => {
    if (!stop) return undefined;
    const onStop = () => handlers.current.exit();
    if (stop.aborted) onStop();
    stop.addEventListener('abort', onStop);
    return () => stop.removeEventListener('abort', onStop);
  }, [stop]);

  const { findings, moto } = sessions;
  const sessionView = useMemo<TutorSessionView>(
    () => ({
      course,
      config,
      session: sessions.state,
      ready,
      ...(findings ? { findings } : {}),
      ...(moto !== undefined ? { moto } : {}),
      ...(startStep ? { startStep } : {}),
      closing,
    }),
    [course, config, sessions.state, ready, findings, moto, startStep, closing],
  );

  return (
    <ActionsContext.Provider value={actions}>
      <SessionContext.Provider value={sessionView}>
        <WorldContext.Provider value={world}>
          <NavigationContext.Provider value={tutor}>{children}</NavigationContext.Provider>
        </WorldContext.Provider>
      </SessionContext.Provider>
    </ActionsContext.Provider>
  );
}
