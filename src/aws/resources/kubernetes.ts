import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { isOurs } from '../tags.js';
import type { StepContext } from '../types.js';
import type { Found, Scan } from './found.js';
import { KEYS, type Kind } from './facts.js';
import { waitUntilGone } from './load-balancer.js';
import type { ResourceType } from './types.js';

interface KubeList {
  items?: {
    metadata?: { name?: string; namespace?: string };
    spec?: { type?: string };
    status?: { loadBalancer?: { ingress?: { hostname?: string; ip?: string }[] } };
  }[];
}

type Kubectl = (args: string[]) => ReturnType<StepContext['kubectl']>;

/** One of the tutor's kubeconfig contexts: step 4's, or a day-two cluster's (its ledger entry names the cluster). */
interface TutorContext {
  context: string;
  cluster: string;
  main: boolean;
  run: Kubectl;
}

/** kubectl, aimed at the tutor's own contexts in the tutor's kubeconfig: never at whatever context is current. */
function tutorContexts(ctx: StepContext): TutorContext[] {
  if (!ctx.config.kubectl) return [];
  const contexts: TutorContext[] = [];
  for (const entry of ctx.ledger.live) {
    const main = entry.key === KEYS.kubeconfig;
    const cluster = main ? ctx.config.clusterName : entry.details?.cluster;
    if (entry.kind !== 'kubeconfig' || !entry.id || !cluster) continue;
    const path = entry.details?.path;
    const options = { ...(path ? { kubeconfig: path } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) };
    contexts.push({ context: entry.id, cluster, main, run: (args) => ctx.kubectl(['--context', entry.id!, ...args], options) });
  }
  return contexts.sort((a, b) => Number(b.main) - Number(a.main));
}

function tutorKubectl(ctx: StepContext, context?: string): Kubectl | undefined {
  return tutorContexts(ctx).find((c) => (context ? c.context === context : c.main))?.run;
}

/** Whether the context's cluster is up and the tutor's: step 4's through the scan, another through its own DescribeCluster. */
async function reachable(scan: Scan, c: TutorContext): Promise<boolean> {
  if (c.main) return (await scan.cluster())?.status === 'ACTIVE' && (await scan.clusterIsOurs());
  const { DescribeClusterCommand } = await import('@aws-sdk/client-eks');
  const cluster = await scan.ctx.clients.eks.send(new DescribeClusterCommand({ name: c.cluster })).then(
    (a) => a.cluster,
    () => undefined,
  );
  return cluster?.status === 'ACTIVE' && isOurs(cluster.tags, scan.ctx.config.clusterName);
}

/** Whether Services and Ingresses can be looked at: the cluster is up and the tutor's kubeconfig entry exists. */
export function canAskKubernetes(ctx: StepContext): boolean {
  return tutorKubectl(ctx) !== undefined;
}

function kindFinder(object: 'service' | 'ingress'): ResourceType['find'] {
  const kind: Kind = object === 'service' ? 'kubernetes-service' : 'kubernetes-ingress';
  return async (scan: Scan) => {
    const found: Found[] = [];
    for (const c of tutorContexts(scan.ctx)) if (await reachable(scan, c)) found.push(...(await objectsIn(c)));
    return found;
  };

  async function objectsIn(c: TutorContext): Promise<Found[]> {
    const answer = await c.run(['get', object === 'service' ? 'services' : 'ingresses', '--all-namespaces', '-o', 'json']);
    // A cluster kubectl cannot reach is not a reason to stop: the load balancers are found in AWS afterwards.
    if (answer.exitCode !== 0) return [];
    let list: KubeList;
    try {
      list = JSON.parse(answer.stdout) as KubeList;
    } catch {
      return [];
    }
    const found: Found[] = [];
    // Another cluster's objects carry its name, so that two clusters' default/web stay two.
    const prefix = c.main ? '' : `${c.cluster}/`;
    for (const item of list.items ?? []) {
      if (object === 'service' && item.spec?.type !== 'LoadBalancer') continue;
      const ns = item.metadata?.namespace ?? 'default';
      const name = item.metadata?.name ?? '';
      if (!name) continue;
      const hostnames = (item.status?.loadBalancer?.ingress ?? []).map((i) => i.hostname ?? i.ip ?? '').filter(Boolean);
      found.push({
        key: `${object === 'service' ? 'svc' : 'ing'}/${prefix}${ns}/${name}`,
        kind,
        id: `${prefix}${ns}/${name}`,
        inLedger: false,
        tagged: true,
        state: hostnames.length ? 'active' : 'pending',
        details: {
          object,
          namespace: ns,
          name,
          hostnames: hostnames.join(','),
          cluster: c.cluster,
          ...(c.main ? {} : { context: c.context }),
        },
      });
    }
    return found;
  }
}

/**
 * Deletes the Service or Ingress through Kubernetes, so that the cloud
 * provider removes what it made for it, then waits until AWS no longer lists
 * those load balancers.
 */
async function destroyThroughKubernetes(ctx: StepContext, f: Found): Promise<void> {
  const kubectl = tutorKubectl(ctx, f.details?.context);
  if (!kubectl) return;
  const object = f.details?.object === 'ingress' ? 'ingress' : 'service';
  const answer = await kubectl(['delete', object, f.details?.name ?? '', '--namespace', f.details?.namespace ?? 'default', '--wait=false']);
  if (answer.exitCode !== 0 && !/NotFound|not found/.test(answer.stderr)) {
    throw new TutorError(
      'TOOL_FAILED',
      text(
        `kubectl could not delete the ${object} ${f.id}: ${answer.stderr.trim()}. Nothing else was deleted yet: fix that (or delete the ${object} yourself), then run down again.`,
        `kubectl で ${object} ${f.id} を削除できませんでした: ${answer.stderr.trim()}。ほかにはまだ何も削除していません。原因を直す(または ${object} を自分で削除する)と、もう一度 down を実行できます。`,
      ),
    );
  }
  for (const lb of (f.details?.loadBalancers ?? '').split(',').filter(Boolean)) {
    const [name = '', arn] = lb.split('|');
    await waitUntilGone(ctx, {
      key: `lb/${name}`,
      kind: 'load-balancer',
      id: name,
      inLedger: false,
      tagged: true,
      details: arn ? { arn } : {},
    });
  }
}

// What a Service of type LoadBalancer or an Ingress made is deleted through Kubernetes first, while the cluster exists.
export const kubernetesServiceResource: ResourceType<'kubernetes-service'> = {
  kind: 'kubernetes-service',
  keys: [{ prefix: 'svc' }],
  deleteRank: 5,
  inventoried: true,
  madeBy: 'kubernetes',
  find: kindFinder('service'),
  destroy: destroyThroughKubernetes,
};
export const kubernetesIngressResource: ResourceType<'kubernetes-ingress'> = {
  kind: 'kubernetes-ingress',
  keys: [{ prefix: 'ing' }],
  deleteRank: 6,
  inventoried: true,
  madeBy: 'kubernetes',
  find: kindFinder('ingress'),
  destroy: destroyThroughKubernetes,
};

/**
 * Joins what Kubernetes reports with what AWS lists: each Service or Ingress
 * learns the load balancers it holds (by the cloud provider's tags, or by DNS
 * name), and each load balancer which object made it.
 */
export function linkKubernetesToAws(found: Found[]): void {
  const lbs = found.filter((f) => f.kind === 'load-balancer');
  for (const k of found.filter((f) => f.kind === 'kubernetes-service' || f.kind === 'kubernetes-ingress')) {
    const hostnames = (k.details?.hostnames ?? '').split(',').filter(Boolean);
    const id = `${k.details?.namespace ?? 'default'}/${k.details?.name ?? ''}`;
    // A load balancer made for another cluster of the VPC is that cluster's, whatever its Service is called.
    const sameCluster = (lb: Found) => !lb.details?.cluster || !k.details?.cluster || lb.details.cluster === k.details.cluster;
    const held = lbs.filter(
      (lb) => sameCluster(lb) && (lb.details?.service === id || lb.details?.ingress === id || hostnames.includes(lb.details?.dns ?? '-')),
    );
    if (!held.length) continue;
    k.details = { ...k.details, loadBalancers: held.map((lb) => (lb.details?.arn ? `${lb.id}|${lb.details.arn}` : lb.id)).join(',') };
    for (const lb of held) lb.details = { ...lb.details, madeFor: `${k.details.object} ${k.id}` };
  }
}
