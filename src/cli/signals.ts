import { TutorError } from '../errors.js';
import { text } from '../text.js';
import type { Printer } from './print.js';

/**
 * Runs `work` with an AbortSignal that Ctrl-C and SIGTERM trigger: polling
 * stops, the ledger (written before and after every create) stays consistent,
 * and the learner is told how to continue.
 */
export async function interruptible(printer: Printer, work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  let signalName: string | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    if (signalName) return;
    signalName = name;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (signalName || (error instanceof TutorError && error.code === 'INTERRUPTED')) {
      printer.say(
        text(
          `Stopped (${signalName ?? 'interrupted'}). Everything created so far is in the ledger; anything AWS was still creating goes on by itself. Run the same command again to continue, \`eks-basics-tutor status\` to see it, or \`eks-basics-tutor down\` to remove it.`,
          `中断しました(${signalName ?? 'interrupted'})。ここまでに作成したものはすべて台帳に記録済みで、AWS 側で作成中だったものはそのまま進みます。同じコマンドをもう一度実行すると続きから、\`eks-basics-tutor status\` で状況確認、\`eks-basics-tutor down\` で削除できます。`,
        ),
      );
      return 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
