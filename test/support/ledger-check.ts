import { readFile } from 'node:fs/promises';
import type { LedgerData, LedgerEntry } from '../../src/state/ledger.js';
import type { Tagged } from './census.js';

export async function readLedger(path: string): Promise<LedgerData> {
  return JSON.parse(await readFile(path, 'utf8')) as LedgerData;
}

/** The ledger id names the thing: the same id, or an ARN ending in its name (roles, clusters, node groups). */
function sameThing(entry: LedgerEntry, found: Tagged): boolean {
  if (entry.id === undefined) return true;
  return entry.id === found.id || entry.id.endsWith(`/${found.id}`) || entry.id.includes(`/${found.id}/`);
}

/**
 * What a ledger must say about what exists, at any moment, even right after a
 * kill -9: everything tagged for the cluster is recorded, at worst as an intent
 * without an id; everything recorded as created still exists. Returns the breaches.
 */
export function ledgerBreaches(ledger: LedgerData, found: Tagged[]): string[] {
  const breaches: string[] = [];
  const live = ledger.entries.filter((e) => e.state !== 'deleted');
  for (const f of found) {
    // EKS makes the cluster security group itself and copies the cluster's tags onto it.
    if (f.kind === 'security-group') continue;
    const entry = live.find((e) => e.key === f.key);
    if (!entry) breaches.push(`${f.kind} ${f.id} (key ${f.key || 'none'}) exists but the ledger does not know it`);
    else if (!sameThing(entry, f)) breaches.push(`${f.kind} ${f.id} exists but the ledger's ${entry.key} is ${entry.id}`);
  }
  for (const entry of live) {
    if (entry.state !== 'created' || entry.kind === 'policy-attachment' || entry.kind === 'kubeconfig') continue;
    if (!found.some((f) => f.key === entry.key && sameThing(entry, f)))
      breaches.push(`the ledger's ${entry.key} (${entry.id}) is created but does not exist`);
  }
  return breaches;
}
