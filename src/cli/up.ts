import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import { PRICE_DATE, formatUsd } from '../aws/cost.js';
import type { StepNumber } from '../aws/types.js';
import { openSession, type Session } from '../session.js';
import { text } from '../text.js';
import { confirm } from './confirm.js';
import { Printer, STEP_TITLES } from './print.js';
import { printPlans } from './plans.js';
import { Unfinished, interruptible } from './signals.js';

/** `up`: steps 1..through without the TUI. Returns the exit code. */
export async function up(config: TutorConfig, through: StepNumber): Promise<number> {
  const printer = new Printer(config);
  if (config.mode === 'dry-run') return printPlans(config, through, printer);
  const unfinished = new Unfinished();
  return interruptible(printer, async (signal) => {
    let session: Session;
    try {
      session = await openSession(config, { lock: true, identify: config.mode === 'real', signal });
    } catch (error) {
      if (error instanceof TutorError && error.code === 'NO_CREDENTIALS') {
        printer.say(error.text);
        printer.say(text('Showing a dry run instead: these are the requests, nothing is sent.', '代わりにドライランを表示します。リクエストを示すだけで、何も送信しません。'));
        return printPlans({ ...config, mode: 'dry-run' }, through, printer);
      }
      throw error;
    }
    const stopTracking = session.engine.on(unfinished.listener);
    try {
      return await runUp(session, through, printer);
    } finally {
      stopTracking();
      await session.close();
    }
  }, unfinished);
}

async function runUp(session: Session, through: StepNumber, printer: Printer): Promise<number> {
  const { engine, config } = session;
  const lang = config.lang;
  session.notes.forEach((note) => printer.say(note));
  if (session.sandbox) {
    printer.say(text(`Sandbox: AWS API at ${session.sandbox.endpointUrl} (moto), nothing is billed.`, `サンドボックス: AWS API は ${session.sandbox.endpointUrl}(moto)で、料金はかかりません。`));
  } else if (session.identity) {
    printer.line(`${lang === 'ja' ? 'アカウント' : 'Account'}: ${session.identity.account}  ${session.identity.arn}  ${config.region}${config.endpointUrl ? `  (${config.endpointUrl})` : ''}`);
  }
  let hourly = 0;
  for (let n = 1; n <= through; n++) hourly += engine.plan(n as StepNumber).hourlyCost;
  if (config.mode === 'real' && hourly > 0) {
    printer.say(
      text(
        `Steps 1-${through} add about ${formatUsd(hourly)} per hour while they run (estimate, list prices of ${PRICE_DATE}). Remove them with \`eks-basics-tutor down\`.`,
        `ステップ 1〜${through} の実行中は 1 時間あたり約 ${formatUsd(hourly)} かかります(${PRICE_DATE} 時点の定価による見積もり)。削除は \`eks-basics-tutor down\` で行えます。`,
      ),
    );
    const go = await confirm(lang === 'ja' ? '続けますか?' : 'Go ahead?', lang, config.yes);
    if (!go) {
      printer.say(text('Nothing was created.', '何も作成していません。'));
      return 0;
    }
  }
  const stop = printer.follow(engine);
  const unsubscribePlans = engine.on((event) => {
    if (event.type === 'step-start' && event.action === 'apply') {
      for (const call of engine.plan(event.step).calls) printer.line(`  $ ${call.cli}`);
    }
  });
  let allOk = true;
  try {
    await engine.up(through, (step, checks) => {
      printer.line(`-- ${lang === 'ja' ? `ステップ ${step}: ${STEP_TITLES[step].ja} の確認` : `Step ${step}: ${STEP_TITLES[step].en}, checked`} --`);
      if (!printer.checks(checks)) allOk = false;
    });
  } finally {
    stop();
    unsubscribePlans();
  }
  printer.say(
    allOk
      ? text(`Done: steps 1-${through} are in place. \`eks-basics-tutor status\` shows them, \`eks-basics-tutor down\` removes them.`, `完了: ステップ 1〜${through} ができました。\`eks-basics-tutor status\` で確認、\`eks-basics-tutor down\` で削除できます。`)
      : text('Some checks failed (✗ above).', '一部の確認に失敗しました(上の ✗)。'),
  );
  return allOk ? 0 : 1;
}
