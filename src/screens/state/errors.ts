import { text, type Text } from '../../text.js';

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).en === 'string' && typeof (value as Text).ja === 'string';
}

/** What the learner is told about a failure: a TutorError's own words, or the message; never a stack trace. */
export function errorText(error: unknown, debug = false): Text {
  const own = (error as { text?: unknown } | undefined)?.text;
  if (isText(own)) {
    if (!debug) return own;
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return cause ? text(`${own.en} (${cause})`, `${own.ja}(${cause})`) : own;
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  return text(`${name}${message}`, `${name}${message}`);
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
