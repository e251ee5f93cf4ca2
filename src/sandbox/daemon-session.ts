/**
 * The sandbox side of opening a session (src/session.ts): attach to the
 * background sandbox of the state directory, and keep the ledger and the
 * kubeconfig entries true to it. Nothing here clears a ledger or removes a
 * kubeconfig entry of a sandbox that is running: a ledger that does not match
 * the sandbox is checked against what the sandbox holds, and says so.
 */
import type { TutorConfig } from '../config.js';
import type { Found } from '../aws/inventory.js';
import { readEntry, readKubeconfig, writeKubeconfig } from '../kube/kubeconfig.js';
import type { Ledger, ResourceKind } from '../state/ledger.js';
import { text, type Text } from '../text.js';
import type { Sandbox } from './index.js';

/** The sandbox a session works with: the background one, or (with --endpoint-url) one in this process over that moto. */
export async function openSessionSandbox(config: TutorConfig, region: string, notes: Text[]): Promise<Sandbox> {
  if (config.endpointUrl) {
    const { startSandbox } = await import('./index.js');
    return startSandbox({ timeScale: config.timeScale, region, motoUrl: config.endpointUrl });
  }
  const { attachSandbox, timeScaleNote } = await import('./daemon-client.js');
  const sandbox = await attachSandbox({ stateDir: config.stateDir, region, timeScale: config.timeScale });
  const note = timeScaleNote(sandbox.record, config.timeScale);
  if (note) notes.push(note);
  return sandbox;
}

/** What a sandbox ledger records as its endpoint: the AWS endpoint (its port is kept across restarts), or the learner's moto. */
export function sandboxLedgerEndpoint(config: TutorConfig, sandbox: Sandbox): string {
  return config.endpointUrl ? sandbox.motoUrl : sandbox.endpointUrl;
}

/** Kinds the inventory looks for; an entry of one of these that it does not find is gone from the sandbox. */
const CHECKED: ResourceKind[] = [
  'iam-role',
  'vpc',
  'subnet',
  'internet-gateway',
  'route-table',
  'elastic-ip',
  'nat-gateway',
  'eks-cluster',
  'eks-nodegroup',
];

/**
 * A ledger made against another endpoint than the sandbox's now: each
 * recorded resource is looked for in the sandbox; what is not there is marked
 * deleted, what is there is kept, and the ledger takes the sandbox's endpoint.
 */
export async function reconcileLedger(ledger: Ledger, endpoint: string, inventory: () => Promise<Found[]>, notes: Text[]): Promise<void> {
  const before = ledger.endpoint;
  const found = (await inventory()).filter((f) => f.state !== 'deleted');
  const exists = (id: string | undefined, key: string) => found.some((f) => (id !== undefined && f.id === id) || f.key === key);
  const live = ledger.live;
  let gone = 0;
  for (const entry of live) {
    if (!CHECKED.includes(entry.kind) || exists(entry.id, entry.key)) continue;
    await ledger.deleted(entry.key);
    gone += 1;
  }
  const roleGone = (roleKey: string | undefined) => roleKey !== undefined && ledger.get(roleKey)?.state === 'deleted';
  for (const entry of ledger.live) {
    if (
      entry.kind === 'policy-attachment' &&
      roleGone(entry.details?.roleKey ?? live.find((e) => e.kind === 'iam-role' && entry.key.startsWith(e.key))?.key)
    ) {
      await ledger.deleted(entry.key);
      gone += 1;
    }
  }
  // A cluster no longer there takes its kubeconfig entry with it: that entry names a server that is gone.
  const kubeconfig = ledger.get('kubeconfig');
  const cluster = live.find((e) => e.kind === 'eks-cluster');
  if (cluster && ledger.get(cluster.key)?.state === 'deleted' && kubeconfig && kubeconfig.state !== 'deleted') {
    const { removeTutorKubeconfig } = await import('../aws/teardown.js');
    await removeTutorKubeconfig(ledger);
    await ledger.deleted(kubeconfig.key);
    gone += 1;
  }
  // The ledger now belongs to this sandbox (the data object is the ledger's own; saved at once).
  ledger.toJSON().endpoint = endpoint;
  await ledger.save();
  const kept = ledger.live.length;
  notes.push(
    text(
      `The ledger ${ledger.path} was made with the sandbox at ${before ?? '(unknown)'}; the sandbox now answers at ${endpoint}. Checked against what it holds: ${kept} recorded item${kept === 1 ? '' : 's'} still there${gone > 0 ? `, ${gone} no longer there and marked deleted` : ''}.`,
      `台帳 ${ledger.path} は ${before ?? '(不明)'} のサンドボックスで作られました。サンドボックスは現在 ${endpoint} で応答します。中身と照合した結果、記録 ${kept} 件は残っています${gone > 0 ? `。${gone} 件はもうないため削除済みにしました` : ''}。`,
    ),
  );
}

/**
 * When the sandbox had to give a cluster's Kubernetes API another port (the
 * old one was taken), the tutor's kubeconfig entry for it is pointed at the
 * new one, and the learner is told.
 */
export async function followMovedPorts(ledger: Ledger, sandbox: Sandbox, notes: Text[]): Promise<void> {
  const entry = ledger.get('kubeconfig');
  if (!entry?.id || entry.state === 'deleted') return;
  const moved = sandbox.moved.find((m) => m.what === `kube/${ledger.region}/${ledger.clusterName}`);
  if (!moved) return;
  const file = entry.details?.path || ledger.facts.kubeconfigPath;
  if (!file) return;
  const source = await readKubeconfig(file).catch(() => undefined);
  const current = source === undefined ? undefined : readEntry(source, entry.id);
  const from = `https://127.0.0.1:${moved.from}`;
  const to = `https://127.0.0.1:${moved.to}`;
  if (!source || current?.server !== from) return;
  const line = `server: ${from}`;
  if (source.split(line).length !== 2) return;
  await writeKubeconfig(file, source.replace(line, `server: ${to}`));
  notes.push(
    text(
      `Port ${moved.from} was taken, so the sandbox's Kubernetes API for ${ledger.clusterName} now listens on ${moved.to}; the kubeconfig entry ${entry.id} in ${file} was updated.`,
      `ポート ${moved.from} が使用中だったため、${ledger.clusterName} の Kubernetes API は ${moved.to} で待ち受けています。${file} の kubeconfig エントリー ${entry.id} を更新しました。`,
    ),
  );
}
