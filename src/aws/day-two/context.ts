import { DescribeSubnetsCommand, type Subnet } from '@aws-sdk/client-ec2';
import { text, type Text } from '../../text.js';
import { TutorError } from '../../errors.js';
import { cliCommand } from '../cli-command.js';
import { tutorKubectl } from '../steps/kubeconfig.js';
import type { Check, PlannedCall, StepContext } from '../types.js';

/** What a day-two action is given: a step's context, and where the calls it sends are shown before they go. */
export interface DayTwoContext extends StepContext {
  show: (call: PlannedCall) => void;
}

/** The call as every step shows it: operation, exact request, the aws CLI line, and why. */
export function planned(
  ctx: Pick<StepContext, 'config'>,
  service: 'iam' | 'ec2' | 'eks' | 'sts' | 'elb',
  action: string,
  input: Record<string, unknown>,
  why?: Text,
): PlannedCall {
  return { service, action, input, cli: cliCommand(service, action, input, ctx.config.region), ...(why ? { why } : {}) };
}

/**
 * An endpoint that answers an operation with a bare 404 does not have it (moto
 * 5.2 lacks add-ons, upgrades and access entries): said in one line, naming
 * where it runs.
 */
export function notOffered(ctx: Pick<StepContext, 'config'>, action: string, error: unknown): TutorError | undefined {
  const name = (error as { name?: string }).name ?? '';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== 404 || name === 'ResourceNotFoundException' || name === 'NotFoundException') return undefined;
  const where = ctx.config.endpointUrl ?? 'this endpoint';
  return new TutorError(
    'AWS',
    text(
      `${where} does not answer ${action} (moto lacks it): run this in the sandbox (--sandbox) or against AWS.`,
      `${where} は ${action} に答えません(moto にはありません)。サンドボックス(--sandbox)か AWS で実行してください。`,
    ),
    error,
  );
}

/** Shows the call, then sends it. */
export async function send<T>(ctx: DayTwoContext, call: PlannedCall, run: () => Promise<T>): Promise<T> {
  ctx.show(call);
  try {
    return await run();
  } catch (error) {
    throw notOffered(ctx, call.action, error) ?? error;
  }
}

/**
 * Runs the real kubectl on the tutor's cluster (step 4's file and context), or, given
 * a kubeconfig, with that file and the arguments as they are; the command and its output are shown.
 */
export async function kubectl(
  ctx: DayTwoContext,
  args: string[],
  options: { kubeconfig?: string } = {},
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  const result = options.kubeconfig
    ? { ...(await ctx.kubectl(args, { kubeconfig: options.kubeconfig, ...signal })), args }
    : await tutorKubectl(ctx, args);
  const output = (result.exitCode === 0 ? result.stdout : `${result.stdout}\n${result.stderr}`).trim();
  ctx.emit({ type: 'kubectl', args: result.args, output });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
}

export interface SubnetFacts {
  id: string;
  cidr: string;
  zone: string;
  tags: Record<string, string>;
  /** Whether instances launched in it get a public address. */
  mapPublicIp: boolean;
}

/** A subnet's ID, CIDR, zone, tags and whether it gives public addresses. */
export function subnetFacts(s: Subnet): SubnetFacts {
  return {
    id: s.SubnetId ?? '',
    cidr: s.CidrBlock ?? '',
    zone: s.AvailabilityZone ?? '',
    tags: Object.fromEntries((s.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    mapPublicIp: s.MapPublicIpOnLaunch === true,
  };
}

/** DescribeSubnets, by IDs or by filters, shown as a call (with why, when given). */
export async function listSubnets(
  ctx: DayTwoContext,
  input: { SubnetIds?: string[]; Filters?: { Name: string; Values: string[] }[] },
  why?: Text,
): Promise<Subnet[]> {
  const answer = await send(ctx, planned(ctx, 'ec2', 'DescribeSubnets', input, why), () =>
    ctx.clients.ec2.send(new DescribeSubnetsCommand(input)),
  );
  return answer.Subnets ?? [];
}

/** The subnets' CIDRs, zones and tags (DescribeSubnets), shown as a call. */
export async function describeSubnets(ctx: DayTwoContext, ids: string[]): Promise<SubnetFacts[]> {
  if (ids.length === 0) return [];
  return (await listSubnets(ctx, { SubnetIds: ids })).map(subnetFacts);
}

/** An action that checks through kubectl stops before its first call when kubectl is turned off (--no-kubectl). */
export function requireKubectl(ctx: Pick<StepContext, 'config'>, message: Text): void {
  if (!ctx.config.kubectl) throw new TutorError('BAD_INPUT', message);
}

/** Whether an IPv4 address lies inside a CIDR block. */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const toNumber = (a: string) => a.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  if (!base || bits === undefined || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(toNumber(base) / size) * size;
  const n = toNumber(ip);
  return n >= start && n < start + size;
}

/** Rows of a kubectl table (`-o wide`), cut at runs of two or more spaces, as kubectl aligns them. */
export function tableRows(stdout: string): Record<string, string>[] {
  const lines = stdout.split('\n').filter((l) => l.trim());
  const header = lines[0];
  if (!header) return [];
  const starts = [...header.matchAll(/(\S+(?: \S+)*)/g)].map((m) => ({ name: m[1]!, at: m.index ?? 0 }));
  return lines
    .slice(1)
    .map((line) => Object.fromEntries(starts.map((col, i) => [col.name, line.slice(col.at, starts[i + 1]?.at ?? line.length).trim()])));
}

/** What an action ends with: its reasoning, its checks and what to try next. */
export interface Outcome {
  reasoning: Text;
  checks: Check[];
  next?: Text;
}

export const check = (id: string, ok: boolean, en: string, ja: string, detail?: string): Check => ({
  id,
  ok,
  label: text(en, ja),
  ...(detail ? { detail } : {}),
});
