import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, DeserializeMiddleware, InitializeMiddleware } from '@aws-sdk/types';
import { loadConfig } from '@smithy/core/config';
import { NODE_MAX_ATTEMPT_CONFIG_OPTIONS, NODE_RETRY_MODE_CONFIG_OPTIONS } from '@smithy/core/retry';
import { writeFileSync } from 'node:fs';
import { interrupted } from './wait.js';
import { STOP_AMBIGUOUS_CREATES, stopAmbiguousCreates } from './ambiguous.js';

/**
 * EKS_BASICS_TUTOR_CALL_LOG=<file>: every call this process sends (wall-clock
 * ms and service:operation) is written there as JSON when it exits, for the
 * benchmark's count of AWS calls and its timings.
 */
const callLog: { at: number; call: string }[] | undefined = process.env.EKS_BASICS_TUTOR_CALL_LOG ? [] : undefined;
if (callLog) {
  const file = process.env.EKS_BASICS_TUTOR_CALL_LOG!;
  process.once('exit', () => {
    const counts: Record<string, number> = {};
    for (const { call } of callLog) counts[call] = (counts[call] ?? 0) + 1;
    writeFileSync(file, JSON.stringify({ counts, calls: callLog }));
  });
}

/** One AWS call as it goes out: the service and the operation. */
export interface AwsCall {
  service: string;
  operation: string;
}

/** The four clients the steps use: created once per run, shared by every step. */
export interface AwsClients {
  iam: IAMClient;
  ec2: EC2Client;
  eks: EKSClient;
  sts: STSClient;
  /**
   * Classic and v2 load balancing: only teardown uses them, for what Kubernetes made.
   * Classic is the aggregated client (methods, not commands): its command names are v2's too.
   */
  elb: ElasticLoadBalancing;
  elbv2: ElasticLoadBalancingV2Client;
  /** How many calls went out, by `service:operation`. */
  readonly callCounts: Map<string, number>;
  /** Tells `listener` of every call as it is sent (after retries are counted by the SDK), until the returned function is called. */
  onCall(listener: (call: AwsCall) => void): () => void;
}

/** A TCP connection not made in this time (an address that drops packets) fails the attempt. */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * An attempt with no answer in this time fails (an endpoint that accepts the
 * connection and then says nothing). The slowest calls the tutor makes
 * (CreateCluster, DescribeAddonVersions) answer in a few seconds: what takes
 * minutes is waited for by polling, each poll a quick call of its own.
 */
export const ANSWER_TIMEOUT_MS = 10_000;

/** Attempts per call unless AWS_MAX_ATTEMPTS or the profile's max_attempts says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** One of the SDK's selectors, with a value that is not a whole number above 0 taken as unset rather than thrown. */
function wholeAbove0<T>(select: (from: T) => number | undefined): (from: T) => number | undefined {
  return (from) => {
    try {
      const value = select(from);
      return Number.isInteger(value) && value! > 0 ? value : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * The number of attempts and the retry mode as the AWS SDKs and the aws CLI
 * choose them: AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, else the profile's
 * max_attempts / retry_mode in the shared config file, else the tutor's own.
 * Read by the SDK's own loader, once for all the clients.
 */
function retrySettings(profile: string | undefined) {
  const from = profile ? { profile } : {};
  return {
    maxAttempts: loadConfig(
      {
        environmentVariableSelector: wholeAbove0(NODE_MAX_ATTEMPT_CONFIG_OPTIONS.environmentVariableSelector),
        configFileSelector: wholeAbove0(NODE_MAX_ATTEMPT_CONFIG_OPTIONS.configFileSelector),
        default: DEFAULT_MAX_ATTEMPTS,
      },
      from,
    ),
    // Standard, not adaptive: adaptive's client-side rate limiter, once a throttle
    // has set it, holds every later call of the run to a low send rate.
    retryMode: loadConfig({ ...NODE_RETRY_MODE_CONFIG_OPTIONS, default: 'standard' }, from),
  };
}

export interface ClientSettings {
  region: string;
  endpointUrl?: string;
  profile?: string;
  /** Explicit credentials (the sandbox's dummy keys); otherwise the aws CLI's chain. */
  credentials?: AwsCredentialIdentity;
  maxAttempts?: number;
  /** Once it aborts (Ctrl-C, SIGTERM), no further call is sent; a call already on its way finishes. */
  signal?: AbortSignal;
}

export function createClients(settings: ClientSettings): AwsClients {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const callCounts = new Map<string, number>();
  const callListeners = new Set<(call: AwsCall) => void>();
  const common = {
    region: settings.region,
    ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // Throttling, 5xx answers, dropped connections and timed-out attempts are retried with backoff.
    ...retrySettings(settings.profile),
    ...(settings.maxAttempts ? { maxAttempts: settings.maxAttempts } : {}),
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      // Until the answer starts (off by default: the SDK only warns), then while it is read.
      requestTimeout: ANSWER_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      socketTimeout: ANSWER_TIMEOUT_MS,
    },
  };
  const clients = {
    iam: new IAMClient(common),
    ec2: new EC2Client(common),
    eks: new EKSClient(common),
    sts: new STSClient(common),
    elb: new ElasticLoadBalancing(common),
    elbv2: new ElasticLoadBalancingV2Client(common),
    callCounts,
    onCall(listener: (call: AwsCall) => void) {
      callListeners.add(listener);
      return () => void callListeners.delete(listener);
    },
  };

  const counter =
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one middleware serves four clients' input and output types
    (service: string): InitializeMiddleware<any, any> =>
      (next, context) =>
      async (args) => {
        const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        // Work still running in the background after an interruption must not create anything more.
        if (settings.signal?.aborted) throw interrupted();
        const key = `${service}:${operation}`;
        callCounts.set(key, (callCounts.get(key) ?? 0) + 1);
        callLog?.push({ at: Date.now(), call: key });
        for (const listener of callListeners) listener({ service, operation });
        try {
          return await next(args);
        } catch (error) {
          // explainAwsError chooses its words by operation (ResourceInUse on a delete is not a taken name).
          if (error && typeof error === 'object' && !('$operation' in error)) {
            Object.defineProperty(error, '$operation', { value: operation, enumerable: false });
          }
          // And the endpoint it could not reach: scheme, host and port only, never a user or password in the URL.
          const url = (context as { endpointV2?: { url?: URL } }).endpointV2?.url;
          if (url && error && typeof error === 'object' && !('$endpoint' in error)) {
            Object.defineProperty(error, '$endpoint', { value: `${url.protocol}//${url.host}`, enumerable: false });
          }
          throw error;
        }
      };
  const options = { step: 'initialize' as const, name: 'eksBasicsTutorCallCounter' };
  const keep = { step: 'deserialize' as const, priority: 'low' as const, name: 'eksBasicsTutorKeepErrorBody' };
  clients.iam.middlewareStack.add(counter('iam'), options);
  clients.ec2.middlewareStack.add(counter('ec2'), options);
  clients.eks.middlewareStack.add(counter('eks'), options);
  clients.sts.middlewareStack.add(counter('sts'), options);
  clients.elb.middlewareStack.add(counter('elb'), options);
  clients.elbv2.middlewareStack.add(counter('elbv2'), options);
  clients.ec2.middlewareStack.addRelativeTo(stopAmbiguousCreates, STOP_AMBIGUOUS_CREATES);
  clients.iam.middlewareStack.add(keepErrorBody, keep);
  clients.ec2.middlewareStack.add(keepErrorBody, keep);
  clients.eks.middlewareStack.add(keepErrorBody, keep);
  clients.sts.middlewareStack.add(keepErrorBody, keep);
  clients.elb.middlewareStack.add(keepErrorBody, keep);
  clients.elbv2.middlewareStack.add(keepErrorBody, keep);
  return clients;
}

/**
 * Reads the body of an error answer before the SDK parses it, so that it is still
 * there (as `$response.body`) when the parser fails on it: an endpoint that answers
 * a JSON API in XML. explainAwsError reads the code and message from it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one middleware serves four clients' input and output types
const keepErrorBody: DeserializeMiddleware<any, any> = (next) => async (args) => {
  const result = await next(args);
  const response = result.response as { statusCode?: number; body?: unknown };
  const body = response.body as AsyncIterable<Uint8Array> | undefined;
  if ((response.statusCode ?? 200) >= 400 && body && typeof body[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
    response.body = Buffer.concat(chunks);
  }
  return result;
};

export function destroyClients(clients: AwsClients): void {
  clients.iam.destroy();
  clients.ec2.destroy();
  clients.eks.destroy();
  clients.sts.destroy();
  clients.elb.destroy();
  clients.elbv2.destroy();
}
