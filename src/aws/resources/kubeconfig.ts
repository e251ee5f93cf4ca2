import { kubeconfigPath, readKubeconfig, removeEntry, writeKubeconfig } from '../../kube/kubeconfig.js';
import type { Ledger } from '../../state/ledger.js';
import { KEYS } from './kinds.js';
import type { ResourceType } from './types.js';

/**
 * Takes the tutor's cluster, user and context out of the kubeconfig it wrote
 * to, and puts back the context that was current before. Nothing else changes.
 */
export async function removeTutorKubeconfig(ledger: Ledger, path?: string): Promise<void> {
  const entry = ledger.get(KEYS.kubeconfig);
  if (!entry?.id) return;
  const file = path || entry.details?.path || ledger.facts.kubeconfigPath || kubeconfigPath();
  const source = await readKubeconfig(file);
  if (source === undefined) return;
  const next = removeEntry(source, entry.id, ledger.facts.previousContext ?? null);
  if (next !== source) await writeKubeconfig(file, next);
}

export const kubeconfigResource: ResourceType = {
  kind: 'kubeconfig',
  async find({ ctx }) {
    const entry = ctx.ledger.get(KEYS.kubeconfig);
    if (!entry || entry.state === 'deleted' || !entry.id) return [];
    return [{ key: KEYS.kubeconfig, kind: 'kubeconfig', id: entry.id, inLedger: true, tagged: true, details: { path: entry.details?.path ?? '' } }];
  },
  async destroy(ctx, f) {
    await removeTutorKubeconfig(ctx.ledger, f.details?.path);
  },
};
