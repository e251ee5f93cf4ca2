/**
 * The registry of resource types: every kind (the steps' definitions list
 * them, each declared in its own file beside this one with its facts, find,
 * ensure and destroy; kinds.ts gathers them) that an inventory finds and a
 * teardown destroys.
 */
import type { Found } from './found.js';
import { DECLARED, deleteRank } from './kinds.js';
import type { KindDeclaration, ResourceType } from './types.js';

export { KINDS, LEFT_BY_THE_CLUSTER, deleteRank, lifecycle, stepOf, type Kind } from './kinds.js';

const inAws = (d: KindDeclaration): d is ResourceType => Boolean(d.find && d.destroy);

/** In the order an inventory lists them: a teardown's. */
export const RESOURCES: readonly ResourceType[] = DECLARED.filter(inAws);

export function resourceType(kind: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

/** AWS's dependency order: what holds something goes before it; kinds of one rank keep their order. */
export function deleteOrder(found: readonly Found[]): Found[] {
  return [...found].sort((a, b) => deleteRank(a.kind) - deleteRank(b.kind));
}
