import { PRICE_DATE, formatUsd, resourceHourly } from '../aws/cost.js';
import type { Found } from '../aws/inventory.js';
import type { StepNumber } from '../aws/types.js';
import type { Session } from '../session.js';
import { describePlace } from '../state/place.js';
import { text, type Lang } from '../text.js';
import { removeCommand, resumeCommand } from './ways-out.js';

/** Where a command looked: account (when known), region, endpoint. */
export function placeOf(session: Session): string {
  return describePlace({
    region: session.config.region,
    endpoint: session.sandbox?.endpointUrl ?? session.config.endpointUrl,
    account: session.identity?.account,
  })[session.config.lang];
}

/** What exists, as far as it can be known now: AWS's answer, else the ledger's record. */
async function whatExists(session: Session): Promise<{ found: Found[]; fromLedger: boolean }> {
  try {
    return { found: await session.engine.inventory(), fromLedger: false };
  } catch {
    const found = session.ledger.live
      .filter((e) => e.kind !== 'policy-attachment')
      .map((e): Found => ({
        key: e.key,
        kind: e.kind,
        id: e.id ?? e.key,
        inLedger: true,
        tagged: true,
        ...(e.details ? { details: e.details } : {}),
      }));
    return { found, fromLedger: true };
  }
}

/**
 * The lines that end a failed run once something exists: each resource with
 * its hourly price, the total, and the two ways out with this build's options
 * filled in. Empty when nothing exists (the run failed before its first create).
 */
export async function billingLines(session: Session, through: StepNumber): Promise<string[]> {
  const lang: Lang = session.config.lang;
  const { found, fromLedger } = await whatExists(session);
  if (found.length === 0) return [];
  const priced = found.map((f) => ({ f, hourly: resourceHourly(f, session.config) }));
  const total = priced.reduce((sum, p) => sum + p.hourly, 0);
  const place = placeOf(session);
  const head = text(
    `Still there (${place}${fromLedger ? ', as the ledger records it' : ''}), about ${formatUsd(total)}/hour while it exists (estimate, prices of ${PRICE_DATE}):`,
    `残っているもの(${place}${fromLedger ? '、台帳の記録による' : ''})。存在する間は 1 時間あたり約 ${formatUsd(total)}(${PRICE_DATE} 時点の価格による見積もり):`,
  );
  const lines = [head[lang]];
  for (const { f, hourly } of priced)
    lines.push(`  - ${f.kind} ${f.id}${f.state ? ` (${f.state})` : ''}${hourly > 0 ? `  ${formatUsd(hourly)}/h` : ''}`);
  lines.push(
    text('Two ways out:', '次のどちらかを実行してください:')[lang],
    `  ${resumeCommand(session.config, through)}   ${text('# continues from here', '# ここから続ける')[lang]}`,
    `  ${removeCommand(session.config)}   ${text('# removes all of it', '# すべて削除する')[lang]}`,
  );
  return lines;
}
