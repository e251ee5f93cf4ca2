import { TutorError } from '../errors.js';
import type { LedgerEntry } from '../state/ledger.js';
import { text, type Text } from '../text.js';
import type { Kind } from './resources/kinds.js';
import { AmbiguousCreateError } from './ambiguous.js';
import { hasKeyTags, isOurs, keyFilters } from './tags.js';
import type { StepContext } from './types.js';

export interface EnsureSpec {
  key: string;
  kind: Kind;
  step: LedgerEntry['step'];
  /** Finds the resource this tutor made for `key` (by its tags, or by its name: ensureNamed); undefined when there is none. */
  find: () => Promise<string | undefined>;
  /**
   * Run only when nothing was found, before the intent is recorded: what the
   * create needs and may refuse (a failure leaves no intent behind). What it
   * returns is recorded with the intent and the id, beside `details`.
   */
  ready?: () => Promise<Record<string, string> | void>;
  /** Creates it (tagged with `key`) and returns its id; `intent` is the ledger's entry, whose `intentAt` an idempotency token is made of. */
  create: (intent: LedgerEntry) => Promise<string>;
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
  const extra = await spec.ready?.();
  const details = extra ? { ...spec.details, ...extra } : spec.details;
  const intent = await ctx.ledger.intend(spec.key, spec.kind, spec.step, details);
  ctx.emit({ type: 'resource', key: spec.key, kind: spec.kind, change: 'creating' });
  let id: string | undefined;
  for (let attempt = 1; id === undefined; attempt++) {
    try {
      id = await spec.create(intent);
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
  await ctx.ledger.created(spec.key, id, details);
  ctx.emit({ type: 'resource', key: spec.key, kind: spec.kind, id, change: 'created' });
  return id;
}

/** A resource of the tutor's name that is someone else's: left alone, and the learner told to choose another name. */
export function nameTaken(label: Text, name: string): TutorError {
  return new TutorError(
    'NAME_TAKEN',
    text(
      `${label.en} named ${name} already exists and was not made by eks-basics-tutor. The tutor will not touch it: choose another --cluster-name.`,
      `${label.ja} ${name} はすでに存在し、eks-basics-tutor が作成したものではありません。触れずにおくので、別の --cluster-name を指定してください。`,
    ),
  );
}

type Tags = ReadonlyArray<{ Key?: string; Value?: string }> | Record<string, string> | undefined;

export interface NamedSpec<T> extends Omit<EnsureSpec, 'find'> {
  /** The name it is made with and looked for by. */
  name: string;
  /** The kind as NAME_TAKEN names it, with its article in English: "An EKS cluster", "EKS クラスター". */
  label: Text;
  /** Looks it up by name: undefined when there is none (or none that counts: one being deleted). */
  describe: () => Promise<T | undefined>;
  /** Its tags: it is ours when they carry this cluster name. */
  tags: (found: T) => Tags;
  /** Whether it is ours, for a kind whose own rule is not its tags alone (an add-on the ledger recorded); by default, `tags`. */
  ours?: (found: T) => boolean;
  /** The id the ledger records. */
  id: (found: T) => string;
  /** A create refused because the name is in use: a create sent again whose first answer was lost. It is looked up again. */
  nameInUse?: (error: unknown) => boolean;
}

/**
 * Ensures a resource found by its name (an IAM role, the EKS cluster, the node
 * group): one of that name is adopted when its tags say it is ours, and is
 * otherwise left alone with NAME_TAKEN; with none, it is made as
 * `ensureResource` makes any resource.
 */
export async function ensureNamed<T>(ctx: StepContext, spec: NamedSpec<T>): Promise<string> {
  const { name, label, describe, tags, ours, id, nameInUse, create, ...target } = spec;
  const find = async (): Promise<string | undefined> => {
    const found = await describe();
    if (found === undefined) return undefined;
    if (!(ours ? ours(found) : isOurs(tags(found), ctx.config.clusterName))) throw nameTaken(label, name);
    return id(found);
  };
  return ensureResource(ctx, {
    ...target,
    find,
    create: async (intent) => {
      try {
        return await create(intent);
      } catch (error) {
        if (!nameInUse?.(error)) throw error;
        const found = await find();
        if (found === undefined) throw nameTaken(label, name);
        return found;
      }
    },
  });
}

/** What a step asks of a kind's `ensure`: the ledger key and step it records, and what it keeps with the id. */
export interface EnsureTarget {
  key: string;
  step: LedgerEntry['step'];
  details?: Record<string, string>;
}

/** A resource made or adopted; `fresh` when this call made it (it has no attachments, routes or associations yet). */
export interface Ensured {
  id: string;
  fresh: boolean;
}

type Filters = { Name: string; Values: string[] }[];

/**
 * Ensures a resource that carries the tutor's tags for its key (a VPC, a
 * subnet, …): it is ours when both tags are on it. Filters narrow the answer,
 * but the tags are checked here too: an endpoint that ignores a filter must
 * never make the tutor adopt someone else's resource.
 */
export async function ensureTagged<T extends { Tags?: { Key?: string; Value?: string }[] }>(
  ctx: StepContext,
  target: EnsureTarget,
  spec: {
    kind: Kind;
    /** Lists the candidates that the filters (this build's two tags for the key) match. */
    list: (filters: Filters) => Promise<T[] | undefined>;
    id: (item: T) => string | undefined;
    /** As EnsureSpec's `ready`: run only when nothing was found, before the intent is recorded. */
    ready?: EnsureSpec['ready'];
    create: () => Promise<string | undefined>;
  },
): Promise<Ensured> {
  const name = ctx.config.clusterName;
  let fresh = false;
  const id = await ensureResource(ctx, {
    ...target,
    kind: spec.kind,
    ...(spec.ready ? { ready: spec.ready } : {}),
    find: async () =>
      (await spec.list(keyFilters(name, target.key)))
        ?.filter((item) => hasKeyTags(item.Tags, name, target.key))
        .map(spec.id)
        .find(Boolean),
    create: async () => {
      const made = (await spec.create()) ?? '';
      fresh = true;
      return made;
    },
  });
  return { id, fresh };
}
