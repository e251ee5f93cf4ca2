import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import type { StepNumber } from '../aws/types.js';
import { openSession, type Session } from '../session.js';
import { billingLines } from './billing.js';
import type { Printer } from './print.js';
import { asTutorError, writeFailure } from './report.js';
import { Unfinished, interruptible } from './signals.js';

/**
 * The frame of a command that changes the build (`up`, `down`): a locked
 * session that Ctrl-C stops, whose notes are printed first; what AWS is still
 * working on is followed, so an interrupted run names it with `waysOut`; the
 * session is closed however `work` ends. Returns `work`'s exit code.
 */
export function withSession(
  config: TutorConfig,
  printer: Printer,
  waysOut: (config: TutorConfig) => NonNullable<Unfinished['waysOut']>,
  work: (session: Session, signal: AbortSignal) => Promise<number>,
): Promise<number> {
  const unfinished = new Unfinished();
  return interruptible(
    printer,
    async (signal) => {
      // Real mode asks who it is: the account is named in what is reported, and a ledger of another account is refused.
      const session = await openSession(config, { lock: true, identify: config.mode === 'real', signal });
      const stopTracking = session.engine.on(unfinished.listener);
      unfinished.waysOut = waysOut(session.config);
      try {
        session.notes.forEach((note) => printer.say(note));
        return await work(session, signal);
      } finally {
        stopTracking();
        await session.close();
      }
    },
    unfinished,
  );
}

/** Ctrl-C (or SIGTERM): told by `interruptible`, with what AWS goes on doing, so the failure is passed on as it is. */
export function interrupted(signal: AbortSignal, error: unknown): boolean {
  return signal.aborted || (error instanceof TutorError && error.code === 'INTERRUPTED');
}

/** Any other failure ends with the error, what of steps 1..through still bills, and how to go on; returns its exit code. */
export async function reportFailure(session: Session, error: unknown, through: StepNumber): Promise<number> {
  const failure = await asTutorError(error);
  const lines = await billingLines(session, through).catch(() => []);
  writeFailure(session.config, failure, lines);
  return failure.exitCode;
}
