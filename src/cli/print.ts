import type { TutorConfig } from '../config.js';
import type { Engine } from '../aws/engine.js';
import type { Check, EngineEvent } from '../aws/types.js';
import { masker } from '../mask.js';
import type { Text } from '../text.js';
import { retryAttempt, waitTimes } from '../present/format.js';
import { checkMark, checksPassed, MARKS, changeMark } from '../present/marks.js';
import { changeWord, stepOfFive } from '../present/words.js';

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
    for (const check of checks) {
      this.line(`  ${checkMark(check).symbol} ${check.label[this.config.lang]}${check.detail ? `  (${check.detail})` : ''}`);
    }
    return checks.length === 0 || checksPassed(checks);
  }

  /** Prints the engine's events as they come (the calls themselves are not listed: each step prints its commands first). */
  follow(engine: Pick<Engine, 'on'>): () => void {
    return engine.on((event) => this.event(event));
  }

  private event(event: EngineEvent): void {
    const lang = this.config.lang;
    switch (event.type) {
      case 'step-start':
        if (event.action === 'apply') this.line(`\n== ${stepOfFive(event.step)[lang]} ==`);
        break;
      case 'resource':
        if (event.change === 'creating' || event.change === 'deleting') break;
        this.line(`  ${changeMark(event.change).symbol} ${event.kind} ${event.id ?? event.key}: ${changeWord(event.change, lang)}`);
        break;
      case 'status':
        this.line(`  ${MARKS.waiting} ${event.kind} ${event.id}: ${event.status}  ${waitTimes(event.elapsedMs, event.expectedMs)}`);
        break;
      case 'kubectl':
        this.line(`$ kubectl ${event.args.join(' ')}`);
        this.line(event.output);
        break;
      case 'note':
        this.say(event.text);
        break;
      case 'retry':
        this.line(`  ${MARKS.retry} ${event.operation}: ${event.reason[lang]} (${retryAttempt(event.attempt, event.elapsedMs, lang)})`);
        break;
      case 'call':
      case 'checks':
      case 'step-end':
        break;
    }
  }
}
