import type { TutorConfig } from '../config.js';
import type { StepNumber } from '../aws/types.js';
import { masker } from '../mask.js';

/** Opens the interactive tutor; resolves with the exit code once the learner quits. */
export async function runTui(config: TutorConfig, options: { step?: number }): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const [{ render }, { App }, { realServices }, { LESSONS }] = await Promise.all([
    import('ink'),
    import('./App.js'),
    import('./services/real.js'),
    import('../lessons/index.js'),
  ]);
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
      services={realServices(LESSONS.map((lesson) => lesson.id))}
      lessons={LESSONS}
      {...(step ? { step } : {})}
      stop={stop.signal}
      onExit={(exitCode, farewell) => {
        code = exitCode;
        lines = farewell;
      }}
    />,
    { exitOnCtrlC: false },
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
