/**
 * The sandbox: moto_server behind a small proxy that makes it behave like AWS
 * (proxy.ts; EKS in eks-handlers.ts and eks-view.ts, EC2 in ec2-handlers.ts,
 * nat-gateways.ts and dependency-rules.ts, time in timeline.ts and settle.ts),
 * and a read-only Kubernetes API per cluster (kube-api.ts, kube-source.ts,
 * kube-objects.ts, kube-tables.ts) that trusts tokens from `aws eks get-token`
 * (token.ts) over TLS from a CA made at start (certs.ts).
 */
import { join } from 'node:path';
import { TutorError } from '../errors.js';
import { text, type Lang } from '../text.js';
import { keptCertificates, makeCertificates } from './certs.js';
import { Behaviours, BEHAVIOURS_ENV, type BehaviourSwitches } from './behaviours.js';
import { ec2Handler } from './ec2-handlers.js';
import { eksHandler } from './eks-handlers.js';
import { EksView } from './eks-view.js';
import { iamHandler } from './iam-handlers.js';
import { stsHandler } from './issued-credentials.js';
import { startKubeApi, type KubeApi } from './kube-api.js';
import { clusterLookup } from './kube-source.js';
import { kubeSandboxOptions } from './kube-wiring.js';
import { portFree, startMotoServer } from './moto.js';
import { MotoClient, type CallerScope } from './moto-client.js';
import { NatGatewayClock } from './nat-gateways.js';
import { FILES, ensureDir, keepMemory, loadMemory, loadState, writeJson, type PersistState } from './persist.js';
import { replayAndRecord, seedMoto, SerialMotoClient } from './persist-moto.js';
import { StablePorts, type MovedPort } from './persist-ports.js';
import { startAwsProxy } from './proxy.js';
import { makeSettler } from './settle.js';
import { Memory, Timeline } from './timeline.js';

export interface SandboxOptions {
  /** Multiplies the real durations: 1/60 by default, 0 = instant, 1 = real time. */
  timeScale: number;
  /** Use this moto instead of starting one (`--sandbox --endpoint-url URL`). */
  motoUrl?: string;
  region: string;
  /** The clock the time-lapse runs on; Date.now unless a test moves time by hand. */
  now?: () => number;
  /**
   * Keep what the sandbox holds in this directory and start from it: moto's
   * recording, the Memory, the Kubernetes API's certificate and the ports
   * (persist.ts). Ignored with `motoUrl` (that moto's contents are its own).
   */
  persistDir?: string;
  /** Called on every request the sandbox answers (the background sandbox's idle clock). */
  onRequest?: () => void;
  /** AWS behaviours to switch on or off (behaviours.ts); over EKS_BASICS_TUTOR_SANDBOX_BEHAVIOURS; all on by default. */
  behaviours?: BehaviourSwitches;
  /** Receives one line each time a behaviour fires (what was refused, why, AWS's code). */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** The URL every AWS client and the aws CLI use (http://127.0.0.1:PORT). */
  endpointUrl: string;
  motoUrl: string;
  /** Dummy credentials; the learner's real ones are never sent to the sandbox. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /**
   * Environment for the aws CLI and kubectl. Empty values mean "unset": lay it
   * over the parent environment with `sandboxChildEnv`, which also drops the
   * variables in SANDBOX_UNSET_VARS.
   */
  env: Record<string, string>;
  region: string;
  /** Ports wanted again (persistDir) but taken: URLs made with the old ones are stale. */
  moved: MovedPort[];
  /** How many recorded requests moto replayed at start (persistDir). */
  replayed: number;
  /** Stops the proxy, the Kubernetes API and moto (if started here); removes temp files. Idempotent. */
  stop(): Promise<void>;
}

/** Credentials only the sandbox accepts; they are not valid on AWS. */
export const SANDBOX_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIASANDBOXDUMMY0001',
  secretAccessKey: 'sandbox/dummy/secret/NOT-AN-AWS-KEY/0000',
});

/**
 * Variables that must be absent, not empty, for the aws CLI to use the sandbox:
 * an empty AWS_PROFILE is an error ("The config profile () could not be
 * found"), and AWS_IGNORE_CONFIGURED_ENDPOINT_URLS would send calls to AWS.
 */
export const SANDBOX_UNSET_VARS = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] as const;

const MOTO_UNREACHABLE = (url: string) =>
  text(
    `No moto server answers at ${url}. Start one with \`moto_server -p 5000\`, or leave out --endpoint-url to let the sandbox start its own.`,
    `${url} で moto サーバーが応答しません。\`moto_server -p 5000\` で起動するか、--endpoint-url を省いてサンドボックスに起動させてください。`,
  );

async function checkMoto(url: string): Promise<void> {
  try {
    const response = await fetch(new URL('/moto-api/', url), { signal: AbortSignal.timeout(5000) });
    if (response.ok) return;
  } catch (error) {
    throw new TutorError('SANDBOX', MOTO_UNREACHABLE(url), error);
  }
  throw new TutorError('SANDBOX', MOTO_UNREACHABLE(url));
}

/**
 * moto loads its EC2 code and models on first use, a few seconds on a small
 * machine. The first request of any kind (step 1 is IAM) starts that in the
 * background, so the VPC step does not stall; a sandbox nobody calls costs nothing.
 */
async function warmUp(moto: MotoClient, scope: CallerScope): Promise<void> {
  try {
    await moto.ec2(scope, { Action: 'DescribeVpcs' });
    await moto.ec2(scope, { Action: 'DescribeSubnets' });
    await moto.eks(scope, 'GET', '/clusters');
  } catch {
    // moto went away (the sandbox is stopping); nothing to warm
  }
}

/** Before every proxied request: warm moto up once, and finish deletions whose time is up. */
function beforeEachRequest(view: EksView, scope: CallerScope, warmed: boolean, onRequest?: () => void): () => Promise<void> {
  const settle = makeSettler(view);
  let warming: Promise<void> | undefined = warmed ? Promise.resolve() : undefined;
  return () => {
    onRequest?.();
    warming ??= warmUp(view.moto, scope);
    return settle();
  };
}

/**
 * moto for a sandbox that keeps its contents: on the port it had (if free),
 * recording every request, seeded and warmed up as it was the first time, then
 * given back what it held by replaying the recording.
 */
async function startKeptMoto(
  dir: string,
  state: PersistState,
  accessKeyId: string,
): Promise<{ url: string; replayed: number; stop(): Promise<void> }> {
  const port = state.ports.moto !== undefined && (await portFree(state.ports.moto)) ? state.ports.moto : undefined;
  const moto = await startMotoServer({ ...(port ? { port } : {}), env: { MOTO_RECORDER_FILEPATH: join(dir, FILES.recording) } });
  try {
    state.ports.moto = moto.port;
    await seedMoto(moto.url, state.seed);
    await warmUp(new MotoClient(moto.url), { accessKeyId, region: state.warmRegion });
    const { replayed } = await replayAndRecord(moto.url, join(dir, FILES.recording));
    return { url: moto.url, replayed, stop: () => moto.stop() };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}

/**
 * Starts the local AWS (moto behind a proxy that makes it behave like AWS) and
 * a local Kubernetes API for the clusters made in it.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const timeline = new Timeline(options.timeScale, options.now);
  const behaviours = new Behaviours(timeline, { switches: options.behaviours, env: process.env[BEHAVIOURS_ENV], log: options.log });
  const credentials = { ...SANDBOX_CREDENTIALS };
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    let motoUrl = options.motoUrl?.replace(/\/+$/, '');
    const dir = motoUrl ? undefined : options.persistDir;
    let state: PersistState | undefined;
    let replayed = 0;
    if (dir) {
      await ensureDir(dir);
      state = (await loadState(dir, options.region)).state;
    }
    const saveState = () => (dir && state ? writeJson(join(dir, FILES.state), state).catch(() => undefined) : Promise.resolve());
    if (motoUrl) {
      await checkMoto(motoUrl);
    } else if (dir && state) {
      const kept = await startKeptMoto(dir, state, credentials.accessKeyId);
      cleanups.push(() => kept.stop());
      motoUrl = kept.url;
      replayed = kept.replayed;
      await saveState();
    } else {
      const moto = await startMotoServer();
      cleanups.push(() => moto.stop());
      motoUrl = moto.url;
    }
    const certificates = dir ? await keptCertificates(dir) : await makeCertificates();
    cleanups.push(() => certificates.remove());
    const moto = dir ? new SerialMotoClient(motoUrl) : new MotoClient(motoUrl);
    const memory = new Memory();
    if (dir) {
      await loadMemory(memory, dir);
      const kept = keepMemory(memory, dir);
      cleanups.push(() => kept.stop());
    }
    // With a directory, every endpoint keeps its port across restarts where it is free.
    const stable = state
      ? new StablePorts(
          (what) => (what === 'proxy' ? state.ports.proxy : state.ports.kube[what]),
          (what, port) => {
            if (what === 'proxy') state.ports.proxy = port;
            else state.ports.kube[what] = port;
            void saveState();
          },
        )
      : undefined;
    if (stable) cleanups.push(() => stable.close());
    // The view needs each cluster's Kubernetes endpoint and the Kubernetes API needs the view:
    // kubeUrl reads `kube`, declared below, only once the API has started.
    const kubeUrl = (region: string, name: string): Promise<string> =>
      stable
        ? stable
            .expose(`kube/${region}/${name}`, async () => Number(new URL(await kube.endpoint(region, name)).port))
            .then((port) => `https://127.0.0.1:${port}`)
        : kube.endpoint(region, name);
    const view = new EksView(
      moto,
      memory,
      timeline,
      {
        url: kubeUrl,
        caData: Buffer.from(certificates.caCert).toString('base64'),
      },
      behaviours,
    );
    const lookup = clusterLookup(view, credentials.accessKeyId);
    const kube: KubeApi = startKubeApi({
      serverCert: certificates.serverCert,
      serverKey: certificates.serverKey,
      credentials,
      issued: (accessKeyId) => memory.issuedCredential(accessKeyId),
      lookup: (region, name, callerArn) => {
        options.onRequest?.();
        return lookup(region, name, callerArn);
      },
      now: timeline.now,
      ...kubeSandboxOptions(moto, timeline, memory),
    });
    cleanups.push(() => kube.close());
    const proxy = await startAwsProxy({
      moto,
      handlers: {
        eks: eksHandler(view),
        ec2: ec2Handler(view, new NatGatewayClock(memory, timeline)),
        iam: iamHandler(view),
        sts: stsHandler(view),
      },
      beforeEach: beforeEachRequest(
        view,
        { accessKeyId: credentials.accessKeyId, region: options.region },
        dir !== undefined,
        options.onRequest,
      ),
    });
    cleanups.push(() => proxy.close());
    const endpointUrl = stable ? `http://127.0.0.1:${await stable.expose('proxy', async () => proxy.port)}` : proxy.url;
    // Clusters it held listen again at once, so a port found taken is known (and said) from the start.
    if (stable) for (const memo of memory.allClusters().filter((c) => c.deletedAt === undefined)) await kubeUrl(memo.region, memo.name);

    let stopped: Promise<void> | undefined;
    return {
      endpointUrl,
      motoUrl,
      credentials,
      region: options.region,
      moved: stable?.moved ?? [],
      replayed,
      env: sandboxEnv(endpointUrl, credentials, options.region),
      stop() {
        stopped ??= cleanUp();
        return stopped;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** The sandbox's environment for the aws CLI and kubectl (see `Sandbox.env`). */
export function sandboxEnv(endpointUrl: string, credentials: Sandbox['credentials'], region: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: '',
    AWS_SECURITY_TOKEN: '',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}

/** The parent environment with the sandbox's laid over it, for the aws CLI and kubectl as child processes. */
export function sandboxChildEnv(sandbox: Pick<Sandbox, 'env'>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  for (const name of SANDBOX_UNSET_VARS) delete env[name];
  return { ...env, ...sandbox.env };
}

/**
 * The `env` of the kubeconfig exec plugin for a sandbox cluster. kubectl lays it
 * over its own environment (later entries win), so `aws eks get-token` signs
 * with the dummy keys even in a terminal holding real ones, and the empty
 * session tokens keep a real session token out of the presigned URL.
 */
export function sandboxExecEnv(sandbox: Pick<Sandbox, 'credentials'>): { name: string; value: string }[] {
  return [
    { name: 'AWS_ACCESS_KEY_ID', value: sandbox.credentials.accessKeyId },
    { name: 'AWS_SECRET_ACCESS_KEY', value: sandbox.credentials.secretAccessKey },
    { name: 'AWS_SESSION_TOKEN', value: '' },
    { name: 'AWS_SECURITY_TOKEN', value: '' },
  ];
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** What `eks-basics-tutor sandbox` prints: where the sandbox is and how to point a shell at it. */
export function sandboxEnvLines(sandbox: Pick<Sandbox, 'endpointUrl' | 'motoUrl' | 'env'>, lang: Lang): string[] {
  const heading = {
    endpoint: text(`Sandbox AWS endpoint: ${sandbox.endpointUrl}`, `サンドボックスの AWS エンドポイント: ${sandbox.endpointUrl}`),
    moto: text(`(moto_server behind it: ${sandbox.motoUrl})`, `(背後の moto_server: ${sandbox.motoUrl})`),
    paste: text(
      'To use the aws CLI and kubectl with the sandbox in another terminal, paste these lines there:',
      '別のターミナルで aws CLI と kubectl をサンドボックスに向けるには、次の行をそこに貼り付けてください:',
    ),
  };
  const entries = Object.entries(sandbox.env);
  const unset = [...SANDBOX_UNSET_VARS, ...entries.filter(([, v]) => v === '').map(([k]) => k)];
  return [
    heading.endpoint[lang],
    heading.moto[lang],
    '',
    heading.paste[lang],
    '',
    ...entries.filter(([, v]) => v !== '').map(([k, v]) => `export ${k}=${shellQuote(v)}`),
    `unset ${unset.join(' ')}`,
  ];
}

export { TOKEN_PREFIX } from './token.js';
export { REAL_DURATIONS_MS } from './timeline.js';
