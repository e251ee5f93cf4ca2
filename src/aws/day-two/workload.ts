import { CreateTagsCommand, DeleteTagsCommand } from '@aws-sdk/client-ec2';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { ELB_TAG, subnetKey } from '../steps/vpc-requests.js';
import { tutorKubectl } from '../steps/kubeconfig.js';
import type { Check } from '../types.js';
import { waitFor } from '../wait.js';
import { check, describeSubnets, kubectl, planned, requireKubectl, send, type DayTwoContext, type Outcome } from './context.js';

export const APP = 'hello';
export const UNTAGGED_APP = 'hello-no-elb-tag';
const IMAGE = 'public.ecr.aws/nginx/nginx';
/** A classic ELB gets its DNS name within a minute or two; the cloud provider retries a failed one with back-off. */
const SERVICE_LIFE = { pollMs: 5_000, createMs: 90_000 };

interface ServiceState {
  hostname?: string;
  events: string[];
}

async function readService(ctx: DayTwoContext, name: string): Promise<ServiceState | undefined> {
  const got = await tutorKubectl(ctx, ['get', 'service', name, '-o', 'json']);
  if (got.exitCode !== 0) return undefined;
  const service = JSON.parse(got.stdout) as { status?: { loadBalancer?: { ingress?: { hostname?: string; ip?: string }[] } } };
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  const hostname = ingress?.hostname ?? ingress?.ip;
  return hostname ? { hostname, events: [] } : { events: [] };
}

/** Waits for EXTERNAL-IP, or (`pending`) until the load balancer controller has said why there is none. */
async function waitForAddress(ctx: DayTwoContext, name: string, until: 'address' | 'refusal'): Promise<ServiceState | undefined> {
  return waitFor<ServiceState>(ctx, {
    key: `svc/default/${name}`,
    kind: 'kubernetes-service',
    id: `service/${name}`,
    read: async () => {
      const state = await readService(ctx, name);
      if (state && until === 'refusal') state.events = await warnings(ctx, name);
      return state;
    },
    status: (s) =>
      s?.hostname ? `EXTERNAL-IP ${s.hostname}` : s?.events.length ? `<pending>, ${s.events[0]!.split(':')[0]}` : '<pending>',
    done: (s) => (until === 'address' ? Boolean(s?.hostname) : Boolean(s?.hostname) || Boolean(s?.events.length)),
    delayMs: SERVICE_LIFE.pollMs,
    expectedMs: SERVICE_LIFE.createMs,
    timeoutMs: 15 * 60_000,
  });
}

/** The controller's warnings about the Service (`kubectl get events`). */
async function warnings(ctx: DayTwoContext, name: string): Promise<string[]> {
  const args = [
    'get',
    'events',
    '--field-selector',
    `involvedObject.name=${name},type=Warning`,
    '-o',
    'jsonpath={range .items[*]}{.reason}: {.message}{"\\n"}{end}',
  ];
  const got = await tutorKubectl(ctx, args);
  return got.exitCode === 0 ? got.stdout.split('\n').filter(Boolean) : [];
}

function publicSubnetIds(ctx: DayTwoContext): string[] {
  return Array.from({ length: ctx.config.azs }, (_, i) => ctx.ledger.get(subnetKey('public', i))?.id).filter((id): id is string =>
    Boolean(id),
  );
}

/** `kubectl create`/`expose`, taken as done when the object is already there. */
async function ensureKube(ctx: DayTwoContext, args: string[]): Promise<void> {
  const result = await kubectl(ctx, args);
  if (result.exitCode !== 0 && !/AlreadyExists|already exists/.test(result.stderr)) {
    throw new TutorError(
      'TOOL_FAILED',
      text(
        `kubectl ${args.slice(0, 2).join(' ')} failed: ${result.stderr.trim().split('\n')[0]}`,
        `kubectl ${args.slice(0, 2).join(' ')} が失敗しました: ${result.stderr.trim().split('\n')[0]}`,
      ),
    );
  }
}

/** The load balancer behind a DNS name (ELB DescribeLoadBalancers), with its subnets. */
async function loadBalancerOf(ctx: DayTwoContext, hostname: string): Promise<{ name: string; subnets: string[] } | undefined> {
  const answer = await send(
    ctx,
    planned(
      ctx,
      'elb',
      'DescribeLoadBalancers',
      {},
      text(
        'The classic load balancer the AWS cloud provider made for the Service.',
        'AWS クラウドプロバイダーが Service のために作ったクラシックロードバランサー。',
      ),
    ),
    () => ctx.clients.elb.describeLoadBalancers({}),
  );
  const lb = (answer.LoadBalancerDescriptions ?? []).find((d) => d.DNSName === hostname);
  return lb ? { name: lb.LoadBalancerName ?? '', subnets: lb.Subnets ?? [] } : undefined;
}

/** With the elb tag gone from the public subnets, a new LoadBalancer Service stays pending; the tag is put back afterwards. */
async function withoutTag(ctx: DayTwoContext): Promise<Check[]> {
  const subnets = publicSubnetIds(ctx);
  const tag = [{ Key: ELB_TAG.public, Value: '1' }];
  const remove = { Resources: subnets, Tags: [{ Key: ELB_TAG.public }] };
  await send(
    ctx,
    planned(
      ctx,
      'ec2',
      'DeleteTags',
      remove,
      text('Take kubernetes.io/role/elb off the public subnets.', 'パブリックサブネットから kubernetes.io/role/elb を外します。'),
    ),
    () => ctx.clients.ec2.send(new DeleteTagsCommand(remove)),
  );
  try {
    await ensureKube(ctx, ['expose', 'deployment', APP, '--name', UNTAGGED_APP, '--type', 'LoadBalancer', '--port', '80']);
    const state = await waitForAddress(ctx, UNTAGGED_APP, 'refusal');
    await kubectl(ctx, ['get', 'service', UNTAGGED_APP]);
    await kubectl(ctx, ['get', 'events', '--field-selector', `involvedObject.name=${UNTAGGED_APP}`]);
    return [
      check(
        'workload:untagged-pending',
        !state?.hostname,
        'Without the tag, the new Service has no EXTERNAL-IP',
        'タグがないと、新しい Service に EXTERNAL-IP が付かない',
        state?.hostname ?? '<pending>',
      ),
      check(
        'workload:untagged-event',
        (state?.events ?? []).some((e) => /subnet/i.test(e)),
        'The controller says it found no suitable subnets',
        'コントローラーが適したサブネットがないと報告している',
        state?.events[0],
      ),
    ];
  } finally {
    await kubectl(ctx, ['delete', 'service', UNTAGGED_APP, '--ignore-not-found']);
    const restore = { Resources: subnets, Tags: tag };
    await send(ctx, planned(ctx, 'ec2', 'CreateTags', restore, text('Put the tag back.', 'タグを元に戻します。')), () =>
      ctx.clients.ec2.send(new CreateTagsCommand(restore)),
    );
  }
}

/** `day-two workload`: a Deployment of two nginx pods behind a LoadBalancer Service, and where its load balancer went. */
export async function workloadAction(ctx: DayTwoContext, options: { withoutElbTag?: boolean } = {}): Promise<Outcome> {
  requireKubectl(
    ctx,
    text(
      'day-two workload works through kubectl: leave out --no-kubectl.',
      'day-two workload は kubectl を使います。--no-kubectl を外してください。',
    ),
  );
  await ensureKube(ctx, ['create', 'deployment', APP, `--image=${IMAGE}`, '--replicas=2']);
  await ensureKube(ctx, ['expose', 'deployment', APP, '--type', 'LoadBalancer', '--port', '80']);
  const state = await waitForAddress(ctx, APP, 'address');
  await kubectl(ctx, ['get', 'deployment,pods,service', '-l', `app=${APP}`, '-o', 'wide']);
  await kubectl(ctx, ['get', 'service', APP]);
  const checks: Check[] = [
    check(
      'workload:address',
      Boolean(state?.hostname),
      `Service ${APP} has an EXTERNAL-IP`,
      `Service ${APP} に EXTERNAL-IP が付いた`,
      state?.hostname,
    ),
  ];
  const lb = state?.hostname ? await loadBalancerOf(ctx, state.hostname) : undefined;
  checks.push(
    check(
      'workload:load-balancer',
      Boolean(lb),
      'A classic load balancer has that DNS name',
      'その DNS 名のクラシックロードバランサーがある',
      lb?.name,
    ),
  );
  if (lb) {
    const subnets = await describeSubnets(ctx, lb.subnets);
    const publicIds = publicSubnetIds(ctx);
    ctx.emit({
      type: 'note',
      text: text(
        `Its subnets:\n${subnets.map((s) => `  ${s.id}  ${s.cidr}  ${s.zone}  ${ELB_TAG.public}=${s.tags[ELB_TAG.public] ?? '(none)'}`).join('\n')}`,
        `そのサブネット:\n${subnets.map((s) => `  ${s.id}  ${s.cidr}  ${s.zone}  ${ELB_TAG.public}=${s.tags[ELB_TAG.public] ?? '(なし)'}`).join('\n')}`,
      ),
    });
    checks.push(
      check(
        'workload:elb-subnets',
        subnets.length > 0 && subnets.every((s) => ELB_TAG.public in s.tags && publicIds.includes(s.id)),
        `It sits in the public subnets, the ones tagged ${ELB_TAG.public}`,
        `${ELB_TAG.public} タグの付いたパブリックサブネットに置かれている`,
        subnets.map((s) => s.id).join(', '),
      ),
    );
  }
  if (options.withoutElbTag) checks.push(...(await withoutTag(ctx)));
  return {
    reasoning: text(
      `The AWS cloud provider in the control plane saw a Service of type LoadBalancer and made a classic ELB for it, one subnet per zone among those tagged ${ELB_TAG.public} (${ELB_TAG.private} for an internal one). Without that tag it cannot choose and the Service stays <pending>. The load balancer bills by the hour and was made by Kubernetes, not by the tutor: delete the Service before the cluster, or it is left behind. \`eks-basics-tutor down\` deletes such Services through kubectl first.`,
      `コントロールプレーンの AWS クラウドプロバイダーが LoadBalancer タイプの Service を見つけ、クラシック ELB を作りました。置き場所は ${ELB_TAG.public} タグ(内部向けなら ${ELB_TAG.private})の付いたサブネットから AZ ごとに 1 つです。タグがないと選べず、Service は <pending> のままです。ロードバランサーは時間単位で課金され、チューターではなく Kubernetes が作ったものです。クラスターより先に Service を削除しないと残ってしまいます。\`eks-basics-tutor down\` は、こうした Service を先に kubectl で削除します。`,
    ),
    checks,
    next: text(
      'Next: `eks-basics-tutor day-two upgrade` moves the cluster one minor version up.',
      '次は `eks-basics-tutor day-two upgrade` で、クラスターをマイナーバージョン 1 つ分上げます。',
    ),
  };
}
