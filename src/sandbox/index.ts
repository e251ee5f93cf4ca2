/**
 * The sandbox: moto_server behind a small proxy that makes it behave like AWS
 * (proxy.ts; EKS in eks-handlers.ts and eks-view.ts, EC2 in ec2-handlers.ts,
 * nat-gateways.ts and dependency-rules.ts, time in timeline.ts and settle.ts),
 * and a read-only Kubernetes API per cluster (kube-api.ts, kube-source.ts,
 * kube-objects.ts, kube-tables.ts) that trusts tokens from `aws eks get-token`
 * (token.ts) over TLS from a CA made at start (certs.ts). The moto behind it
 * is moto-start.ts's; the environment the aws CLI and kubectl get is
 * sandbox-env.ts's, with the aws CLI's EKS waiters at the sandbox's pace
 * (aws-cli-waiters.ts).
 */
import { join } from 'node:path';
import { writeAwsCliWaiters } from './aws-cli-waiters.js';
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
import { startMotoServer } from './moto.js';
import { MotoClient } from './moto-client.js';
import { beforeEachRequest, checkMoto, startKeptMoto } from './moto-start.js';
import { NatGatewayClock } from './nat-gateways.js';
import { FILES, ensureDir, keepMemory, loadMemory, loadState, writeJson, type PersistState } from './persist.js';
import { SerialMotoClient } from './persist-moto.js';
import { StablePorts, type MovedPort } from './persist-ports.js';
import { startAwsProxy } from './proxy.js';
import { SANDBOX_CREDENTIALS, sandboxEnv } from './sandbox-env.js';
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
   * variables in SANDBOX_UNSET_VARS and keeps an AWS_DATA_PATH already set
   * after the sandbox's.
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
    const waiters = await writeAwsCliWaiters(options.timeScale, dir);
    if (waiters) cleanups.push(() => waiters.remove());
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
      env: sandboxEnv(endpointUrl, credentials, options.region, waiters?.dataPath),
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

export { SANDBOX_CREDENTIALS, SANDBOX_UNSET_VARS, sandboxChildEnv, sandboxEnv, sandboxEnvLines, sandboxExecEnv } from './sandbox-env.js';
export { TOKEN_PREFIX } from './token.js';
export { REAL_DURATIONS_MS } from './timeline.js';
