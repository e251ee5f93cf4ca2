import type { Text } from './text.js';

/** What kind of failure this is; it decides the exit code and how it is explained. */
export type TutorErrorCode =
  | 'BAD_INPUT'
  | 'AWS'
  | 'ACCESS_DENIED'
  | 'QUOTA'
  | 'NAME_TAKEN'
  | 'THROTTLED'
  | 'NOT_FOUND'
  | 'DEPENDENCY'
  | 'TOOL_MISSING'
  | 'TOOL_FAILED'
  | 'NO_CREDENTIALS'
  | 'LEDGER'
  | 'LOCKED'
  | 'TIMEOUT'
  | 'INTERRUPTED'
  | 'SANDBOX';

/**
 * An error a learner can act on: a code, a message in every language, and the
 * underlying cause (shown only with --debug). Stack traces never reach the screen.
 */
export class TutorError extends Error {
  readonly code: TutorErrorCode;
  readonly text: Text;
  override readonly cause: unknown;

  constructor(code: TutorErrorCode, text: Text, cause?: unknown) {
    super(text.en);
    this.name = 'TutorError';
    this.code = code;
    this.text = text;
    this.cause = cause;
  }

  /** 2 for bad input, 1 for everything that failed while doing the work. */
  get exitCode(): number {
    return this.code === 'BAD_INPUT' ? 2 : 1;
  }
}

export function badInput(text: Text): TutorError {
  return new TutorError('BAD_INPUT', text);
}
