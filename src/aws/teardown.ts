import { text, type Text } from '../text.js';
import { formatUsd, resourceHourly } from './cost.js';
import { inventory, type Found } from './inventory.js';
import { KINDS, deleteRank, type PriceConfig } from './resources/kinds.js';
import { canAskKubernetes } from './resources/kubernetes.js';
import { LEFT_BY_THE_CLUSTER, deleteOrder, resourceType } from './resources/registry.js';
import { KUBECONFIG_KEY } from './steps/kubeconfig.js';
import type { StepContext } from './types.js';

export { removeTutorKubeconfig } from './resources/kubeconfig.js';

export interface TeardownResult {
  deleted: Found[];
  /** Found by tag or ledger but not deleted because they are not provably ours. */
  leftAlone: Found[];
  /** Still tagged for this cluster after teardown (should be empty). */
  remaining: Found[];
  /** What the tutor made or caused that it does not delete, named (the control-plane log group). */
  leftBehind?: string[];
}

/**
 * Which resources teardown may delete: tagged as ours, and in the ledger (or, with no ledger at all, by tag alone).
 * What Kubernetes or EKS made is never in the ledger: it counts when it is inside the tutor's VPC or tagged for its cluster.
 */
export function deletable(found: Found[], ledgerEmpty: boolean): { delete: Found[]; leave: Found[] } {
  const del: Found[] = [];
  const leave: Found[] = [];
  for (const f of found) (f.tagged && (f.inLedger || ledgerEmpty || KINDS[f.kind]?.madeBy !== undefined) ? del : leave).push(f);
  return { delete: del, leave };
}

export function teardownOrder(found: Found[]): Found[] {
  return deleteOrder(found);
}

/** A Service or Ingress in the plan, with the load balancers it holds in AWS and what they cost an hour. */
export interface KubernetesHolding {
  object: 'service' | 'ingress';
  id: string;
  loadBalancers: { id: string; type: string; hourly: number }[];
  hourly: number;
  /** One line for the learner, before they are asked. */
  text: Text;
}

/** What Kubernetes made that the plan deletes first, for the CLI and the TUI to show and ask about. */
export function kubernetesHoldings(plan: readonly Found[], config: PriceConfig): KubernetesHolding[] {
  return plan
    .filter((f) => f.kind === 'kubernetes-service' || f.kind === 'kubernetes-ingress')
    .map((f) => {
      const object = f.kind === 'kubernetes-ingress' ? 'ingress' : 'service';
      const names = (f.details?.loadBalancers ?? '')
        .split(',')
        .filter(Boolean)
        .map((lb) => lb.split('|')[0]!);
      const loadBalancers = names.map((id) => {
        const lb = plan.find((p) => p.kind === 'load-balancer' && p.id === id);
        return { id, type: lb?.details?.type ?? '', hourly: lb ? resourceHourly(lb, config) : 0 };
      });
      const hourly = loadBalancers.reduce((sum, lb) => sum + lb.hourly, 0);
      const what = loadBalancers.map((lb) => `${lb.type || 'load balancer'} ${lb.id}`).join(', ');
      const label = object === 'service' ? 'Service' : 'Ingress';
      return {
        object,
        id: f.id,
        loadBalancers,
        hourly,
        text: loadBalancers.length
          ? text(
              `${label} ${f.id} holds the load balancer ${what} (about ${formatUsd(hourly)}/hour). It is deleted with kubectl first, and down waits until AWS has removed the load balancer.`,
              `${label} ${f.id} はロードバランサー ${what} を使っています(1 時間あたり約 ${formatUsd(hourly)})。最初に kubectl で削除し、AWS がロードバランサーを消すまで待ちます。`,
            )
          : text(
              `${label} ${f.id} has no load balancer in AWS yet. It is deleted with kubectl first, so that none is made.`,
              `${label} ${f.id} にはまだ AWS のロードバランサーがありません。作られないよう、最初に kubectl で削除します。`,
            ),
      };
    });
}

/** The control plane's log group (`--logging`): EKS leaves it, and the tutor has no CloudWatch Logs client. */
export function logGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/cluster`;
}

async function deleteOne(ctx: StepContext, f: Found): Promise<void> {
  ctx.emit({ type: 'resource', key: f.key, kind: f.kind, id: f.id, change: 'deleting' });
  await resourceType(f.kind)?.destroy(ctx, f);
  // Policy attachments go with their role; everything else is marked by its own key.
  for (const entry of ctx.ledger.live) {
    if (entry.key === f.key || entry.id === f.id || (f.kind === 'iam-role' && entry.key.startsWith(`${f.key}/`)))
      await ctx.ledger.deleted(entry.key);
  }
  ctx.emit({ type: 'resource', key: f.key, kind: f.kind, id: f.id, change: 'deleted' });
}

/** What the cluster may hold in AWS that Kubernetes made: said before anything is deleted. */
function noteKubernetes(ctx: StepContext, plan: Found[]): void {
  if (!plan.some((f) => f.kind === 'eks-cluster')) return;
  if (!ctx.config.kubectl) {
    ctx.emit({
      type: 'note',
      text: text(
        'With --no-kubectl, Services of type LoadBalancer and Ingresses are not looked at: once the cluster is gone, the tutor looks for the load balancers, security groups and network interfaces they left in its VPC and deletes those.',
        '--no-kubectl のため、LoadBalancer タイプの Service と Ingress は確認しません。クラスターの削除後、それらが VPC に残したロードバランサー・セキュリティグループ・ネットワークインターフェイスを探して削除します。',
      ),
    });
  } else if (!canAskKubernetes(ctx)) {
    ctx.emit({
      type: 'note',
      text: text(
        'The tutor has no kubeconfig entry for this cluster, so it cannot ask Kubernetes for Services and Ingresses: once the cluster is gone, it looks for what they left in its VPC and deletes that.',
        'このクラスターのチューターの kubeconfig エントリがないため、Kubernetes に Service と Ingress を問い合わせられません。クラスターの削除後、それらが VPC に残したものを探して削除します。',
      ),
    });
  }
}

/**
 * Deletes, in AWS's dependency order, what `deletable` allows: first what
 * Kubernetes made (through kubectl, while the cluster exists), then the node
 * group and the cluster; then it looks again for load balancers, security
 * groups and network interfaces the cluster left in the VPC; then the network
 * and the roles. Afterwards it looks again for anything tagged.
 */
export async function teardown(ctx: StepContext, plan: Found[]): Promise<TeardownResult> {
  noteKubernetes(ctx, plan);
  const queue = teardownOrder(plan);
  const deleted: Found[] = [];
  const seen = new Set(queue.map((f) => `${f.kind}:${f.id}`));
  // Once what goes first of what the cluster leaves behind is gone (its load balancers), the VPC is looked in again.
  const rescanAfter = Math.min(...LEFT_BY_THE_CLUSTER.map(deleteRank));
  let rescanned = !queue.some((f) => deleteRank(f.kind) <= rescanAfter);
  for (let i = 0; i < queue.length; i++) {
    const f = queue[i]!;
    if (!rescanned && deleteRank(f.kind) > rescanAfter) {
      rescanned = true;
      const ledgerEmpty = ctx.ledger.live.length === 0;
      const left = deletable(await inventory(ctx, { kinds: LEFT_BY_THE_CLUSTER }), ledgerEmpty).delete.filter(
        (n) => !seen.has(`${n.kind}:${n.id}`),
      );
      if (left.length) {
        left.forEach((n) => seen.add(`${n.kind}:${n.id}`));
        queue.splice(i, queue.length - i, ...teardownOrder([...queue.slice(i), ...left]));
        i--;
        continue;
      }
    }
    await deleteOne(ctx, f);
    deleted.push(f);
  }
  const after = await inventory(ctx);
  const remaining = after.filter((f) => f.tagged && f.kind !== 'kubeconfig');
  if (remaining.length === 0) {
    const kubeconfig = ctx.ledger.get(KUBECONFIG_KEY);
    if (!kubeconfig || kubeconfig.state === 'deleted') await ctx.ledger.clear();
  }
  const leftBehind: string[] = [];
  if (ctx.config.logging && deleted.some((f) => f.kind === 'eks-cluster')) {
    const group = logGroupName(ctx.config.clusterName);
    leftBehind.push(group);
    ctx.emit({
      type: 'note',
      text: text(
        `Left behind: the control plane's CloudWatch log group ${group} (EKS keeps it after the cluster; stored logs are billed per GB). Delete it with: aws logs delete-log-group --log-group-name ${group} --region ${ctx.config.region}`,
        `残っているもの: コントロールプレーンの CloudWatch ロググループ ${group}(クラスター削除後も EKS は残します。保存されたログは GB 単位で課金されます)。削除するには: aws logs delete-log-group --log-group-name ${group} --region ${ctx.config.region}`,
      ),
    });
  }
  return { deleted, leftAlone: [], remaining, leftBehind };
}
