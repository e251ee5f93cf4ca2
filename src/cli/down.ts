import type { TutorConfig } from '../config.js';
import { text } from '../text.js';
import { confirm } from './confirm.js';
import { refuseDryRun } from './dry-run.js';
import { placeOf } from './billing.js';
import { removeCommand } from './ways-out.js';
import { Printer } from './print.js';
import { interrupted, reportFailure, withSession } from './with-session.js';

/** `down`: everything this tutor made for the cluster name, in dependency order; then a check that nothing tagged is left. */
export async function down(config: TutorConfig): Promise<number> {
  refuseDryRun(config, 'down', {
    en: 'deletes what exists, and shows what it will delete before it asks',
    ja: 'は存在するものを削除します(削除する前に対象を示して確認します)',
  });
  const printer = new Printer(config);
  const lang = config.lang;
  return withSession(
    config,
    printer,
    (resolved) => ({ remove: removeCommand(resolved) }),
    async (session, signal) => {
      const { engine } = session;
      const plan = await engine.teardownPlan();
      for (const f of plan.leave) {
        printer.say(
          text(
            `Left alone: ${f.kind} ${f.id} — ${f.tagged ? 'tagged for this cluster but not in the ledger' : 'not tagged as this tutor’s'}.`,
            `対象外: ${f.kind} ${f.id} — ${f.tagged ? 'このクラスターのタグはあるが台帳にない' : 'このチューターのタグがない'}ため触れません。`,
          ),
        );
      }
      if (plan.delete.length === 0) {
        const where = placeOf(session);
        printer.say(
          text(
            `Nothing to delete for cluster "${config.clusterName}" (looked in ${where}).`,
            `クラスター「${config.clusterName}」で削除するものはありません(${where} を確認しました)。`,
          ),
        );
        await session.ledger.clear();
        return 0;
      }
      printer.say(text('These will be deleted, in this order:', '次のものを、この順番で削除します:'));
      for (const f of plan.delete) printer.line(`  - ${f.kind} ${f.id}${f.state ? ` (${f.state})` : ''}`);
      if (plan.byTagOnly) {
        printer.say(
          text(
            'There is no ledger for this cluster name: these were found by their tag alone.',
            'このクラスター名の台帳がないため、タグだけを頼りに見つけたものです。',
          ),
        );
      }
      if (!(await confirm(lang === 'ja' ? '削除しますか?' : 'Delete them?', lang, config.yes))) {
        printer.say(text('Nothing was deleted.', '何も削除していません。'));
        return 0;
      }
      const stop = printer.follow(session.engine);
      let result;
      try {
        result = await engine.down(plan.delete);
      } catch (error) {
        if (interrupted(signal, error)) throw error;
        stop();
        return await reportFailure(session, error, 5);
      } finally {
        stop();
      }
      printer.say(text(`Deleted ${result.deleted.length} resources:`, `${result.deleted.length} 個のリソースを削除しました:`));
      for (const f of result.deleted) printer.line(`  - ${f.kind} ${f.id}`);
      if (result.remaining.length === 0) {
        const where = placeOf(session);
        printer.say(
          text(
            `✓ Nothing tagged eks-basics-tutor/cluster=${config.clusterName} is left (looked in ${where}).`,
            `✓ eks-basics-tutor/cluster=${config.clusterName} タグの付いたものは残っていません(${where} を確認しました)。`,
          ),
        );
        return 0;
      }
      printer.say(text('✗ Still there:', '✗ まだ残っているもの:'));
      for (const f of result.remaining) printer.line(`  - ${f.kind} ${f.id}`);
      return 1;
    },
  );
}
