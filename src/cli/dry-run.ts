import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import { text } from '../text.js';

/**
 * A command that reads or changes what exists has nothing to do in a dry run, which sends nothing: it is
 * refused in one line (exit 2) before any request. `what` says, in both languages, what the command reads.
 */
export function refuseDryRun(config: TutorConfig, command: string, what: { en: string; ja: string }): void {
  if (config.mode !== 'dry-run') return;
  throw new TutorError(
    'BAD_INPUT',
    text(
      `${command} ${what.en}: run it in the sandbox (--sandbox) or against an account, not with --dry-run.`,
      `${command} ${what.ja}。--dry-run ではなく、サンドボックス(--sandbox)かアカウントで実行してください。`,
    ),
  );
}
