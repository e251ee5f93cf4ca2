import { expect } from 'vitest';
import { TutorError } from '../../src/errors.js';

/** How a promise ended: what it rejected with, which must be an explained TutorError. */
export async function rejection(promise: Promise<unknown>): Promise<TutorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TutorError);
  return error as TutorError;
}
