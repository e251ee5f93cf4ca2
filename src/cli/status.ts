import type { TutorConfig } from '../config.js';
import { PRICE_DATE, formatUsd, resourceHourly } from '../aws/cost.js';
import type { Found } from '../aws/inventory.js';
import type { LedgerEntry } from '../state/ledger.js';
import { masker } from '../mask.js';
import { openSession } from '../session.js';
import { text } from '../text.js';
import { placeOf } from './billing.js';
import { refuseDryRun } from './dry-run.js';
import { Printer } from './print.js';

export interface StatusRow {
  key: string;
  kind: string;
  id: string | null;
  ledgerState: LedgerEntry['state'] | 'not in ledger';
  exists: boolean;
  since: string | null;
  state: string | null;
  hourlyUsd: number;
  costSoFarUsd: number;
}

function hourlyOf(config: TutorConfig, f: Found | undefined): number {
  return f ? resourceHourly(f, config) : 0;
}

/** `status`: each resource of the ledger, whether it still exists, since when, and its estimated cost so far. */
export async function status(config: TutorConfig, json: boolean): Promise<number> {
  refuseDryRun(config, 'status', { en: 'reads what exists', ja: 'は存在するものを読み取ります' });
  const printer = new Printer(config);
  const session = await openSession(config, { lock: false, identify: config.mode === 'real' });
  try {
    // Notes go beside the report: on stderr when stdout is JSON.
    for (const note of session.notes) {
      if (json) process.stderr.write(`${masker(config.presenter)(note[config.lang])}\n`);
      else printer.say(note);
    }
    const found = await session.engine.inventory();
    const now = Date.now();
    const rows: StatusRow[] = session.ledger.entries
      .filter((e) => e.kind !== 'policy-attachment')
      .map((entry) => {
        const match = found.find((f) => f.key === entry.key || (entry.id !== undefined && f.id === entry.id));
        const hourly = hourlyOf(session.config, match);
        const since = entry.createdAt ?? null;
        const hours = since && match ? (now - Date.parse(since)) / 3_600_000 : 0;
        return {
          key: entry.key,
          kind: entry.kind,
          id: entry.id ?? null,
          ledgerState: entry.state,
          exists: Boolean(match),
          since,
          state: match?.state ?? null,
          hourlyUsd: hourly,
          costSoFarUsd: Math.round(hourly * hours * 10_000) / 10_000,
        };
      });
    for (const f of found.filter((f) => f.tagged && !session.ledger.get(f.key) && !session.ledger.entries.some((e) => e.id === f.id))) {
      rows.push({
        key: f.key,
        kind: f.kind,
        id: f.id,
        ledgerState: 'not in ledger',
        exists: true,
        since: null,
        state: f.state ?? null,
        hourlyUsd: hourlyOf(session.config, f),
        costSoFarUsd: 0,
      });
    }
    const total = rows.reduce((sum, r) => sum + r.costSoFarUsd, 0);
    const hourly = rows.reduce((sum, r) => sum + (r.exists ? r.hourlyUsd : 0), 0);
    if (json) {
      // Presenter mode masks the JSON too, in its strings only (never a number).
      const mask = masker(config.presenter);
      const report = {
        clusterName: config.clusterName,
        mode: config.mode,
        region: session.config.region,
        endpoint: session.sandbox?.endpointUrl ?? config.endpointUrl ?? null,
        ledger: session.ledger.path,
        priceDate: PRICE_DATE,
        hourlyUsd: hourly,
        costSoFarUsd: total,
        resources: rows,
      };
      process.stdout.write(`${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'string' ? mask(value) : value), 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      const where = placeOf(session);
      printer.say(
        text(
          `Nothing recorded or tagged for cluster "${config.clusterName}" (looked in ${where}).`,
          `クラスター「${config.clusterName}」の記録もタグの付いたものもありません(${where} を確認しました)。`,
        ),
      );
      return 0;
    }
    for (const r of rows) {
      printer.line(
        `${r.exists ? '●' : '○'} ${r.kind.padEnd(17)} ${(r.id ?? '-').padEnd(24)} ${r.exists ? (r.state ?? (config.lang === 'ja' ? '存在' : 'exists')) : config.lang === 'ja' ? 'なし' : 'gone'}${r.since ? `  ${r.since}` : ''}${r.costSoFarUsd ? `  ${formatUsd(r.costSoFarUsd)}` : ''}`,
      );
    }
    printer.say(
      text(
        `Running now: about ${formatUsd(hourly)}/hour; so far about ${formatUsd(total)} (estimate, prices of ${PRICE_DATE}).`,
        `現在の稼働分: 1 時間あたり約 ${formatUsd(hourly)}、これまでの合計は約 ${formatUsd(total)}(${PRICE_DATE} 時点の価格による見積もり)。`,
      ),
    );
    return 0;
  } finally {
    await session.close();
  }
}
