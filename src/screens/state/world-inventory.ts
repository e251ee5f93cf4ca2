import type { Found } from '../../aws/inventory.js';
import { INVENTORIED, phaseOfStatus } from './resources.js';
import type { ResourceView, World } from './world-types.js';

/** An inventory is a snapshot of what exists: it fills in ids, states and details, and says what is gone. */
export function onInventory(world: World, found: (Found & { since?: number })[], at: number): World {
  const resources: Record<string, ResourceView> = {};
  const seen = new Set<string>();
  for (const f of found) {
    if (f.kind === 'policy-attachment') continue;
    seen.add(f.key);
    const before = world.resources[f.key];
    const phase = f.state ? phaseOfStatus(f.state) : 'ready';
    resources[f.key] = {
      ...(before ?? {}),
      key: f.key,
      kind: f.kind,
      id: f.id,
      // A wait in progress knows better than a snapshot.
      phase:
        before && (before.phase === 'deleting' || (before.phase === 'creating' && phase === 'ready' && before.statusAt !== undefined))
          ? before.phase
          : phase,
      ...(f.state ? { status: f.state } : {}),
      since: before?.since ?? f.since ?? at,
      ...(f.details ? { details: { ...(before?.details ?? {}), ...f.details } } : {}),
    };
    delete resources[f.key]!.until;
  }
  for (const [key, view] of Object.entries(world.resources)) {
    if (seen.has(key)) continue;
    if (!INVENTORIED.has(view.kind)) {
      resources[key] = view;
      continue;
    }
    // Not found any more: gone, unless it is still being made (its id may not be known yet).
    resources[key] = view.phase === 'ready' || view.phase === 'deleting' ? { ...view, phase: 'deleted', until: view.until ?? at } : view;
  }
  return { ...world, resources };
}
