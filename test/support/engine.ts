import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TutorConfig } from '../../src/config.js';
import { createClients, type ClientSettings } from '../../src/aws/clients.js';
import { Engine } from '../../src/aws/engine.js';
import type { KubectlRunner } from '../../src/aws/types.js';
import { Ledger } from '../../src/state/ledger.js';

export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export async function tempDir(prefix = 'ebt-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function testConfig(stateDir: string, overrides: Partial<TutorConfig> = {}): TutorConfig {
  return {
    mode: 'real',
    clusterName: 'tutor-test',
    region: 'us-east-1',
    vpcCidr: '192.168.0.0/16',
    azs: 2,
    nat: 'single',
    nodes: 2,
    instanceType: 't3.medium',
    registryPolicy: 'pullonly',
    logging: false,
    stateDir,
    yes: true,
    lang: 'en',
    timeScale: 0,
    kubectl: false,
    presenter: false,
    debug: false,
    ...overrides,
  };
}

const noKubectl: KubectlRunner = async () => {
  throw new Error('kubectl is off in this test');
};

/** An engine on the real SDK against a moto server, with its ledger in a temp dir. */
export async function makeEngine(
  endpointUrl: string,
  overrides: Partial<TutorConfig> = {},
  extra: { clientSettings?: Partial<ClientSettings>; stateDir?: string; kubectl?: KubectlRunner } = {},
): Promise<Engine> {
  const stateDir = extra.stateDir ?? (await tempDir());
  const config = testConfig(stateDir, overrides);
  const clients = createClients({ region: config.region, endpointUrl, credentials: TEST_CREDENTIALS, ...extra.clientSettings });
  const ledger = await Ledger.open(stateDir, {
    clusterName: config.clusterName,
    mode: 'real',
    region: config.region,
    endpoint: endpointUrl,
  });
  return new Engine({
    config,
    clients,
    ledger,
    clock: { now: () => Date.now(), sleep: async () => undefined },
    kubectl: extra.kubectl ?? noKubectl,
  });
}
