import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import type { StepContext } from '../types.js';
import type { Found, Scan } from './found.js';
import { KEYS, type Kind } from './kinds.js';
import { waitUntilGone } from './load-balancer.js';
import type { ResourceType } from './types.js';

interface KubeList {
  items?: {
    metadata?: { name?: string; namespace?: string };
    spec?: { type?: string };
    status?: { loadBalancer?: { ingress?: { hostname?: string; ip?: string }[] } };
  }[];
}

/** kubectl, aimed at the tutor's own context in the tutor's kubeconfig: never at whatever context is current. */
function tutorKubectl(ctx: StepContext): ((args: string[]) => ReturnType<StepContext['kubectl']>) | undefined {
  const entry = ctx.ledger.get(KEYS.kubeconfig);
  if (!ctx.config.kubectl || !entry?.id || entry.state === 'deleted') return undefined;
  const path = entry.details?.path;
  const options = { ...(path ? { kubeconfig: path } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}) };
  return (args) => ctx.kubectl(['--context', entry.id!, ...args], options);
}

/** Whether Services and Ingresses can be looked at: the cluster is up and the tutor's kubeconfig entry exists. */
export function canAskKubernetes(ctx: StepContext): boolean {
  return tutorKubectl(ctx) !== undefined;
}

function kindFinder(object: 'service' | 'ingress'): ResourceType['find'] {
  const kind: Kind = object === 'service' ? 'kubernetes-service' : 'kubernetes-ingress';
  return async (scan: Scan) => {
    const { ctx } = scan;
    const kubectl = tutorKubectl(ctx);
    const cluster = kubectl ? await scan.cluster() : undefined;
    if (!kubectl || cluster?.status !== 'ACTIVE' || !(await scan.clusterIsOurs())) return [];
    const answer = await kubectl(['get', object === 'service' ? 'services' : 'ingresses', '--all-namespaces', '-o', 'json']);
    // A cluster kubectl cannot reach is not a reason to stop: the load balancers are found in AWS afterwards.
    if (answer.exitCode !== 0) return [];
    let list: KubeList;
    try {
      list = JSON.parse(answer.stdout) as KubeList;
    } catch {
      return [];
    }
    const found: Found[] = [];
    for (const item of list.items ?? []) {
      if (object === 'service' && item.spec?.type !== 'LoadBalancer') continue;
      const ns = item.metadata?.namespace ?? 'default';
      const name = item.metadata?.name ?? '';
      if (!name) continue;
      const hostnames = (item.status?.loadBalancer?.ingress ?? []).map((i) => i.hostname ?? i.ip ?? '').filter(Boolean);
      found.push({
        key: `${object === 'service' ? 'svc' : 'ing'}/${ns}/${name}`,
        kind,
        id: `${ns}/${name}`,
        inLedger: false,
        tagged: true,
        state: hostnames.length ? 'active' : 'pending',
        details: { object, namespace: ns, name, hostnames: hostnames.join(',') },
      });
    }
    return found;
  };
}

/**
 * Deletes the Service or Ingress through Kubernetes, so that the cloud
 * provider removes what it made for it, then waits until AWS no longer lists
 * those load balancers.
 */
async function destroyThroughKubernetes(ctx: StepContext, f: Found): Promise<void> {
  const kubectl = tutorKubectl(ctx);
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
    await waitUntilGone(ctx, { key: `lb/${name}`, kind: 'load-balancer', id: name, inLedger: false, tagged: true, details: arn ? { arn } : {} });
  }
}

export const kubernetesServiceResource: ResourceType = { kind: 'kubernetes-service', find: kindFinder('service'), destroy: destroyThroughKubernetes };
export const kubernetesIngressResource: ResourceType = { kind: 'kubernetes-ingress', find: kindFinder('ingress'), destroy: destroyThroughKubernetes };

/**
 * Joins what Kubernetes reports with what AWS lists: each Service or Ingress
 * learns the load balancers it holds (by the cloud provider's tags, or by DNS
 * name), and each load balancer which object made it.
 */
export function linkKubernetesToAws(found: Found[]): void {
  const lbs = found.filter((f) => f.kind === 'load-balancer');
  for (const k of found.filter((f) => f.kind === 'kubernetes-service' || f.kind === 'kubernetes-ingress')) {
    const hostnames = (k.details?.hostnames ?? '').split(',').filter(Boolean);
    const held = lbs.filter((lb) => lb.details?.service === k.id || lb.details?.ingress === k.id || hostnames.includes(lb.details?.dns ?? '-'));
    if (!held.length) continue;
    k.details = { ...k.details, loadBalancers: held.map((lb) => (lb.details?.arn ? `${lb.id}|${lb.details.arn}` : lb.id)).join(',') };
    for (const lb of held) lb.details = { ...lb.details, madeFor: `${k.details.object} ${k.id}` };
  }
}
