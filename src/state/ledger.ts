/**
 * The ledger: one JSON file per cluster name and mode that records every
 * resource the tutor creates, before its create call (an "intent") and after
 * (its id). Teardown reads it; a run that was interrupted resumes from it.
 *
 * File: <state dir>/<mode>/<cluster name>.json, written atomically.
 * Format (version 1):
 *   { "format": "eks-basics-tutor-ledger", "version": 1,
 *     "clusterName", "mode": "real" | "sandbox", "region", "endpoint"?, "accountId"?,
 *     "createdAt", "updatedAt",
 *     "entries": [ { "key", "kind", "step", "state": "intent" | "created" | "deleted",
 *                    "id"?, "intentAt", "createdAt"?, "deletedAt"?, "details"? } ],
 *     "facts": { "availabilityZones"?, "kubernetesVersion"?, ... } }
 * It holds ids and names only: never credentials or tokens.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kind } from '../aws/resources/kinds.js';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { readStateFile, StateFileWriter } from './json-file.js';

export const LEDGER_FORMAT = 'eks-basics-tutor-ledger';
export const LEDGER_VERSION = 1;

/** An entry's kind is one of the registry's kinds (src/aws/resources). */
export type ResourceKind = Kind;

export type EntryState = 'intent' | 'created' | 'deleted';

export interface LedgerEntry {
  /** Stable name of the resource within this build, e.g. `subnet/public/0`; also its `eks-basics-tutor/key` tag. */
  key: string;
  kind: ResourceKind;
  step: 1 | 2 | 3 | 4 | 5;
  state: EntryState;
  /** The AWS id (vpc-…, arn, name) once known. */
  id?: string;
  intentAt: string;
  createdAt?: string;
  deletedAt?: string;
  /** Non-secret facts worth keeping: the subnet's AZ and CIDR, the NAT's EIP, … */
  details?: Record<string, string>;
}

/** Facts learned along the way that later steps and later runs need. */
export interface LedgerFacts {
  availabilityZones?: string[];
  kubernetesVersion?: string;
  accountId?: string;
  /** The kubeconfig file the tutor wrote to, and the current-context before it. */
  kubeconfigPath?: string;
  previousContext?: string | null;
}

export interface LedgerData {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  clusterName: string;
  mode: 'real' | 'sandbox';
  region: string;
  endpoint?: string;
  createdAt: string;
  updatedAt: string;
  entries: LedgerEntry[];
  facts: LedgerFacts;
}

export interface LedgerIdentity {
  clusterName: string;
  mode: 'real' | 'sandbox';
  region: string;
  endpoint?: string;
}

export function ledgerPath(stateDir: string, mode: 'real' | 'sandbox', clusterName: string): string {
  return join(stateDir, mode, `${clusterName}.json`);
}

function isLedgerData(value: unknown): value is LedgerData {
  if (!value || typeof value !== 'object') return false;
  const data = value as Partial<LedgerData>;
  return (
    data.format === LEDGER_FORMAT &&
    data.version === LEDGER_VERSION &&
    typeof data.clusterName === 'string' &&
    Array.isArray(data.entries) &&
    data.entries.every((e) => e && typeof e.key === 'string' && typeof e.kind === 'string' && typeof e.state === 'string')
  );
}

/** A resource `created` was told of whose record could not be written: carried by the write's error as `$unrecorded`. */
export interface Unrecorded {
  key: string;
  kind: ResourceKind;
  id: string;
  mode: 'real' | 'sandbox';
  region: string;
  clusterName: string;
  details?: Record<string, string> | undefined;
}

/** What happened when the ledger was opened, for the learner to be told. */
export type LedgerOpening = 'new' | 'loaded' | { corrupted: string };

export class Ledger {
  readonly path: string;
  private data: LedgerData;
  readonly opening: LedgerOpening;
  private readonly file: StateFileWriter;

  private constructor(path: string, data: LedgerData, opening: LedgerOpening) {
    this.path = path;
    this.file = new StateFileWriter(path);
    this.data = data;
    this.opening = opening;
  }

  /**
   * Opens the ledger of a cluster name, or starts an empty one. A file that cannot
   * be read as a ledger is moved aside to `<file>.corrupt-<time>` (never discarded)
   * and an empty ledger takes its place; the caller rebuilds it from the tags.
   */
  static async open(stateDir: string, identity: LedgerIdentity): Promise<Ledger> {
    const path = ledgerPath(stateDir, identity.mode, identity.clusterName);
    const raw = await readStateFile(path).catch((error: unknown) => {
      throw new TutorError('LEDGER', text(`Cannot read the ledger ${path}.`, `台帳ファイル ${path} を読めません。`), error);
    });
    if (raw === undefined) return new Ledger(path, Ledger.empty(identity), 'new');
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!isLedgerData(parsed)) throw new Error('not a ledger of this version');
      return new Ledger(path, parsed, 'loaded');
    } catch {
      const backup = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, backup);
      return new Ledger(path, Ledger.empty(identity), { corrupted: backup });
    }
  }

  /** A ledger that lives only in memory (dry-run). */
  static inMemory(identity: LedgerIdentity): Ledger {
    const ledger = new Ledger('', Ledger.empty(identity), 'new');
    return ledger;
  }

  private static empty(identity: LedgerIdentity): LedgerData {
    const now = new Date().toISOString();
    return {
      format: LEDGER_FORMAT,
      version: LEDGER_VERSION,
      clusterName: identity.clusterName,
      mode: identity.mode,
      region: identity.region,
      ...(identity.endpoint ? { endpoint: identity.endpoint } : {}),
      createdAt: now,
      updatedAt: now,
      entries: [],
      facts: {},
    };
  }

  get clusterName(): string {
    return this.data.clusterName;
  }
  get region(): string {
    return this.data.region;
  }
  get endpoint(): string | undefined {
    return this.data.endpoint;
  }
  get facts(): Readonly<LedgerFacts> {
    return this.data.facts;
  }
  get entries(): readonly LedgerEntry[] {
    return this.data.entries;
  }

  /** Entries that exist or may exist: everything not yet deleted. */
  get live(): LedgerEntry[] {
    return this.data.entries.filter((e) => e.state !== 'deleted');
  }

  get(key: string): LedgerEntry | undefined {
    return this.data.entries.find((e) => e.key === key);
  }

  async setFacts(facts: Partial<LedgerFacts>): Promise<void> {
    this.data.facts = { ...this.data.facts, ...facts };
    await this.save();
  }

  /** Records that a resource is about to be created, before the create call. */
  async intend(key: string, kind: ResourceKind, step: LedgerEntry['step'], details?: Record<string, string>): Promise<LedgerEntry> {
    const existing = this.get(key);
    const now = new Date().toISOString();
    if (existing && existing.state !== 'deleted') return existing;
    const entry: LedgerEntry = { key, kind, step, state: 'intent', intentAt: now, ...(details ? { details } : {}) };
    if (existing) Object.assign(existing, entry, { id: undefined, createdAt: undefined, deletedAt: undefined });
    else this.data.entries.push(entry);
    await this.save();
    return existing ?? entry;
  }

  /** Records the id of a resource that now exists (created or adopted). */
  async created(key: string, id: string, details?: Record<string, string>): Promise<void> {
    const entry = this.require(key);
    entry.state = 'created';
    entry.id = id;
    entry.createdAt ??= new Date().toISOString();
    if (details) entry.details = { ...entry.details, ...details };
    delete entry.deletedAt;
    await this.save().catch((error: unknown) => {
      // The resource exists but the file does not say so: the error names it (explained in aws/local-errors.ts).
      const { mode, region, clusterName } = this.data;
      const what: Unrecorded = { key, kind: entry.kind, id, mode, region, clusterName, details: entry.details };
      if (error && typeof error === 'object') Object.defineProperty(error, '$unrecorded', { value: what });
      throw error;
    });
  }

  async deleted(key: string): Promise<void> {
    const entry = this.get(key);
    if (!entry || entry.state === 'deleted') return;
    entry.state = 'deleted';
    entry.deletedAt = new Date().toISOString();
    await this.save();
  }

  /** Starts over for another server (a fresh sandbox): entries and facts are forgotten. */
  async reset(endpoint: string | undefined): Promise<void> {
    this.data.entries = [];
    this.data.facts = {};
    if (endpoint) this.data.endpoint = endpoint;
    else delete this.data.endpoint;
    await this.save();
  }

  /**
   * A ledger with nothing live may start a build somewhere else: it takes this
   * command's region, endpoint and account (in memory; written with the next change).
   */
  rebind(place: { region: string; endpoint?: string | undefined; account?: string | undefined }): void {
    if (this.live.length > 0) return;
    // Zones and versions learned in another region or endpoint say nothing about this one.
    if (this.data.region !== place.region || (this.data.endpoint ?? '') !== (place.endpoint ?? '')) this.data.facts = {};
    this.data.region = place.region;
    if (place.endpoint) this.data.endpoint = place.endpoint;
    else delete this.data.endpoint;
    if (place.account) this.data.facts = { ...this.data.facts, accountId: place.account };
  }

  /** Forgets every entry; used when a sandbox starts fresh and after a complete teardown. */
  async clear(): Promise<void> {
    this.data.entries = [];
    this.data.facts = {};
    await this.save();
  }

  private require(key: string): LedgerEntry {
    const entry = this.get(key);
    if (!entry) throw new Error(`ledger has no entry ${key}`);
    return entry;
  }

  /** Writes the whole file atomically; writes are serialised so the last state always lands. */
  save(): Promise<void> {
    if (!this.path) return Promise.resolve();
    this.data.updatedAt = new Date().toISOString();
    return this.file.write(this.data);
  }

  toJSON(): LedgerData {
    return this.data;
  }
}
