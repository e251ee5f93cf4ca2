import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import type { StepContext } from '../types.js';
import type { Found } from './found.js';
import { DEPENDENCY_PATIENCE_MS } from './facts.js';

/** The answers that mean "something still uses it; AWS will release it in a while". */
const STILL_IN_USE = /^(DependencyViolation|InvalidNetworkInterface\.InUse|ResourceInUse)$/;

const DELAYS_MS = [5_000, 10_000, 20_000, 30_000, 60_000];

/** Which ENIs hold this subnet, VPC or security group now: the filter that finds them. */
function holderFilter(found: Found): { Name: string; Values: string[] } | undefined {
  if (found.kind === 'subnet') return { Name: 'subnet-id', Values: [found.id] };
  if (found.kind === 'vpc' || found.kind === 'internet-gateway') return { Name: 'vpc-id', Values: [found.details?.vpc || found.id] };
  if (found.kind === 'security-group') return { Name: 'group-id', Values: [found.id] };
  return undefined;
}

/** An ENI as a learner can recognise it: its description says who made it ("ELB app/k8s-…", "Amazon EKS …"). */
export function holderName(eni: NetworkInterface): string {
  const what = eni.Description?.trim() || eni.InterfaceType || 'network interface';
  const by = eni.Attachment?.InstanceId ?? (eni.RequesterManaged ? eni.RequesterId : undefined);
  return `${eni.NetworkInterfaceId} (${what}${by ? `, ${by}` : ''}, ${eni.Status ?? '?'})`;
}

/** The network interfaces that still hold the resource, named by their descriptions; for a VPC also its security groups, by name. */
export async function holdersOf(ctx: StepContext, found: Found): Promise<string[]> {
  const filter = holderFilter(found);
  if (!filter || (found.kind === 'internet-gateway' && !found.details?.vpc)) return [];
  const holders: string[] = [];
  try {
    const { DescribeNetworkInterfacesCommand, DescribeSecurityGroupsCommand } = await import('@aws-sdk/client-ec2');
    const answer = await ctx.clients.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [filter] }));
    holders.push(...(answer.NetworkInterfaces ?? []).map(holderName));
    if (found.kind === 'vpc') {
      const groups = await ctx.clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [filter] }));
      for (const g of groups.SecurityGroups ?? [])
        if (g.GroupName !== 'default') holders.push(`${g.GroupId} (security group ${g.GroupName ?? ''})`);
    }
  } catch {
    // Naming the holders is a courtesy: the explanation stands without them.
  }
  return holders;
}

/**
 * Sends a delete again while AWS answers that something still uses the
 * resource, for as long as AWS typically needs to release it (about 15 minutes
 * of step time), reporting the real elapsed time; then explains with the names
 * of the network interfaces that hold it.
 */
export async function withDependencyRetry(ctx: StepContext, what: Found, call: () => Promise<unknown>): Promise<void> {
  const started = ctx.clock.now();
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      await call();
      return;
    } catch (error) {
      const code = (error as { name?: string; Code?: string }).name ?? (error as { Code?: string }).Code ?? '';
      if (!STILL_IN_USE.test(code)) throw error;
      const delay = DELAYS_MS[Math.min(attempt, DELAYS_MS.length - 1)]!;
      if (waited + delay > DEPENDENCY_PATIENCE_MS) throw await stillInUse(ctx, what, ctx.clock.now() - started, error);
      ctx.emit({
        type: 'status',
        key: what.key,
        kind: what.kind,
        id: what.id,
        status: `${code}, retrying`,
        elapsedMs: ctx.clock.now() - started,
        expectedMs: DEPENDENCY_PATIENCE_MS,
      });
      await ctx.clock.sleep(delay, ctx.signal);
      waited += delay;
    }
  }
}

async function stillInUse(ctx: StepContext, what: Found, elapsedMs: number, cause: unknown): Promise<TutorError> {
  const holders = await holdersOf(ctx, what);
  const minutes = Math.max(1, Math.round(elapsedMs / 60_000));
  const named = holders.length ? holders.join('; ') : '';
  return new TutorError(
    'DEPENDENCY',
    named
      ? text(
          `${what.id} is still in use after ${minutes} minutes of retrying. It is held by: ${named}. Delete what the description names (a load balancer in the EC2 console, an instance), or wait a few minutes, then run down again.`,
          `${what.id} は ${minutes} 分再試行してもまだ使用中です。使っているもの: ${named}。説明に書かれたもの(EC2 コンソールのロードバランサー、インスタンスなど)を削除するか、数分待ってから、もう一度 down を実行してください。`,
        )
      : text(
          `${what.id} is still in use after ${minutes} minutes of retrying, and no network interface names what holds it. Wait a few minutes, then run down again; the EC2 console shows what depends on it.`,
          `${what.id} は ${minutes} 分再試行してもまだ使用中で、使っているネットワークインターフェイスも見つかりません。数分待ってから、もう一度 down を実行してください。依存しているものは EC2 コンソールで確認できます。`,
        ),
    cause,
  );
}
