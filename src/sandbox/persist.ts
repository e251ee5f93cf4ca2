/**
 * What a sandbox keeps on disk so that it survives a stop and a reboot, in
 * `<state dir>/sandbox/server/` (next to the sandbox ledgers, which are
 * `<state dir>/sandbox/<cluster>.json`; a directory never clashes with them):
 *
 *   daemon.json       where the running sandbox listens (pid, start time, URLs); gone when it stops
 *   state.json        the seed and warm-up region moto's ids follow, and the ports to ask for again
 *   memory.json       the sandbox's own Memory (what it saw created and deleted, and when),
 *                     and the Kubernetes API's store (what learners made in their clusters)
 *   moto-recording.jsonl  moto's recorder file: every request moto answered, replayed at start
 *   ca.crt, server.crt, server.key   the Kubernetes API's certificate, so kubeconfig entries stay valid
 *   aws-cli-data/     the aws CLI's EKS waiters at the sandbox's time scale, for AWS_DATA_PATH (aws-cli-waiters.ts)
 *   sandbox.log       what the sandbox did
 *   start.lock        held while one command starts the sandbox
 *
 * Files are written atomically (write-file-atomic), private (0600) in a 0700 directory.
 * Nothing here is a credential: the sandbox's keys are the fixed dummy ones.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { emptyStore, type KubeStore } from './kube-store.js';
import type { Memory } from './timeline.js';

export function sandboxDir(stateDir: string): string {
  return join(stateDir, 'sandbox', 'server');
}

export const FILES = {
  daemon: 'daemon.json',
  state: 'state.json',
  memory: 'memory.json',
  recording: 'moto-recording.jsonl',
  ca: 'ca.crt',
  cert: 'server.crt',
  key: 'server.key',
  log: 'sandbox.log',
  lock: 'start.lock',
} as const;

/** What the sandbox's contents depend on, kept across starts. */
export interface PersistState {
  format: 'eks-basics-tutor-sandbox';
  version: 1;
  /** moto's random seed: replaying the recording after the same seed gives the same ids. */
  seed: number;
  /** The region moto was warmed up in before recording began (part of what the ids depend on). */
  warmRegion: string;
  /** The ports last used, asked for again at the next start. */
  ports: { proxy?: number; moto?: number; kube: Record<string, number> };
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

export async function loadState(dir: string, region: string): Promise<{ state: PersistState; fresh: boolean }> {
  const saved = await readJson<PersistState>(join(dir, FILES.state));
  if (saved?.format === 'eks-basics-tutor-sandbox' && Number.isInteger(saved.seed)) {
    return { state: { ...saved, ports: { ...saved.ports, kube: { ...saved.ports?.kube } } }, fresh: false };
  }
  return {
    state: {
      format: 'eks-basics-tutor-sandbox',
      version: 1,
      seed: Math.floor(Math.random() * 2 ** 31),
      warmRegion: region,
      ports: { kube: {} },
    },
    fresh: true,
  };
}

/**
 * The Memory as JSON, generically: every Map (and Set) it holds, by field
 * name, so memos added to Memory later are kept without changes here.
 */
export function memoryToJson(memory: Memory): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, value] of Object.entries(memory as unknown as Record<string, unknown>)) {
    if (value instanceof Map) out[name] = [...value.entries()];
    else if (value instanceof Set) out[name] = [...value.values()];
  }
  return out;
}

/** Fills a fresh Memory from `memoryToJson`'s output; fields it no longer has are ignored. */
export function restoreMemory(memory: Memory, data: Record<string, unknown[]> | undefined): void {
  if (!data) return;
  const fields = memory as unknown as Record<string, unknown>;
  for (const [name, entries] of Object.entries(data)) {
    const target = fields[name];
    if (!Array.isArray(entries)) continue;
    if (target instanceof Map) for (const entry of entries) if (Array.isArray(entry) && entry.length === 2) target.set(entry[0], entry[1]);
    if (target instanceof Set) for (const entry of entries) target.add(entry);
  }
}

/** Where memory.json keeps the Kubernetes store; not a Memory field, so restoreMemory leaves it alone. */
const KUBE_FIELD = 'kubernetes';

const kubeStores = new WeakMap<Memory, KubeStore>();

/**
 * The Kubernetes API's store kept with this Memory: saved and loaded with it
 * (keepMemory, loadMemory), so Deployments and Services outlive a stop as the
 * load balancers they made in moto do.
 */
export function kubeStoreOf(memory: Memory): KubeStore {
  let store = kubeStores.get(memory);
  if (!store) {
    store = emptyStore();
    kubeStores.set(memory, store);
  }
  return store;
}

/** What memory.json holds: the Memory's maps, and the Kubernetes store. */
export function savedMemory(memory: Memory): Record<string, unknown> {
  return { ...memoryToJson(memory), [KUBE_FIELD]: kubeStoreOf(memory) };
}

/**
 * Writes the Memory whenever it changed, checked once a second (memos are
 * changed in place, so there is no single place to hook), and once more at stop.
 */
export function keepMemory(memory: Memory, dir: string): { flush(): Promise<void>; stop(): Promise<void> } {
  const path = join(dir, FILES.memory);
  let last = '';
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const json = JSON.stringify(savedMemory(memory));
    if (json === last) return writing;
    last = json;
    const write = () => writeFileAtomic(path, `${json}\n`, { mode: 0o600 });
    writing = writing.then(write, write);
    return writing;
  };
  const timer = setInterval(() => void flush().catch(() => undefined), 1000);
  timer.unref();
  return {
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

export async function loadMemory(memory: Memory, dir: string): Promise<void> {
  const data = await readJson<Record<string, unknown>>(join(dir, FILES.memory));
  restoreMemory(memory, data as Record<string, unknown[]> | undefined);
  const kube = data?.[KUBE_FIELD] as Partial<KubeStore> | undefined;
  if (kube && typeof kube.clusters === 'object' && kube.clusters !== null) Object.assign(kubeStoreOf(memory).clusters, kube.clusters);
}
