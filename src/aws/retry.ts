/**
 * Eventual consistency, in one table. AWS accepts a create and, for a while,
 * answers as if it had not happened: EKS refuses a role IAM has not spread to
 * every region yet, EC2 says a VPC it just made does not exist. Mature tools
 * (Terraform's EKS and EC2 resources, eksctl, kops) retry such answers for a
 * bounded time; so does the tutor, on the step clock (the sandbox's time-lapse
 * shortens the wait) and visibly (a `retry` event for each new attempt).
 *
 * The SDK's own retries (throttling, 5xx, dropped connections) run inside
 * this one, per attempt.
 */
import { text, type Text } from '../text.js';
import type { AwsClients } from './clients.js';
import { awsErrorParts } from './errors.js';
import { KEY_TAG } from './tags.js';
import type { Clock, EngineEvent } from './types.js';

export interface RetryRule {
  id: 'iam-propagation' | 'eks-new-resource' | 'ec2-new-resource';
  service: 'eks' | 'ec2';
  /** The operations it applies to; every operation of the service when absent. */
  operations?: readonly string[];
  matches(name: string, message: string): boolean;
  /**
   * Only about what this run created moments ago: elsewhere (a teardown, a
   * resource deleted behind the tutor's back) a NotFound means it is gone.
   */
  freshOnly?: boolean;
  /** Give up once this much step-clock time has passed since the first refusal. */
  windowMs: number;
  /** Waits between attempts; the last one repeats. */
  delaysMs: readonly number[];
  reason: Text;
}

/** What EKS says while IAM has not propagated a new role (Terraform's list, and CreateNodegroup's trust message). */
export const IAM_PROPAGATION_MESSAGES = [
  'could not be assumed because the trusted entity is not correct',
  "The provided role doesn't have the Amazon EKS Managed Policies associated with it",
  "IAM role's policy must include",
  'were not found in the trust relationships',
  'Error in role params',
];

export const EC2_NOT_FOUND = new Set([
  'InvalidVpcID.NotFound',
  'InvalidSubnetID.NotFound',
  'InvalidRouteTableID.NotFound',
  'InvalidInternetGatewayID.NotFound',
  'InvalidAllocationID.NotFound',
  'InvalidNatGatewayID.NotFound',
  'NatGatewayNotFound',
]);

const EKS_CREATES = ['CreateCluster', 'CreateNodegroup'] as const;
const iamRefusal = (message: string) =>
  IAM_PROPAGATION_MESSAGES.some((m) => message.includes(m)) || (/does not exist/.test(message) && /\brole\b/i.test(message));

export const RETRY_RULES: readonly RetryRule[] = [
  {
    id: 'iam-propagation',
    service: 'eks',
    operations: EKS_CREATES,
    matches: (name, message) => name === 'InvalidParameterException' && iamRefusal(message),
    windowMs: 150_000,
    delaysMs: [5_000, 10_000, 15_000],
    reason: text('waiting for IAM to propagate the new role', 'IAM に新しいロールが行き渡るのを待っています'),
  },
  {
    id: 'eks-new-resource',
    service: 'eks',
    operations: EKS_CREATES,
    matches: (name, message) => name === 'InvalidParameterException' && /does not exist/.test(message),
    windowMs: 150_000,
    delaysMs: [5_000, 10_000, 15_000],
    reason: text('waiting for EKS to see the resources just created', '作成したばかりのリソースが EKS から見えるのを待っています'),
  },
  {
    id: 'ec2-new-resource',
    service: 'ec2',
    matches: (name) => EC2_NOT_FOUND.has(name),
    freshOnly: true,
    windowMs: 60_000,
    delaysMs: [1_000, 2_000, 4_000, 8_000],
    reason: text('waiting for EC2 to show the resource just created', '作成したばかりのリソースが EC2 に現れるのを待っています'),
  },
];

/**
 * How long a Describe right after a create may not list the new resource yet
 * before "missing" is believed (a node group, a NAT gateway, a cluster).
 */
export const NOT_LISTED_YET_MS = 60_000;

const EC2_ID = /\b(?:vpc|subnet|igw|rtb|eipalloc|nat)-[0-9a-f]{8,17}\b/g;

/** Ids this run created, with their ledger key and when (step clock). */
export type FreshIds = Map<string, { key: string; at: number }>;

export function ruleFor(service: string, operation: string, error: unknown, fresh: { ids: FreshIds; now: number }): RetryRule | undefined {
  const { name, message } = awsErrorParts(error);
  return RETRY_RULES.find((rule) => {
    if (rule.service !== service || (rule.operations && !rule.operations.includes(operation)) || !rule.matches(name, message)) return false;
    if (!rule.freshOnly) return true;
    const recent = (id: string) => {
      const seen = fresh.ids.get(id);
      return seen !== undefined && fresh.now - seen.at <= rule.windowMs;
    };
    const named = message.match(EC2_ID) ?? [];
    // An answer that names no id is about the create just made, if there was one.
    return named.length > 0 ? named.some(recent) : [...fresh.ids.keys()].some(recent);
  });
}

/** The ledger key a request is about: its key tag, or a fresh id it names; else the operation. */
function keyOf(input: unknown, ids: FreshIds, operation: string): string {
  const request = (input ?? {}) as { tags?: Record<string, string>; TagSpecifications?: { Tags?: { Key?: string; Value?: string }[] }[] };
  const tagged = request.tags?.[KEY_TAG] ?? request.TagSpecifications?.[0]?.Tags?.find((t) => t.Key === KEY_TAG)?.Value;
  if (tagged) return tagged;
  for (const value of Object.values(request as Record<string, unknown>).flat()) {
    if (typeof value === 'string' && ids.has(value)) return ids.get(value)!.key;
  }
  return operation;
}

function collectIds(output: unknown, depth = 0, found: string[] = []): string[] {
  if (depth > 2 || output === null || typeof output !== 'object') return found;
  for (const value of Object.values(output as Record<string, unknown>)) {
    if (typeof value === 'string' && /^(?:vpc|subnet|igw|rtb|eipalloc|nat)-[0-9a-f]{8,17}$/.test(value)) found.push(value);
    else if (typeof value === 'object') collectIds(value, depth + 1, found);
  }
  return found;
}

export interface RetryDeps {
  clock: Clock;
  emit: (event: EngineEvent) => void;
  signal?: AbortSignal;
}

const installed = new WeakSet<AwsClients>();

/**
 * Puts the rule table in front of every EKS and EC2 call of these clients
 * (outside the SDK's retries, so one attempt here is one whole SDK call).
 * Once per set of clients.
 */
export function installRetries(clients: AwsClients, deps: RetryDeps): void {
  if (installed.has(clients)) return;
  installed.add(clients);
  const ids: FreshIds = new Map();
  for (const service of ['eks', 'ec2'] as const) {
    const client = clients[service] as unknown as {
      middlewareStack: { add: (m: unknown, o: object) => void };
    };
    const middleware =
      (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) =>
      async (args: { input: unknown }) => {
        const operation = String(context.commandName ?? '').replace(/Command$/, '');
        let started: number | undefined;
        for (let attempt = 1; ; attempt++) {
          try {
            const result = await next(args);
            if (service === 'ec2' && /^(Create|Allocate)/.test(operation)) {
              const key = keyOf(args.input, ids, operation);
              for (const id of collectIds(result.output)) ids.set(id, { key, at: deps.clock.now() });
            }
            return result;
          } catch (error) {
            const now = deps.clock.now();
            started ??= now;
            const rule = ruleFor(service, operation, error, { ids, now });
            const delay = rule?.delaysMs[Math.min(attempt - 1, rule.delaysMs.length - 1)] ?? 0;
            if (!rule || now - started + delay > rule.windowMs) throw error;
            deps.emit({
              type: 'retry',
              key: keyOf(args.input, ids, operation),
              operation,
              reason: rule.reason,
              attempt: attempt + 1,
              elapsedMs: now - started,
            });
            await deps.clock.sleep(delay, deps.signal);
          }
        }
      };
    client.middlewareStack.add(middleware, { step: 'initialize', priority: 'high', name: 'eksBasicsTutorEventualConsistency' });
  }
}
