import { createClients, type AwsClients, type ClientSettings } from '../../src/aws/clients.js';
import type { TutorConfig } from '../../src/config.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { Ledger } from '../../src/state/ledger.js';

/**
 * What the engine needs, run in-process against a sandbox: the real SDK clients
 * on the sandbox's endpoint with its dummy keys, and a new ledger in the
 * config's state directory, as a session in that mode opens them.
 */
export async function sandboxEngineParts(
  sandbox: Sandbox,
  config: TutorConfig,
  clientSettings: Partial<ClientSettings> = {},
): Promise<{ clients: AwsClients; ledger: Ledger }> {
  const clients = createClients({
    region: sandbox.region,
    endpointUrl: sandbox.endpointUrl,
    credentials: sandbox.credentials,
    ...clientSettings,
  });
  const ledger = await Ledger.open(config.stateDir, {
    clusterName: config.clusterName,
    mode: config.mode === 'sandbox' ? 'sandbox' : 'real',
    region: config.region,
    endpoint: sandbox.endpointUrl,
  });
  return { clients, ledger };
}
