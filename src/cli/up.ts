import type { TutorConfig } from '../config.js';
import { PRICE_DATE, formatUsd } from '../aws/cost.js';
import { STANDARD_SUPPORT_HOUR } from '../aws/versions.js';
import type { StepNumber } from '../aws/types.js';
import { knownClusterVersion, preflight, preflightRefusal } from '../preflight.js';
import type { Session } from '../session.js';
import { text } from '../text.js';
import { confirm } from './confirm.js';
import { Printer } from './print.js';
import { MARKS } from '../present/marks.js';
import { plannedHourly, stepsThrough } from '../present/sums.js';
import { stepHeading } from '../present/words.js';
import { printPlans } from './plans.js';
import { StepChecks } from './step-checks.js';
import { removeCommand, resumeCommand } from './ways-out.js';
import { interrupted, reportFailure, withSession } from './with-session.js';

/** `up`: steps 1..through without the TUI. Returns the exit code. */
export async function up(config: TutorConfig, through: StepNumber): Promise<number> {
  const printer = new Printer(config);
  // A dry run only when asked for: without credentials `up` fails, so a script never takes a dry run for a build.
  if (config.mode === 'dry-run') return printPlans(config, through, printer);
  return withSession(
    config,
    printer,
    (resolved) => ({ resume: resumeCommand(resolved, through), remove: removeCommand(resolved) }),
    (session, signal) => runUp(session, through, printer, signal),
  );
}

async function runUp(session: Session, through: StepNumber, printer: Printer, signal: AbortSignal): Promise<number> {
  const { engine, config } = session;
  const lang = config.lang;
  if (session.sandbox) {
    printer.say(
      text(
        `Sandbox: AWS API at ${session.sandbox.endpointUrl} (moto), nothing is billed.`,
        `サンドボックス: AWS API は ${session.sandbox.endpointUrl}(moto)で、料金はかかりません。`,
      ),
    );
  } else if (session.identity) {
    printer.line(
      `${lang === 'ja' ? 'アカウント' : 'Account'}: ${session.identity.account}  ${session.identity.arn}  ${config.region}${config.endpointUrl ? `  (${config.endpointUrl})` : ''}`,
    );
  }
  // The version is settled before anything is shown or made: the plan shows what is sent, kubectl is checked against it.
  const kubernetes = through >= 3 ? await engine.resolveVersion() : undefined;
  if (kubernetes?.note) printer.say(kubernetes.note);
  const findings = await preflight(session, through, kubernetes?.version ?? knownClusterVersion(config, session));
  for (const f of findings.filter((f) => !f.ok && !f.blocking)) printer.line(`! ${f.label}: ${f.detail[lang]}`);
  const refusal = preflightRefusal(findings);
  if (refusal) throw refusal;

  const hourly = plannedHourly((n) => engine.plan(n), stepsThrough(through));
  if (config.mode === 'real' && kubernetes?.support === 'extended') {
    printer.say(
      text(
        `Kubernetes ${kubernetes.version} is in extended support${kubernetes.endOfExtendedSupport ? ` (until ${kubernetes.endOfExtendedSupport})` : ''}: its control plane costs ${formatUsd(kubernetes.clusterHourUsd)} an hour instead of ${formatUsd(STANDARD_SUPPORT_HOUR)}. A version in standard support costs less: leave out --kubernetes-version to get the newest.`,
        `Kubernetes ${kubernetes.version} は延長サポート中です${kubernetes.endOfExtendedSupport ? `(${kubernetes.endOfExtendedSupport} まで)` : ''}。コントロールプレーンは 1 時間あたり ${formatUsd(STANDARD_SUPPORT_HOUR)} ではなく ${formatUsd(kubernetes.clusterHourUsd)} かかります。標準サポートのバージョンの方が安く済みます(--kubernetes-version を省くと最新になります)。`,
      ),
    );
    if (
      !(await confirm(
        lang === 'ja' ? '延長サポートのバージョンで続けますか?' : 'Go ahead with an extended-support version?',
        lang,
        config.yes,
      ))
    ) {
      printer.say(text('Nothing was created.', '何も作成していません。'));
      return 0;
    }
  }
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
  let allOk = true;
  const checks = new StepChecks((step, list) => {
    printer.line(`-- ${lang === 'ja' ? `${stepHeading(step).ja} の確認` : `${stepHeading(step).en}, checked`} --`);
    if (!printer.checks(list)) allOk = false;
  });
  const stopChecks = engine.on(checks.listener);
  let stop = printer.follow(engine);
  const unsubscribePlans = engine.on((event) => {
    if (event.type === 'step-start' && event.action === 'apply') {
      for (const call of engine.plan(event.step).calls) printer.line(`  $ ${call.cli}`);
    }
  });
  try {
    await engine.up(through, checks.onChecks);
  } catch (error) {
    if (interrupted(signal, error)) throw error;
    unsubscribePlans();
    // Checks of steps already in place are printed before the failure, and nothing after it.
    await checks.drain(engine);
    stop();
    stop = () => undefined;
    return await reportFailure(session, error, through);
  } finally {
    stop();
    stopChecks();
    unsubscribePlans();
  }
  printer.say(
    allOk
      ? text(
          `Done: steps 1-${through} are in place. \`eks-basics-tutor status\` shows them, \`eks-basics-tutor down\` removes them.`,
          `完了: ステップ 1〜${through} ができました。\`eks-basics-tutor status\` で確認、\`eks-basics-tutor down\` で削除できます。`,
        )
      : text(`Some checks failed (${MARKS.bad} above).`, `一部の確認に失敗しました(上の ${MARKS.bad})。`),
  );
  return allOk ? 0 : 1;
}
