import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { asTutorError, writeFailure } from '../../src/cli/report.js';
import { Failure } from '../../src/screens/components/lesson/Failure.js';
import { UiProvider } from '../../src/screens/contexts/ui.js';
import { errorText } from '../../src/screens/state/errors.js';
import { makeTheme } from '../../src/screens/theme.js';
import type { Lang } from '../../src/text.js';

/** What a learner reads of a failure in each front end: the CLI's lines on stderr, and a screen's failure box. */
export interface Seen {
  cli: string;
  /** The screen's frame with its line breaks and padding folded into single spaces. */
  screen: string;
}

/** The CLI's stderr once `writeFailure` has told the failure. */
async function cliLines(error: unknown, lang: Lang): Promise<string> {
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const failure = await asTutorError(error);
  process.stderr.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    writeFailure({ lang, debug: false, presenter: false }, failure);
  } finally {
    process.stderr.write = write;
  }
  return written.join('');
}

/** The failure as a lesson page shows it (`Failure`, with the screens' own `errorText`). */
function screenFrame(error: unknown, lang: Lang): string {
  const ui = { lang, mask: (line: string) => line, presenter: false, theme: makeTheme(false), columns: 200, rows: 40 };
  const app = render(
    <UiProvider value={ui}>
      <Box width={200}>
        <Failure error={errorText(error)} />
      </Box>
    </UiProvider>,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame.replace(/\s+/g, ' ');
}

export async function seen(error: unknown, lang: Lang = 'en'): Promise<Seen> {
  return { cli: await cliLines(error, lang), screen: screenFrame(error, lang) };
}
