import type { Mode } from '../../config.js';
import type { Text } from '../../text.js';
import { S } from '../strings.js';

export type WelcomeChoiceId = 'start' | 'continue' | 'step' | 'menu' | 'sandbox' | 'dry-run' | 'real' | 'retry' | 'quit';

export interface WelcomeChoice {
  id: WelcomeChoiceId;
  label: Text;
}

export interface WelcomeInput {
  mode: Mode;
  session: 'opening' | 'open' | 'failed';
  errorCode?: string;
  /** Whether moto_server is installed; undefined while unknown. */
  moto: boolean | undefined;
  /** Where saved progress would continue, if there is any. */
  resume?: Text;
  /** --step N. */
  step?: number;
}

/**
 * What the welcome screen offers. Without credentials it leads somewhere useful
 * on any machine: the sandbox first (when moto is there), then a dry run.
 */
export function welcomeChoices(input: WelcomeInput): WelcomeChoice[] {
  const switches = (except: Mode): WelcomeChoice[] => [
    ...(except !== 'sandbox' && input.moto !== false ? [{ id: 'sandbox' as const, label: S.choiceSandbox }] : []),
    ...(except !== 'dry-run' ? [{ id: 'dry-run' as const, label: S.choiceDryRun }] : []),
    ...(except !== 'real' ? [{ id: 'real' as const, label: S.choiceReal }] : []),
  ];
  const quit: WelcomeChoice = { id: 'quit', label: S.choiceQuit };
  // Nothing to choose while the session opens: an early Enter must not pick anything (q still quits).
  if (input.session === 'opening') return [];
  if (input.session === 'failed') {
    if (input.errorCode === 'NO_CREDENTIALS') {
      return [...switches('real'), { id: 'retry', label: S.choiceRetry }, quit];
    }
    return [{ id: 'retry', label: S.choiceRetry }, ...switches(input.mode), quit];
  }
  const first: WelcomeChoice[] = input.step
    ? [
        { id: 'step', label: S.choiceStep(input.step) },
        { id: 'menu', label: S.choiceMenu },
      ]
    : input.resume
      ? [
          { id: 'continue', label: S.choiceContinue(input.resume) },
          { id: 'menu', label: S.choiceMenu },
        ]
      : [{ id: 'start', label: S.choiceStart }];
  return [...first, ...switches(input.mode), quit];
}

/**
 * Whether the welcome screen offers its choices: once the saved progress is read and whether moto is
 * installed is known, and the session is open, but in a dry run (where nothing before a lesson needs one)
 * and in the sandbox (which starts while the learner reads; a step's Run waits for it). Opening at a step
 * (--step) runs the earlier steps at once, so it waits for the session in every mode but the dry run.
 */
export function offered(input: {
  session: 'opening' | 'open' | 'failed';
  ready: boolean;
  moto: boolean | undefined;
  mode: Mode;
  startStep: number | undefined;
}): WelcomeInput['session'] {
  if (input.session === 'failed') return 'failed';
  if (!input.ready || input.moto === undefined) return 'opening';
  if (input.session === 'open' || input.mode === 'dry-run') return 'open';
  return input.mode === 'sandbox' && !input.startStep ? 'open' : 'opening';
}
