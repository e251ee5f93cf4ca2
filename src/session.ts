import { STSClient } from '@aws-sdk/client-sts';
import type { TutorConfig } from './config.js';
import { validateRegion } from './options.js';
import { TutorError } from './errors.js';
import { text, type Text } from './text.js';
import { createClients, destroyClients, type AwsClients } from './aws/clients.js';
import { Engine } from './aws/engine.js';
import { realClock, scaledClock } from './aws/wait.js';
import type { KubectlRunner } from './aws/types.js';
import { Ledger, ledgerPath } from './state/ledger.js';
import { acquireLock } from './state/lock.js';
import { checkPlace, wrongAccount } from './state/place.js';
import type { Sandbox } from './sandbox/index.js';

/** kubectl (and execa, which runs it) is loaded at its first use. */
const runKubectl: KubectlRunner = async (args, options) => (await import('./kube/kubectl.js')).runKubectl(args, options);

/** Everything one run of the tutor works with; `close` releases it all. */
export interface Session {
  config: TutorConfig;
  engine: Engine;
  ledger: Ledger;
  sandbox?: Sandbox;
  identity?: { account: string; arn: string };
  /** Things the learner should be told once, at the start. */
  notes: Text[];
  close(): Promise<void>;
}

/** Dummy credentials for the sandbox: the learner's real ones are never sent to it. */
const SANDBOX_CREDENTIALS = { accessKeyId: 'AKIDSANDBOXEXAMPLE', secretAccessKey: 'sandbox-secret-not-a-real-key' };

export function noCredentials(cause?: unknown): TutorError {
  return new TutorError(
    'NO_CREDENTIALS',
    text(
      'No AWS credentials were found. Set them up with `aws configure` (or `aws configure sso` and `aws sso login`), pass --profile, or try the tutor without an account: --sandbox (local, free) or --dry-run (shows the requests only).',
      'AWS の認証情報が見つかりません。`aws configure`(または `aws configure sso` と `aws sso login`)で設定するか --profile を指定してください。アカウントなしで試すなら --sandbox(ローカル・無料)か --dry-run(リクエストを表示するだけ)を使えます。',
    ),
    cause,
  );
}

function isCredentialsError(error: unknown): boolean {
  const name = (error as { name?: string }).name ?? '';
  const message = String((error as { message?: string }).message ?? '');
  return name === 'CredentialsProviderError' || /Could not load credentials|credential/i.test(message) || /SSO/i.test(name);
}

/** The region of the profile in the shared config file, resolved as the aws CLI does; '' when none. */
async function regionFromProfile(profile: string | undefined): Promise<string> {
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return '';
  } finally {
    probe.destroy();
  }
}

export interface OpenOptions {
  /** Take the per-cluster lock (anything that changes resources). */
  lock: boolean;
  /** Ask STS who we are (real mode). */
  identify: boolean;
  signal?: AbortSignal;
}

export async function openSession(config: TutorConfig, options: OpenOptions): Promise<Session> {
  const notes: Text[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let sandbox: Sandbox | undefined;
    let afterEngine: ((engine: Engine) => Promise<void>) | undefined;
    let clients: AwsClients;
    let region = config.region;
    if (config.mode === 'sandbox') {
      // The background sandbox of the state directory, started if none runs; close() only lets go of it.
      const { openSessionSandbox } = await import('./sandbox/daemon-session.js');
      sandbox = await openSessionSandbox(config, region || 'us-east-1', notes);
      cleanups.push(() => sandbox!.stop());
      clients = createClients({
        region,
        endpointUrl: sandbox.endpointUrl,
        credentials: sandbox.credentials,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } else {
      if (!region && config.mode === 'real') {
        region = await regionFromProfile(config.profile);
        if (region) validateRegion(region);
      }
      if (!region && config.mode === 'real') {
        throw new TutorError(
          'BAD_INPUT',
          text(
            'No AWS region is set: pass --region (for example --region ap-northeast-1), set AWS_REGION, or add region to your profile with `aws configure`.',
            'AWS リージョンが設定されていません。--region(例: --region ap-northeast-1)を指定するか、AWS_REGION を設定するか、`aws configure` でプロファイルにリージョンを追加してください。',
          ),
        );
      }
      region ||= 'us-east-1';
      clients = createClients({
        region,
        ...(config.endpointUrl ? { endpointUrl: config.endpointUrl } : {}),
        ...(config.profile ? { profile: config.profile } : {}),
        ...(config.mode === 'dry-run' ? { credentials: SANDBOX_CREDENTIALS } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    }
    cleanups.push(() => destroyClients(clients));
    const resolved: TutorConfig = { ...config, region };

    let ledger: Ledger;
    if (config.mode === 'dry-run') {
      ledger = Ledger.inMemory({ clusterName: config.clusterName, mode: 'real', region });
    } else {
      const mode = config.mode === 'sandbox' ? 'sandbox' : 'real';
      if (options.lock)
        cleanups.push(await acquireLock(`${ledgerPath(config.stateDir, mode, config.clusterName)}.lock`, config.clusterName));
      const endpoint = sandbox ? (await import('./sandbox/daemon-session.js')).sandboxLedgerEndpoint(config, sandbox) : config.endpointUrl;
      ledger = await Ledger.open(config.stateDir, { clusterName: config.clusterName, mode, region, ...(endpoint ? { endpoint } : {}) });
      if (typeof ledger.opening === 'object') {
        notes.push(
          text(
            `The ledger ${ledger.path} could not be read; it was kept as ${ledger.opening.corrupted} and the tutor works from the resources' tags.`,
            `台帳 ${ledger.path} を読めませんでした。${ledger.opening.corrupted} として残し、リソースのタグから状況を把握します。`,
          ),
        );
      }
      if (sandbox && endpoint && ledger.endpoint !== endpoint) {
        // Never a silent reset: a ledger with something in it is checked against what the sandbox holds (below).
        if (ledger.live.length === 0) await ledger.reset(endpoint);
        else if (options.lock) {
          const ledgerHere = ledger;
          const { reconcileLedger } = await import('./sandbox/daemon-session.js');
          afterEngine = (engine) => reconcileLedger(ledgerHere, endpoint, () => engine.inventory(), notes);
        }
      }
      if (sandbox) await (await import('./sandbox/daemon-session.js')).followMovedPorts(ledger, sandbox, notes);
      if (!sandbox) {
        // A build belongs to one region and endpoint: refused elsewhere before anything is sent.
        checkPlace(ledger, { region, endpoint: config.endpointUrl });
        if (options.lock) ledger.rebind({ region, endpoint: config.endpointUrl });
      }
    }

    const engine = new Engine({
      config: resolved,
      clients,
      ledger,
      clock: sandbox ? scaledClock(config.timeScale) : realClock,
      kubectl: runKubectl,
      // kubectl's exec plugin signs with the sandbox's dummy keys; an empty session token keeps a real one out of the token.
      ...(sandbox
        ? {
            kubeconfigEnv: {
              AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
              AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
              AWS_SESSION_TOKEN: '',
              AWS_SECURITY_TOKEN: '',
            },
          }
        : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (afterEngine) await afterEngine(engine);
    let identity: { account: string; arn: string } | undefined;
    // A ledger of resources in one account must not be read against another: its
    // resources would look gone, and a teardown would forget them.
    const recordedAccount = config.mode === 'real' && ledger.live.length > 0 ? ledger.facts.accountId : undefined;
    if ((options.identify || recordedAccount) && config.mode !== 'dry-run') {
      try {
        identity = await engine.whoAmI();
      } catch (error) {
        // The engine explains what it rejects with; whether credentials were found at all is read from the cause.
        const raw = error instanceof TutorError && error.cause !== undefined ? error.cause : error;
        if (isCredentialsError(raw)) throw noCredentials(raw);
        throw error;
      }
    }
    if (identity?.account && config.mode === 'real') {
      if (recordedAccount && recordedAccount !== identity.account) throw wrongAccount(ledger, recordedAccount, identity.account);
      if ((!ledger.facts.accountId || ledger.live.length === 0) && ledger.facts.accountId !== identity.account && options.lock)
        await ledger.setFacts({ accountId: identity.account });
    }
    return { config: resolved, engine, ledger, ...(sandbox ? { sandbox } : {}), ...(identity ? { identity } : {}), notes, close };
  } catch (error) {
    await close();
    throw error;
  }
}
