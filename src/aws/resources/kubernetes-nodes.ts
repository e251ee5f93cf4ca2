import { KEYS, MINUTE } from './facts.js';
import type { KindDeclaration } from './types.js';

/** The nodes' Ready count kubectl reports (step 5 waits for it): not an AWS resource, so nothing to find or destroy. */
export const kubernetesNodesKind: KindDeclaration<'kubernetes-nodes'> = {
  kind: 'kubernetes-nodes',
  keys: [{ prefix: KEYS.nodes, step: 5 }],
  deleteRank: 11,
  inventoried: false,
  lifecycle: { pollMs: 10_000, createMs: MINUTE, deleteMs: 0 },
};
