import { TutorError } from '../errors.js';
import { text } from '../text.js';
import type { EngineEvent } from '../aws/types.js';
import type { Printer } from './print.js';

/** Statuses of a resource AWS is still bringing up or taking down. */
const UNFINISHED = /^(CREATING|DELETING|pending|deleting)$/;

/**
 * What AWS is still working on, followed from the engine's events: a create
 * call on its way, a cluster CREATING, a NAT gateway pending. An interrupted
 * run names these, since they go on (and cost) after the tutor stops.
 */
export class Unfinished {
  private readonly items = new Map<string, string>();
  /** The commands that continue and that remove this build, with its options filled in, once known. */
  waysOut: { resume?: string; remove: string } | undefined;

  readonly listener = (event: EngineEvent): void => {
    if (event.type === 'resource') {
      if (event.change === 'creating' || event.change === 'deleting')
        this.items.set(event.key, `${event.kind} ${event.id ?? event.key} (${event.change})`);
      else this.items.delete(event.key);
    } else if (event.type === 'status' && event.kind !== 'kubernetes-nodes') {
      if (UNFINISHED.test(event.status)) this.items.set(event.key, `${event.kind} ${event.id} (${event.status})`);
      else this.items.delete(event.key);
    }
  };

  list(): string[] {
    return [...this.items.values()];
  }
}

/**
 * Runs `work` with an AbortSignal that Ctrl-C and SIGTERM trigger: polling
 * stops, no further AWS call is sent, the ledger (written before and after
 * every create) stays consistent, and the learner is told what AWS is still
 * doing and how to continue.
 */
export async function interruptible(
  printer: Printer,
  work: (signal: AbortSignal) => Promise<number>,
  unfinished?: Unfinished,
): Promise<number> {
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
      const still = unfinished?.list() ?? [];
      printer.say(
        text(
          `Stopped (${signalName ?? 'interrupted'}). Everything created so far is in the ledger.`,
          `中断しました(${signalName ?? 'interrupted'})。ここまでに作成したものはすべて台帳に記録済みです。`,
        ),
      );
      if (still.length > 0) {
        printer.say(
          text(
            'AWS goes on with these by itself (and they cost while they exist):',
            '次のものは AWS 側でそのまま進みます(存在する間は料金がかかります):',
          ),
        );
        for (const item of still) printer.line(`  - ${item}`);
      }
      printer.say(
        text(
          'Run the same command again to continue, `eks-basics-tutor status` to see what exists, or `eks-basics-tutor down` to remove it.',
          '同じコマンドをもう一度実行すると続きから、`eks-basics-tutor status` で状況確認、`eks-basics-tutor down` で削除できます。',
        ),
      );
      const ways = unfinished?.waysOut;
      if (ways) {
        if (ways.resume) printer.line(`  ${ways.resume}   ${printer.lang === 'ja' ? '# ここから続ける' : '# continues from here'}`);
        printer.line(`  ${ways.remove}   ${printer.lang === 'ja' ? '# すべて削除する' : '# removes all of it'}`);
      }
      return 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Waits still running in the background after a failure (a control plane coming up) stop here, sending nothing more.
    controller.abort();
  }
}
