import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, InitializeMiddleware } from '@aws-sdk/types';

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
  /** How many calls went out, by `service:operation`. */
  readonly callCounts: Map<string, number>;
}

export interface ClientSettings {
  region: string;
  endpointUrl?: string;
  profile?: string;
  /** Explicit credentials (the sandbox's dummy keys); otherwise the aws CLI's chain. */
  credentials?: AwsCredentialIdentity;
  /** Told of every call as it is sent (after retries are counted by the SDK). */
  onCall?: (call: AwsCall) => void;
  maxAttempts?: number;
}

export function createClients(settings: ClientSettings): AwsClients {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const callCounts = new Map<string, number>();
  const common = {
    region: settings.region,
    ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // Throttling, 5xx answers and dropped connections are retried with backoff.
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts ?? 8,
  };
  const clients = {
    iam: new IAMClient(common),
    ec2: new EC2Client(common),
    eks: new EKSClient(common),
    sts: new STSClient(common),
    callCounts,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one middleware serves four clients' input and output types
  const counter = (service: string): InitializeMiddleware<any, any> => (next, context) => async (args) => {
    const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
    const key = `${service}:${operation}`;
    callCounts.set(key, (callCounts.get(key) ?? 0) + 1);
    settings.onCall?.({ service, operation });
    return next(args);
  };
  const options = { step: 'initialize' as const, name: 'eksBasicsTutorCallCounter' };
  clients.iam.middlewareStack.add(counter('iam'), options);
  clients.ec2.middlewareStack.add(counter('ec2'), options);
  clients.eks.middlewareStack.add(counter('eks'), options);
  clients.sts.middlewareStack.add(counter('sts'), options);
  return clients;
}

export function destroyClients(clients: AwsClients): void {
  clients.iam.destroy();
  clients.ec2.destroy();
  clients.eks.destroy();
  clients.sts.destroy();
}
