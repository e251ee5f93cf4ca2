import { kubeconfigPath } from '../../kube/kubeconfig-path.js';
import type { Ledger, LedgerEntry } from '../../state/ledger.js';
import type { Found } from './found.js';
import { KEYS } from './facts.js';
import type { ResourceType } from './types.js';

/** The tutor's kubeconfig entries in the ledger: step 4's, then any a day-two action added (the second cluster's). */
function tutorEntries(ledger: Ledger): LedgerEntry[] {
  const main = ledger.get(KEYS.kubeconfig);
  const others = ledger.live.filter((e) => e.kind === 'kubeconfig' && e.key !== KEYS.kubeconfig);
  return [...(main ? [main] : []), ...others];
}

/**
 * Takes the tutor's clusters, users and contexts out of the kubeconfig it wrote
 * to (all of them, or those of `keys`), and puts back the context that was
 * current before. Nothing else changes.
 */
export async function removeTutorKubeconfig(ledger: Ledger, path?: string, keys?: readonly string[]): Promise<void> {
  const entries = (keys ? keys.map((k) => ledger.get(k)) : tutorEntries(ledger)).filter((e): e is LedgerEntry => Boolean(e?.id));
  const byFile = new Map<string, string[]>();
  for (const entry of entries) {
    const file = path || entry.details?.path || ledger.facts.kubeconfigPath || kubeconfigPath();
    byFile.set(file, [...(byFile.get(file) ?? []), entry.id!]);
  }
  if (byFile.size === 0) return;
  const { readKubeconfig, removeEntry, writeKubeconfig } = await import('../../kube/kubeconfig.js');
  for (const [file, names] of byFile) {
    const source = await readKubeconfig(file);
    if (source === undefined) continue;
    const next = names.reduce((text, name) => removeEntry(text, name, ledger.facts.previousContext ?? null), source);
    if (next !== source) await writeKubeconfig(file, next);
  }
}

/** Step 4's entry in the learner's kubeconfig, and those a day-two action added. */
export const kubeconfigResource: ResourceType<'kubeconfig'> = {
  kind: 'kubeconfig',
  keys: [{ prefix: KEYS.kubeconfig, step: 4 }],
  deleteRank: 100,
  inventoried: true,
  async find({ ctx }) {
    const found: Found[] = [];
    for (const entry of tutorEntries(ctx.ledger)) {
      if (entry.state === 'deleted' || !entry.id) continue;
      found.push({
        key: entry.key,
        kind: 'kubeconfig',
        id: entry.id,
        inLedger: true,
        tagged: true,
        details: { path: entry.details?.path ?? '' },
      });
    }
    return found;
  },
  async destroy(ctx, f) {
    await removeTutorKubeconfig(ctx.ledger, f.details?.path, [f.key]);
  },
};
