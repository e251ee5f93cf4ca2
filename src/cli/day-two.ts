import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import type { Engine } from '../aws/engine.js';
import type { EngineEvent, PlannedCall } from '../aws/types.js';
import { DAY_TWO_ACTIONS, dayTwoAction, type DayTwoOptions } from '../aws/day-two/actions.js';
import { dayTwoContextOf } from '../aws/day-two/session-context.js';
import { openSession } from '../session.js';
import { text } from '../text.js';
import { confirm } from './confirm.js';
import { refuseDryRun } from './dry-run.js';
import { Printer } from './print.js';
import { Unfinished, interruptible } from './signals.js';

export type { DayTwoOptions } from '../aws/day-two/actions.js';

/** Each option's command-line spelling, for the one line that refuses it. */
const FLAGS: Record<keyof DayTwoOptions, string> = { withoutElbTag: '--without-elb-tag' };

function badAction(action: string | undefined): TutorError {
  const list = DAY_TWO_ACTIONS.map((a) => a.id).join(', ');
  return new TutorError(
    'BAD_INPUT',
    action === undefined
      ? text(`day-two needs an action: one of ${list}.`, `day-two にはアクションが必要です: ${list} のいずれか。`)
      : text(
          `day-two action "${action}" is not allowed: use one of ${list}.`,
          `day-two のアクションに「${action}」は指定できません。${list} のいずれかを使ってください。`,
        ),
  );
}

/** An option given to an action that does not take it: one line naming the actions that do. */
function badOption(options: DayTwoOptions, actionId: string): TutorError | undefined {
  const given = (Object.keys(FLAGS) as (keyof DayTwoOptions)[]).filter((key) => options[key] !== undefined && options[key] !== false);
  const wrong = given.find((key) => !dayTwoAction(actionId)?.options?.includes(key));
  if (!wrong) return undefined;
  const owners = DAY_TWO_ACTIONS.filter((a) => a.options?.includes(wrong))
    .map((a) => `day-two ${a.id}`)
    .join(', ');
  return new TutorError('BAD_INPUT', text(`${FLAGS[wrong]} goes with ${owners} only.`, `${FLAGS[wrong]} は ${owners} とだけ使えます。`));
}

/** `day-two <action>`: one of the course's questions after step 5, run with its calls shown and its checks. */
export async function dayTwo(config: TutorConfig, action: string | undefined, options: DayTwoOptions = {}): Promise<number> {
  const chosen = action === undefined ? undefined : dayTwoAction(action);
  if (!chosen) throw badAction(action);
  const refused = badOption(options, chosen.id);
  if (refused) throw refused;
  refuseDryRun(config, 'day-two', { en: 'reads the build it works on', ja: 'は対象のビルドを読み取ります' });
  const printer = new Printer(config);
  if (config.mode === 'real' && chosen.asksFirst) {
    printer.say(chosen.asksFirst(config));
    if (!(await confirm(config.lang === 'ja' ? '続けますか?' : 'Go ahead?', config.lang, config.yes))) {
      printer.say(text('Nothing was changed.', '何も変更していません。'));
      return 0;
    }
  }
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
        const ctx = dayTwoContextOf(session, (event) => listeners.forEach((l) => l(event)), show, signal);
        const outcome = await chosen.run(ctx, options);
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
