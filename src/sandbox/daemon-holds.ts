import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LEDGER_FORMAT, Ledger } from '../state/ledger.js';
import { SANDBOX_CREDENTIALS } from './sandbox-env.js';
import { MotoClient } from './moto-client.js';
import { childText, items } from './xml.js';

/** What a running sandbox holds in one region, as `sandbox status` lists it. */
export interface Holdings {
  clusters: string[];
  vpcs: { id: string; cidr: string }[];
}

/** Clusters and (non-default) VPCs, asked through the sandbox's AWS endpoint. */
export async function holdings(endpointUrl: string, region: string): Promise<Holdings> {
  const client = new MotoClient(endpointUrl);
  const scope = { accessKeyId: SANDBOX_CREDENTIALS.accessKeyId, region };
  const clusters = await client.eks(scope, 'GET', '/clusters');
  const vpcs = await client.ec2(scope, { Action: 'DescribeVpcs' });
  return {
    clusters: Array.isArray(clusters.json?.clusters) ? (clusters.json.clusters as string[]) : [],
    vpcs: items(vpcs.root, 'vpcSet')
      .filter((vpc) => childText(vpc, 'isDefault') !== 'true')
      .map((vpc) => ({ id: childText(vpc, 'vpcId'), cidr: childText(vpc, 'cidrBlock') })),
  };
}

/** The sandbox ledgers of a state directory (`<state dir>/sandbox/<cluster>.json`). */
export async function sandboxLedgers(stateDir: string): Promise<Ledger[]> {
  let names: string[];
  try {
    names = (await readdir(join(stateDir, 'sandbox'))).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const ledgers: Ledger[] = [];
  for (const name of names) {
    // Only files that read as ledgers are opened: opening sets an unreadable one aside, and listing must change nothing.
    const raw = await readFile(join(stateDir, 'sandbox', name), 'utf8').catch(() => '');
    try {
      if ((JSON.parse(raw) as { format?: string }).format !== LEDGER_FORMAT) continue;
    } catch {
      continue;
    }
    const ledger = await Ledger.open(stateDir, { clusterName: name.slice(0, -'.json'.length), mode: 'sandbox', region: 'us-east-1' }).catch(
      () => undefined,
    );
    if (ledger && ledger.opening === 'loaded') ledgers.push(ledger);
  }
  return ledgers;
}
