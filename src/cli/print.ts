import type { TutorConfig } from '../config.js';
import type { Engine } from '../aws/engine.js';
import type { Check, EngineEvent, StepNumber } from '../aws/types.js';
import { masker } from '../mask.js';
import { text, type Text } from '../text.js';

export const STEP_TITLES: Record<StepNumber, Text> = {
  1: text('The cluster IAM role', 'クラスター IAM ロール'),
  2: text('The cluster VPC', 'クラスター VPC'),
  3: text('The EKS cluster', 'EKS クラスター'),
  4: text('kubeconfig', 'kubeconfig'),
  5: text('The managed node group', 'マネージド型ノードグループ'),
};

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const CHANGE: Record<string, Text> = {
  creating: text('creating', '作成中'),
  created: text('created', '作成'),
  adopted: text('already there, adopted', '既存のものを引き継ぎ'),
  deleting: text('deleting', '削除中'),
  deleted: text('deleted', '削除'),
  kept: text('kept', '保持'),
};

/** Lines for the command line: what the engine reports, in the learner's language, masked in presenter mode. */
export class Printer {
  private readonly mask: (line: string) => string;
  constructor(
    private readonly config: TutorConfig,
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.mask = masker(config.presenter);
  }

  get lang(): TutorConfig['lang'] {
    return this.config.lang;
  }

  line(value: string): void {
    for (const part of value.split('\n')) this.write(this.mask(part));
  }

  say(message: Text): void {
    this.line(message[this.config.lang]);
  }

  checks(checks: Check[]): boolean {
    let ok = true;
    for (const check of checks) {
      const mark = check.unknown ? '?' : check.ok ? '✓' : '✗';
      if (!check.ok && !check.unknown) ok = false;
      this.line(`  ${mark} ${check.label[this.config.lang]}${check.detail ? `  (${check.detail})` : ''}`);
    }
    return ok;
  }

  follow(engine: Engine, options: { showCalls?: boolean } = {}): () => void {
    return engine.on((event) => this.event(event, options.showCalls === true));
  }

  private event(event: EngineEvent, showCalls: boolean): void {
    const lang = this.config.lang;
    switch (event.type) {
      case 'step-start':
        if (event.action === 'apply') this.line(`\n== ${lang === 'ja' ? 'ステップ' : 'Step'} ${event.step}/5: ${STEP_TITLES[event.step][lang]} ==`);
        break;
      case 'resource':
        if (event.change === 'creating' || event.change === 'deleting') break;
        this.line(`  ${event.change === 'deleted' ? '-' : '+'} ${event.kind} ${event.id ?? event.key}: ${CHANGE[event.change]![lang]}`);
        break;
      case 'status':
        this.line(
          `  … ${event.kind} ${event.id}: ${event.status}  ${formatDuration(event.elapsedMs)}${event.expectedMs ? ` / ~${formatDuration(event.expectedMs)}` : ''}`,
        );
        break;
      case 'kubectl':
        this.line(`$ kubectl ${event.args.join(' ')}`);
        this.line(event.output);
        break;
      case 'call':
        if (showCalls) this.line(`    → ${event.service}:${event.operation}`);
        break;
      case 'note':
        this.say(event.text);
        break;
      case 'retry':
        this.line(`  ↻ ${event.operation}: ${event.reason[lang]} (${lang === 'ja' ? `${event.attempt} 回目、経過` : `attempt ${event.attempt}, after`} ${formatDuration(event.elapsedMs)})`);
        break;
      case 'checks':
      case 'step-end':
        break;
    }
  }
}
