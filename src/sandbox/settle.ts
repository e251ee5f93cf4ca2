import { createClusterInterfaces, deleteClusterInterfaces } from './cluster-interfaces.js';
import { deleteClusterSecurityGroup } from './cluster-security-group.js';
import { updateInProgress } from './eks-updates.js';
import type { EksView } from './eks-view.js';
import type { ClusterMemo } from './timeline.js';

/**
 * Finishes what AWS finishes in the background: once a control plane is up,
 * EKS's network interfaces appear in the cluster subnets; once a cluster is
 * gone, they and the cluster security group go too (a few minutes later with
 * lingering-enis); a deleted NAT gateway lets go of its Elastic IP. Runs
 * before every request, one run at a time.
 */
export function makeSettler(view: EksView): () => Promise<void> {
  const { memory, timeline, moto, behaviours } = view;
  let running: Promise<void> = Promise.resolve();

  /** When what EKS made for the cluster may go: when the cluster is gone, or that plus the lingering window. */
  function leftoversDue(memo: ClusterMemo): boolean {
    if (view.clusterLifecycle(memo) !== 'gone' || memo.deletedAt === undefined) return false;
    if (!behaviours.on('lingering-enis')) return true;
    return timeline.now() >= memo.deletedAt + timeline.durationMs('clusterDelete') + behaviours.windowMs('lingering-enis');
  }

  async function settleCluster(memo: ClusterMemo): Promise<void> {
    const scope = { accessKeyId: memo.accessKeyId, region: memo.region };
    const made = memo.request !== undefined && memo.networkInterfaceIds === undefined;
    if (made && behaviours.on('lingering-enis') && memo.deletedAt === undefined && view.clusterLifecycle(memo) === 'active') {
      memo.networkInterfaceIds = [];
      memo.networkInterfaceIds = await createClusterInterfaces(moto, scope, {
        name: memo.name,
        subnetIds: memo.subnetIds ?? [],
        securityGroupId: memo.securityGroupId,
      });
      return;
    }
    if (memo.securityGroupRemoved || !leftoversDue(memo)) return;
    memo.securityGroupRemoved = true;
    await deleteClusterInterfaces(moto, scope, memo.name, memo.networkInterfaceIds);
    if (memo.securityGroupId) await deleteClusterSecurityGroup(moto, scope, memo.securityGroupId);
  }

  /** A finished version update moves its cluster or node group to the new version. */
  function applyUpdates(): void {
    for (const update of memory.allUpdates()) {
      if (update.applied || updateInProgress(view, update)) continue;
      update.applied = true;
      if (update.nodegroupName === undefined) {
        const cluster = memory.cluster(update.region, update.clusterName);
        if (cluster) cluster.upgradedVersion = update.version;
        continue;
      }
      const nodegroup = memory.nodegroup(update.region, update.clusterName, update.nodegroupName);
      if (!nodegroup) continue;
      nodegroup.upgradedVersion = update.version;
      nodegroup.upgradedReleaseVersion = update.releaseVersion;
    }
  }

  async function settleOnce(): Promise<void> {
    applyUpdates();
    for (const memo of memory.allClusters()) {
      await settleCluster(memo);
      if (view.clusterLifecycle(memo) === 'gone') memory.forgetClusterExtras(memo.region, memo.name);
    }
    for (const memo of memory.allNatGateways()) {
      if (memo.addressesReleased || timeline.lifecycle(memo, 'natGatewayCreate', 'natGatewayDelete') !== 'gone') continue;
      memo.addressesReleased = true;
      for (const associationId of memo.associationIds) {
        await moto.ec2(
          { accessKeyId: memo.accessKeyId, region: memo.region },
          { Action: 'DisassociateAddress', AssociationId: associationId },
        );
      }
    }
  }

  return () => {
    running = running.then(settleOnce, settleOnce);
    return running;
  };
}
