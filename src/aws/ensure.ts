import type { LedgerEntry } from '../state/ledger.js';
import type { Kind } from './resources/kinds.js';
import { AmbiguousCreateError } from './ambiguous.js';
import type { StepContext } from './types.js';

export interface EnsureSpec {
  key: string;
  kind: Kind;
  step: LedgerEntry['step'];
  /** Finds the resource this tutor made for `key`, by its tags; undefined when there is none. */
  find: () => Promise<string | undefined>;
  /** Creates it (tagged with `key`) and returns its id. */
  create: () => Promise<string>;
  details?: Record<string, string>;
}

/** How often a create whose answer was lost is looked for by tag before it is sent again. */
const LOOKS_AFTER_LOST_ANSWER = 3;

/**
 * The one way a step makes a resource: look for it first (a re-run adopts
 * what exists, an intent left by a killed run is resolved by tag), otherwise
 * record the intent, create, and record the id.
 */
export async function ensureResource(ctx: StepContext, spec: EnsureSpec): Promise<string> {
  const found = await spec.find();
  if (found) {
    const entry = ctx.ledger.get(spec.key);
    if (entry?.state !== 'created' || entry.id !== found) {
      await ctx.ledger.intend(spec.key, spec.kind, spec.step);
      await ctx.ledger.created(spec.key, found, spec.details);
      // Only news is reported: a resource the ledger already knew is not "adopted" again.
      ctx.emit({ type: 'resource', key: spec.key, kind: spec.kind, id: found, change: 'adopted' });
    }
    return found;
  }
  await ctx.ledger.intend(spec.key, spec.kind, spec.step, spec.details);
  ctx.emit({ type: 'resource', key: spec.key, kind: spec.kind, change: 'creating' });
  let id: string | undefined;
  for (let attempt = 1; id === undefined; attempt++) {
    try {
      id = await spec.create();
    } catch (error) {
      if (!(error instanceof AmbiguousCreateError) || attempt >= 5) throw error instanceof AmbiguousCreateError ? error.original : error;
      // The answer was lost: the resource may exist. Its tags say so before anything is sent again;
      // a resource made moments ago may not be listed at once, so it is looked for three times.
      for (let look = 1; look <= LOOKS_AFTER_LOST_ANSWER && id === undefined; look++) {
        await ctx.clock.sleep(1000 * attempt * look, ctx.signal);
        id = await spec.find();
      }
    }
  }
  await ctx.ledger.created(spec.key, id, spec.details);
  ctx.emit({ type: 'resource', key: spec.key, kind: spec.kind, id, change: 'created' });
  return id;
}
