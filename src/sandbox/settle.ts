import { deleteClusterSecurityGroup } from './cluster-security-group.js';
import type { EksView } from './eks-view.js';

/**
 * Finishes what AWS finishes in the background once a deletion is over: the
 * cluster security group goes with its cluster, and a deleted NAT gateway lets
 * go of its Elastic IP. Runs before every request, one run at a time.
 */
export function makeSettler(view: EksView): () => Promise<void> {
  const { memory, timeline, moto } = view;
  let running: Promise<void> = Promise.resolve();

  async function settleOnce(): Promise<void> {
    for (const memo of memory.allClusters()) {
      if (!memo.securityGroupId || memo.securityGroupRemoved || view.clusterLifecycle(memo) !== 'gone') continue;
      memo.securityGroupRemoved = true;
      await deleteClusterSecurityGroup(moto, { accessKeyId: memo.accessKeyId, region: memo.region }, memo.securityGroupId);
    }
    for (const memo of memory.allNatGateways()) {
      if (memo.addressesReleased || timeline.lifecycle(memo, 'natGatewayCreate', 'natGatewayDelete') !== 'gone') continue;
      memo.addressesReleased = true;
      for (const associationId of memo.associationIds) {
        await moto.ec2({ accessKeyId: memo.accessKeyId, region: memo.region }, { Action: 'DisassociateAddress', AssociationId: associationId });
      }
    }
  }

  return () => {
    running = running.then(settleOnce, settleOnce);
    return running;
  };
}
