import { useApp } from 'ink';
import { useCallback, useMemo } from 'react';
import type { TutorConfig } from '../config.js';
import type { StepNumber } from '../aws/types.js';
import { masker } from '../mask.js';
import { DayTwoProvider } from './components/daytwo/DayTwoProvider.js';
import { Opening, useLateScreens } from './components/Late.js';
import { Menu } from './components/Menu.js';
import { Closing, KeysHelp, MapScreen, QuitScreen } from './components/Overlays.js';
import { SIDE_MAP_WIDTH } from './components/ResourceMap.js';
import { Welcome } from './components/Welcome.js';
import { ServicesProvider } from './contexts/services.js';
import { TutorProvider, useTutorHere, type Preloaded } from './contexts/tutor.js';
import { UiProvider } from './contexts/ui.js';
import { Keys } from './components/Keys.js';
import { ClockPace } from './components/ClockPace.js';
import { useDayTwo } from './hooks/useDayTwo.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import type { Services } from './services/types.js';
import type { LessonSource } from './hooks/useLessons.js';
import { coursePages, headOf, lessonOf } from './state/course.js';
import { offered, welcomeChoices } from './state/welcome.js';
import { colorAllowed, makeTheme, type Theme } from './theme.js';

export interface AppProps {
  config: TutorConfig;
  services: Services;
  /** The lessons whole, or their heads with the pages loaded once the first frame is drawn (run.tsx). */
  lessons: LessonSource;
  /** --step N: open at that step, earlier steps adopted. */
  step?: StepNumber;
  /** Pins the terminal size (tests); otherwise the terminal's, following resizes. */
  size?: Size;
  theme?: Theme;
  /** Aborting it quits as `q` would, without asking (SIGTERM). */
  stop?: AbortSignal;
  /** Told the exit code and what to print once the screen is gone. */
  onExit?: (code: number, lines: string[]) => void;
  /** What the first frame needs, read while Ink loads (see run.tsx). */
  preloaded?: Preloaded;
}

/** Terminals at least this wide show the map beside the lesson. */
export const WIDE = 140;

/** Picks the layout for where the learner is; everything else lives in the providers and the screens. */
function Layout({ size, theme }: { size?: Size; theme: Theme }) {
  const view = useTutorHere();
  const terminal = useTerminalSize(size);
  const { tutor, config, session, course } = view;
  const wide = terminal.columns >= WIDE;
  const lesson = lessonOf(course, tutor.lesson);
  const head = headOf(course, tutor.lesson);
  const resume = head ? { en: `${head.title.en} · page ${tutor.page + 1}`, ja: `${head.title.ja}・${tutor.page + 1} ページ目` } : undefined;
  const choices = welcomeChoices({
    mode: config.mode,
    session: offered({ session: view.session.status, ready: view.ready, moto: view.moto, mode: config.mode, startStep: view.startStep }),
    ...(session.status === 'failed' && session.code ? { errorCode: session.code } : {}),
    moto: view.moto,
    ...(resume ? { resume } : {}),
    ...(view.startStep ? { step: view.startStep } : {}),
  });
  const pageKind = lesson ? coursePages(course, lesson)[tutor.page]?.kind : undefined;
  const callCount =
    pageKind === 'try'
      ? (lesson?.commands?.length ?? 0)
      : lesson?.step && session.status === 'open'
        ? session.session.engine.plan(lesson.step).calls.length
        : 0;
  const dayTwo = useDayTwo();
  const ui = useMemo(
    () => ({
      lang: tutor.lang,
      mask: masker(config.presenter),
      presenter: config.presenter,
      theme,
      columns: terminal.columns,
      rows: terminal.rows,
    }),
    [tutor.lang, config.presenter, theme, terminal.columns, terminal.rows],
  );
  // The lesson, day-two and end screens load a moment after the first frame (components/Late.tsx).
  const firstScreens =
    view.closing || tutor.overlay !== 'none' || tutor.screen === 'quit' || tutor.screen === 'welcome' || tutor.screen === 'menu';
  const late = useLateScreens(!firstScreens || dayTwo.state.open);
  let screen;
  if (view.closing) screen = <Closing />;
  else if (tutor.overlay === 'keys') screen = <KeysHelp />;
  else if (tutor.screen === 'quit') screen = <QuitScreen />;
  else if (tutor.screen === 'welcome') screen = <Welcome choices={choices} />;
  else if (dayTwo.state.open) screen = late ? <late.DayTwoScreen /> : <Opening />;
  else if (tutor.screen === 'end') screen = late ? <late.Finished /> : <Opening />;
  else if (tutor.overlay === 'map') screen = <MapScreen />;
  else if (tutor.screen === 'menu') screen = <Menu />;
  else screen = late ? <late.LessonScreen sideMap={wide && tutor.sideMap && terminal.columns - SIDE_MAP_WIDTH >= 80} /> : <Opening />;
  return (
    <>
      <UiProvider value={ui}>{screen}</UiProvider>
      <Keys wide={wide} welcome={choices.map((c) => c.id)} callCount={callCount} capture={dayTwo.capture} />
    </>
  );
}

/** The interactive tutor. */
export function App({ config, services, lessons, step, size, theme, stop, onExit, preloaded }: AppProps) {
  const { exit } = useApp();
  const done = useCallback(
    (code: number, lines: string[]) => {
      onExit?.(code, lines);
      exit();
    },
    [onExit, exit],
  );
  const chosenTheme = useMemo(() => theme ?? makeTheme(colorAllowed(), config.plain === true), [theme, config.plain]);
  return (
    <ServicesProvider value={services}>
      <TutorProvider
        config={config}
        lessons={lessons}
        {...(step ? { step } : {})}
        {...(stop ? { stop } : {})}
        {...(preloaded ? { preloaded } : {})}
        onExit={done}
      >
        <DayTwoProvider>
          <ClockPace>
            <Layout {...(size ? { size } : {})} theme={chosenTheme} />
          </ClockPace>
        </DayTwoProvider>
      </TutorProvider>
    </ServicesProvider>
  );
}
