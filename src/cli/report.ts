import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import { masker } from '../mask.js';

/** Any failure as the learner should read it: a TutorError as it is, an AWS error explained. */
export async function asTutorError(error: unknown): Promise<TutorError> {
  if (error instanceof TutorError) return error;
  const { explainAwsError } = await import('../aws/errors.js');
  return explainAwsError(error);
}

/**
 * Ends a failed command: the error line, then the lines that follow it (what
 * still bills, the ways out), all on stderr and after everything on stdout.
 * `--debug` adds the cause's stack. Presenter mode masks it all.
 */
export function writeFailure(config: Pick<TutorConfig, 'lang' | 'debug' | 'presenter'>, error: TutorError, after: string[] = []): void {
  const mask = masker(config.presenter);
  const out = (line: string) => process.stderr.write(`${mask(line)}\n`);
  out(error.text[config.lang]);
  if (config.debug && error.cause) out(String((error.cause as Error).stack ?? error.cause));
  for (const line of after) out(line);
}
