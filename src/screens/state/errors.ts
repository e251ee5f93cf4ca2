import { explainAwsError } from '../../aws/errors.js';
import { text, type Text } from '../../text.js';

/**
 * What the learner is told about a failure: the same explanation the CLI
 * gives (`explainAwsError`), never a stack trace; with --debug the raw cause
 * follows in brackets.
 */
export function errorText(error: unknown, debug = false): Text {
  const explained = explainAwsError(error);
  if (!debug) return explained.text;
  const raw = explained.cause ?? error;
  const cause = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : undefined;
  return cause && cause !== explained.text.en ? text(`${explained.text.en} (${cause})`, `${explained.text.ja}(${cause})`) : explained.text;
}

/** The tutor's code for a failure (NO_CREDENTIALS, ACCESS_DENIED, …), as `explainAwsError` names it. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error === undefined || error === null ? undefined : explainAwsError(error).code;
}
