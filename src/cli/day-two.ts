import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import type { Engine } from '../aws/engine.js';
import type { EngineEvent, PlannedCall } from '../aws/types.js';
import type { DayTwoContext, Outcome } from '../aws/day-two/context.js';
import { realClock, scaledClock } from '../aws/wait.js';
import { runKubectl } from '../kube/kubectl.js';
import { openSession, type Session } from '../session.js';
import { text } from '../text.js';
import { Printer } from './print.js';
import { Unfinished, interruptible } from './signals.js';

/** The day-two actions, in the order the course takes them. */
export const DAY_TWO_ACTIONS = ['addons', 'workload', 'upgrade', 'access'] as const;
export type DayTwoAction = (typeof DAY_TWO_ACTIONS)[number];

export interface DayTwoOptions {
  withoutElbTag?: boolean;
}


function badAction(action: string | undefined): TutorError {
  const list = DAY_TWO_ACTIONS.join(', ');
  return new TutorError(
    'BAD_INPUT',
    action === undefined
      ? text(`day-two needs an action: one of ${list}.`, `day-two にはアクションが必要です: ${list} のいずれか。`)
      : text(`day-two action "${action}" is not allowed: use one of ${list}.`, `day-two のアクションに「${action}」は指定できません。${list} のいずれかを使ってください。`),
  );
}

/** A context for the day-two modules from the session's own pieces: its clients, ledger and the same clock and kubectl as the steps. */
function contextOf(session: Session, emit: (event: EngineEvent) => void, show: (call: PlannedCall) => void, signal: AbortSignal): DayTwoContext {
  return {
    config: session.config,
    clients: session.engine.clients,
    ledger: session.ledger,
    clock: session.sandbox ? scaledClock(session.config.timeScale) : realClock,
    kubectl: runKubectl,
    // What a kubeconfig user that assumes a role needs in the sandbox: STS answered there (day-two access).
    ...(session.sandbox ? { kubeconfigEnv: { AWS_ENDPOINT_URL_STS: session.sandbox.endpointUrl } } : {}),
    emit,
    show,
    signal,
  };
}

async function runAction(ctx: DayTwoContext, action: DayTwoAction, options: DayTwoOptions): Promise<Outcome> {
  switch (action) {
    case 'addons':
      return (await import('../aws/day-two/addons.js')).addonsAction(ctx);
    case 'workload':
      return (await import('../aws/day-two/workload.js')).workloadAction(ctx, options);
    case 'upgrade':
      return (await import('../aws/day-two/upgrade.js')).upgradeAction(ctx);
    case 'access':
      return (await import('../aws/day-two/access.js')).accessAction(ctx);
  }
}

/** `day-two <action>`: one of the course's questions after step 5, run with its calls shown and its checks. */
export async function dayTwo(config: TutorConfig, action: string | undefined, options: DayTwoOptions = {}): Promise<number> {
  if (action === undefined || !(DAY_TWO_ACTIONS as readonly string[]).includes(action)) throw badAction(action);
  if (options.withoutElbTag && action !== 'workload') {
    throw new TutorError('BAD_INPUT', text('--without-elb-tag goes with day-two workload only.', '--without-elb-tag は day-two workload とだけ使えます。'));
  }
  if (config.mode === 'dry-run') {
    throw new TutorError(
      'BAD_INPUT',
      text('day-two reads the build it works on: run it in the sandbox (--sandbox) or against an account, not with --dry-run.', 'day-two は対象のビルドを読み取ります。--dry-run ではなく、サンドボックス(--sandbox)かアカウントで実行してください。'),
    );
  }
  const printer = new Printer(config);
  const unfinished = new Unfinished();
  return interruptible(
    printer,
    async (signal) => {
      const session = await openSession(config, { lock: true, identify: config.mode === 'real', signal });
      const listeners = new Set<(event: EngineEvent) => void>([unfinished.listener]);
      const bus = { on: (listener: (event: EngineEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)) };
      // The printer follows an engine's events; the day-two modules report the same events.
      const stop = [printer.follow(bus as unknown as Engine), printer.follow(session.engine), session.engine.on(unfinished.listener)];
      const show = (call: PlannedCall) => {
        if (call.why) printer.line(`  # ${call.why[config.lang]}`);
        printer.line(`  $ ${call.cli}`);
      };
      try {
        session.notes.forEach((note) => printer.say(note));
        const ctx = contextOf(session, (event) => listeners.forEach((l) => l(event)), show, signal);
        const outcome = await runAction(ctx, action as DayTwoAction, options);
        printer.line('');
        printer.say(outcome.reasoning);
        printer.line(`-- ${config.lang === 'ja' ? '確認' : 'Checked'} --`);
        const ok = printer.checks(outcome.checks);
        if (outcome.next) printer.say(outcome.next);
        return ok ? 0 : 1;
      } finally {
        stop.forEach((s) => s());
        await session.close();
      }
    },
    unfinished,
  );
}
