import type { TutorConfig } from '../config.js';
import { Engine } from '../aws/engine.js';
import { createClients } from '../aws/clients.js';
import { realClock } from '../aws/wait.js';
import type { StepNumber } from '../aws/types.js';
import { runKubectl } from '../kube/kubectl.js';
import { Ledger } from '../state/ledger.js';
import { text } from '../text.js';
import type { Printer } from './print.js';
import { stepOfFive } from '../present/words.js';

/** Dry run: every step's exact requests and their aws CLI equivalents; nothing is sent. */
export function printPlans(config: TutorConfig, through: StepNumber, printer: Printer): number {
  const region = config.region || 'us-east-1';
  const engine = new Engine({
    config: { ...config, region },
    // Clients are made but never used: a plan sends nothing.
    clients: createClients({ region, credentials: { accessKeyId: 'dry-run', secretAccessKey: 'dry-run' } }),
    ledger: Ledger.inMemory({ clusterName: config.clusterName, mode: 'real', region }),
    clock: realClock,
    kubectl: runKubectl,
  });
  printer.say(
    text(
      'Dry run: the requests each step sends, and the same as aws CLI commands. Nothing is sent.',
      'ドライラン: 各ステップが送るリクエストと、同じ内容の aws CLI コマンドです。何も送信しません。',
    ),
  );
  for (let n = 1 as StepNumber; n <= through; n = (n + 1) as StepNumber) {
    const plan = engine.plan(n);
    printer.line(`\n== ${stepOfFive(n)[config.lang]} ==`);
    for (const call of plan.calls) {
      printer.line(`# ${call.service}:${call.action}${call.why ? ` — ${call.why[config.lang]}` : ''}`);
      printer.line(JSON.stringify(call.input, null, 2));
      printer.line(`$ ${call.cli}`);
    }
  }
  return 0;
}
