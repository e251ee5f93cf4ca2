import type { TutorConfig } from '../config.js';
import type { StepNumber } from '../aws/types.js';
import { masker } from '../mask.js';

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

/** Opens the interactive tutor; resolves with the exit code once the learner quits. */
export async function runTui(config: TutorConfig, options: { step?: number }): Promise<number> {
  // The first frame is the welcome menu, drawn a moment before Ink reads the keyboard; in the terminal's line
  // mode a key pressed then would be echoed and Enter read as a newline. From the start, keys wait unechoed
  // in the terminal until Ink reads them, and reach the menu as they were pressed.
  const raw = process.stdin.isTTY === true;
  if (raw) process.stdin.setRawMode(true);
  // Bracketed paste: the terminal marks what is pasted, so a command pasted into the wrong window is not read
  // as keys (useCommands drops it). Turned off again on the way out, whatever the way.
  const paste = raw && process.stdout.isTTY === true;
  if (paste) process.stdout.write(BRACKETED_PASTE_ON);
  try {
    return await open(config, options);
  } finally {
    if (paste) process.stdout.write(BRACKETED_PASTE_OFF);
    if (raw) process.stdin.setRawMode(false);
  }
}

async function open(config: TutorConfig, options: { step?: number }): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // What the first frame needs is read while Ink and the screens load, so that the first frame is the welcome
  // menu: whether moto is installed (it decides the choices) and the saved place of a dry run (its session opens
  // later) or of the sandbox (it starts meanwhile).
  // The lessons' heads are all the welcome menu and the lesson list show; their pages load once the menu is drawn.
  const ready = Promise.all([import('./services/real.js'), import('../lessons/heads.js')]).then(
    async ([{ realServices }, { LESSON_MENU }]) => {
      const services = realServices(LESSON_MENU.map((lesson) => lesson.id));
      const [moto, saved] = await Promise.all([
        services.motoInstalled().catch(() => false),
        config.mode === 'dry-run' || config.mode === 'sandbox'
          ? services.loadProgress(config).then(
              (progress) => ({ saved: progress }),
              () => undefined,
            )
          : undefined,
      ]);
      const lessons = { heads: LESSON_MENU, load: () => import('../lessons/index.js').then(({ LESSONS }) => LESSONS) };
      return { services, lessons, preloaded: { moto, ...(saved ? { progress: saved } : {}) } };
    },
  );
  const [{ render }, { App }, { services, lessons, preloaded }] = await Promise.all([importInk(), import('./App.js'), ready]);
  let code = 0;
  let lines: string[] = [];
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  const step = options.step && options.step >= 1 && options.step <= 5 ? (options.step as StepNumber) : undefined;
  const app = render(
    <App
      config={config}
      services={services}
      lessons={lessons}
      preloaded={preloaded}
      {...(step ? { step } : {})}
      stop={stop.signal}
      onExit={(exitCode, farewell) => {
        code = exitCode;
        lines = farewell;
      }}
    />,
    // Ink draws at most maxFps frames a second (30 by default): a key pressed just after a frame waits up to
    // 1000/maxFps ms for its answer. Frames come from keys and from what AWS answers, a few a second at most.
    { exitOnCtrlC: false, maxFps: 60 },
  );
  try {
    await app.waitUntilExit();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  const mask = masker(config.presenter);
  for (const line of lines) process.stdout.write(`${mask(line)}\n`);
  return stop.signal.aborted ? 130 : code;
}

/**
 * Ink decides once, when it is loaded, whether it runs "in CI" (CI or
 * CONTINUOUS_INTEGRATION set) and then draws nothing until it exits. A learner
 * at a terminal whose shell happens to export CI must still see the tutor, so
 * those two variables are hidden while Ink loads when stdout is a terminal.
 *
 * Ink's layout engine (yoga-layout, built for browsers) fetches its embedded
 * WebAssembly from a data: URL whenever a global `fetch` exists; in Node the
 * first touch of `fetch` loads undici, tens of milliseconds before the first
 * frame. Without `fetch` it decodes the same bytes synchronously, so `fetch`
 * is hidden too while Ink loads (its descriptor is put back untouched: reading
 * the descriptor does not load undici).
 */
async function importInk(): Promise<typeof import('ink')> {
  const names = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
  const saved = names.map((name) => [name, process.env[name]] as const);
  if (process.stdout.isTTY) for (const name of names) delete process.env[name];
  const fetchDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchDescriptor?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await import('ink');
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    if (fetchDescriptor?.configurable) Object.defineProperty(globalThis, 'fetch', fetchDescriptor);
  }
}
