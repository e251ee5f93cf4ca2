import {
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  ReleaseAddressCommand,
  type NatGateway,
} from '@aws-sdk/client-ec2';
import { DeleteClusterCommand, DeleteNodegroupCommand, type Cluster, type Nodegroup } from '@aws-sdk/client-eks';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { kubeconfigPath, readKubeconfig, removeEntry, writeKubeconfig } from '../kube/kubeconfig.js';
import { inventory, type Found } from './inventory.js';
import { destroyRole } from './roles.js';
import { describeCluster } from './steps/cluster.js';
import { KUBECONFIG_KEY } from './steps/kubeconfig.js';
import { describeNodegroup, nodegroupName } from './steps/nodegroup.js';
import type { Ledger } from '../state/ledger.js';
import type { StepContext } from './types.js';
import { EXPECTED, POLL_DELAY, waitFor } from './wait.js';

export interface TeardownResult {
  deleted: Found[];
  /** Found by tag or ledger but not deleted because they are not provably ours. */
  leftAlone: Found[];
  /** Still tagged for this cluster after teardown (should be empty). */
  remaining: Found[];
}

/** Which resources teardown may delete: tagged as ours, and in the ledger (or, with no ledger at all, by tag alone). */
export function deletable(found: Found[], ledgerEmpty: boolean): { delete: Found[]; leave: Found[] } {
  const del: Found[] = [];
  const leave: Found[] = [];
  for (const f of found) (f.tagged && (f.inLedger || ledgerEmpty) ? del : leave).push(f);
  return { delete: del, leave };
}

const KIND_ORDER = ['eks-nodegroup', 'eks-cluster', 'nat-gateway', 'elastic-ip', 'internet-gateway', 'subnet', 'route-table', 'vpc', 'iam-role', 'kubeconfig'];

export function teardownOrder(found: Found[]): Found[] {
  return [...found].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/**
 * Retries a delete that AWS refuses with DependencyViolation (something is still
 * being released), then explains what usually holds it.
 */
async function withDependencyRetry(ctx: StepContext, what: Found, call: () => Promise<unknown>): Promise<void> {
  const delays = [5_000, 10_000, 20_000, 40_000, 60_000, 60_000];
  for (let attempt = 0; ; attempt++) {
    try {
      await call();
      return;
    } catch (error) {
      const code = (error as { name?: string; Code?: string }).name ?? '';
      if (code !== 'DependencyViolation' || attempt >= delays.length) {
        if (code === 'DependencyViolation') {
          throw new TutorError(
            'DEPENDENCY',
            text(
              `${what.id} is still in use. Often a load balancer made by a Kubernetes Service of type LoadBalancer still holds network interfaces in the VPC: delete that Service (or the load balancer and its security groups), then run down again.`,
              `${what.id} はまだ使用中です。Kubernetes の LoadBalancer タイプの Service が作ったロードバランサーが VPC 内にネットワークインターフェイスを残していることがよくあります。その Service(またはロードバランサーとセキュリティグループ)を削除してから、もう一度 down を実行してください。`,
            ),
            error,
          );
        }
        throw error;
      }
      ctx.emit({ type: 'status', key: what.key, kind: what.kind, id: what.id, status: 'DependencyViolation, retrying', elapsedMs: 0, expectedMs: 0 });
      await ctx.clock.sleep(delays[attempt]!, ctx.signal);
    }
  }
}

async function deleteOne(ctx: StepContext, f: Found): Promise<void> {
  const { ec2, eks } = ctx.clients;
  const name = ctx.config.clusterName;
  ctx.emit({ type: 'resource', key: f.key, kind: f.kind, id: f.id, change: 'deleting' });
  switch (f.kind) {
    case 'eks-nodegroup': {
      if (f.state !== 'DELETING') await eks.send(new DeleteNodegroupCommand({ clusterName: name, nodegroupName: nodegroupName(name) }));
      await waitFor<Nodegroup>(ctx, {
        key: f.key,
        kind: f.kind,
        id: f.id,
        read: () => describeNodegroup(ctx),
        status: (n) => n?.status ?? 'deleted',
        done: (n) => !n,
        failed: (n) => n?.status === 'DELETE_FAILED',
        delayMs: POLL_DELAY.nodegroup,
        expectedMs: EXPECTED.nodegroupDelete,
        timeoutMs: 30 * 60_000,
      });
      break;
    }
    case 'eks-cluster': {
      if (f.state !== 'DELETING') await eks.send(new DeleteClusterCommand({ name }));
      await waitFor<Cluster>(ctx, {
        key: f.key,
        kind: f.kind,
        id: f.id,
        read: () => describeCluster(ctx),
        status: (c) => c?.status ?? 'deleted',
        done: (c) => !c,
        failed: (c) => c?.status === 'FAILED',
        delayMs: POLL_DELAY.cluster,
        expectedMs: EXPECTED.clusterDelete,
        timeoutMs: 30 * 60_000,
      });
      break;
    }
    case 'nat-gateway': {
      if (f.state !== 'deleting') await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: f.id }));
      await waitFor<NatGateway>(ctx, {
        key: f.key,
        kind: f.kind,
        id: f.id,
        read: async () => (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [f.id] }))).NatGateways?.[0],
        status: (g) => g?.State ?? 'deleted',
        done: (g) => !g || g.State === 'deleted',
        delayMs: POLL_DELAY.natGateway,
        expectedMs: EXPECTED.natDelete,
        timeoutMs: 15 * 60_000,
      });
      break;
    }
    case 'elastic-ip':
      await withDependencyRetry(ctx, f, () => ec2.send(new ReleaseAddressCommand({ AllocationId: f.id })));
      break;
    case 'internet-gateway': {
      const igw = (await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [f.id] }))).InternetGateways?.[0];
      for (const attachment of igw?.Attachments ?? []) {
        await withDependencyRetry(ctx, f, () => ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: f.id, VpcId: attachment.VpcId })));
      }
      await withDependencyRetry(ctx, f, () => ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: f.id })));
      break;
    }
    case 'subnet':
      await withDependencyRetry(ctx, f, () => ec2.send(new DeleteSubnetCommand({ SubnetId: f.id })));
      break;
    case 'route-table': {
      const table = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [f.id] }))).RouteTables?.[0];
      for (const association of table?.Associations ?? []) {
        if (!association.Main && association.RouteTableAssociationId) {
          await ec2.send(new DisassociateRouteTableCommand({ AssociationId: association.RouteTableAssociationId }));
        }
      }
      await withDependencyRetry(ctx, f, () => ec2.send(new DeleteRouteTableCommand({ RouteTableId: f.id })));
      break;
    }
    case 'vpc':
      await withDependencyRetry(ctx, f, () => ec2.send(new DeleteVpcCommand({ VpcId: f.id })));
      break;
    case 'iam-role':
      await destroyRole(ctx, f.key, f.id);
      break;
    case 'kubeconfig':
      await removeTutorKubeconfig(ctx.ledger, f.details?.path);
      break;
    default:
      break;
  }
  // Policy attachments go with their role; everything else is marked by its own key.
  for (const entry of ctx.ledger.live) {
    if (entry.key === f.key || entry.id === f.id || (f.kind === 'iam-role' && entry.key.startsWith(`${f.key}/`))) await ctx.ledger.deleted(entry.key);
  }
  ctx.emit({ type: 'resource', key: f.key, kind: f.kind, id: f.id, change: 'deleted' });
}

/**
 * Takes the tutor's cluster, user and context out of the kubeconfig it wrote
 * to, and puts back the context that was current before. Nothing else changes.
 */
export async function removeTutorKubeconfig(ledger: Ledger, path?: string): Promise<void> {
  const entry = ledger.get(KUBECONFIG_KEY);
  if (!entry?.id) return;
  const file = path || entry.details?.path || ledger.facts.kubeconfigPath || kubeconfigPath();
  const source = await readKubeconfig(file);
  if (source === undefined) return;
  const next = removeEntry(source, entry.id, ledger.facts.previousContext ?? null);
  if (next !== source) await writeKubeconfig(file, next);
}

/** Deletes, in AWS's dependency order, what `deletable` allows; then looks again for anything tagged. */
export async function teardown(ctx: StepContext, plan: Found[]): Promise<TeardownResult> {
  const deleted: Found[] = [];
  for (const f of teardownOrder(plan)) {
    await deleteOne(ctx, f);
    deleted.push(f);
  }
  const after = await inventory(ctx);
  const remaining = after.filter((f) => f.tagged && f.kind !== 'kubeconfig');
  if (remaining.length === 0) {
    const kubeconfig = ctx.ledger.get(KUBECONFIG_KEY);
    if (!kubeconfig || kubeconfig.state === 'deleted') await ctx.ledger.clear();
  }
  return { deleted, leftAlone: [], remaining };
}
