import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import type { StepContext } from '../types.js';
import { holderName, withDependencyRetry } from './dependency.js';
import { isNotFound, type Found } from './found.js';
import { DEPENDENCY_PATIENCE_MS, MINUTE } from './facts.js';
import { PRICES } from './prices.js';
import type { ResourceType } from './types.js';

/**
 * Network interfaces left in the tutor's VPC: a load balancer's, the ones EKS
 * put there for the control plane (they outlive DeleteCluster for minutes), or
 * one the VPC CNI leaked. An interface attached to an instance goes with the
 * instance and is not listed: the node group's are deleted with its nodes.
 */
export const networkInterfaceResource: ResourceType<'network-interface'> = {
  kind: 'network-interface',
  // Left by a load balancer or by EKS for minutes after the cluster: they hold subnets and security groups.
  keys: [{ prefix: 'eni' }],
  deleteRank: 45,
  inventoried: true,
  madeBy: 'eks',
  lifecycle: { pollMs: 10_000, createMs: 0, deleteMs: 2 * MINUTE },
  hourly: (r) => (r.details?.publicIp ? PRICES.publicIpv4Hour : 0),
  async find(scan) {
    const { DescribeNatGatewaysCommand, DescribeNetworkInterfacesCommand } = await import('@aws-sdk/client-ec2');
    const { ctx } = scan;
    const own = await scan.tutorVpcIds();
    if (own.length === 0) return [];
    const answer = await ctx.clients.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: own }] }));
    // A NAT gateway's interface goes with the NAT gateway. Not every endpoint types it
    // `natGateway` (moto says `interface`), so the NAT gateways' own interface ids decide.
    const nats = await ctx.clients.ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: own }] }));
    const natInterfaces = new Set(
      (nats.NatGateways ?? [])
        .filter((nat) => own.includes(nat.VpcId ?? ''))
        .flatMap((nat) => (nat.NatGatewayAddresses ?? []).map((a) => a.NetworkInterfaceId ?? '')),
    );
    const found: Found[] = [];
    for (const eni of answer.NetworkInterfaces ?? []) {
      if (!eni.NetworkInterfaceId || !own.includes(eni.VpcId ?? '')) continue;
      if (eni.Attachment?.InstanceId && eni.Status === 'in-use') continue;
      if (eni.InterfaceType === 'natGateway' || natInterfaces.has(eni.NetworkInterfaceId)) continue;
      found.push({
        key: `eni/${eni.NetworkInterfaceId}`,
        kind: 'network-interface',
        id: eni.NetworkInterfaceId,
        inLedger: false,
        tagged: true,
        ...(eni.Status ? { state: eni.Status } : {}),
        details: {
          holder: holderName(eni),
          description: eni.Description ?? '',
          subnet: eni.SubnetId ?? '',
          vpc: eni.VpcId ?? '',
          ...(eni.RequesterManaged ? { requesterManaged: 'true' } : {}),
          ...(eni.Association?.PublicIp ? { publicIp: eni.Association.PublicIp } : {}),
        },
      });
    }
    return found;
  },
  async destroy(ctx, f) {
    // One that AWS manages (EKS's, a load balancer's) is released by its owner: the tutor waits for that.
    if (f.details?.requesterManaged === 'true') await waitForRelease(ctx, f);
    const { DeleteNetworkInterfaceCommand } = await import('@aws-sdk/client-ec2');
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: f.id }))).catch(
      (error: unknown) => {
        if (!isNotFound(error)) throw error;
      },
    );
  },
};

/**
 * Waits until AWS has taken its own interface away (or let go of it), for as
 * long as it typically needs. The budget is counted in polls, not on the clock,
 * so a clock that does not move (a time-lapse of 0) still ends.
 */
async function waitForRelease(ctx: StepContext, f: Found): Promise<void> {
  const { pollMs, deleteMs } = networkInterfaceResource.lifecycle!;
  const { DescribeNetworkInterfacesCommand } = await import('@aws-sdk/client-ec2');
  const started = ctx.clock.now();
  let last = '';
  for (let waited = 0; ; waited += pollMs) {
    let eni: NetworkInterface | undefined;
    try {
      eni = (await ctx.clients.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [f.id] }))).NetworkInterfaces?.[0];
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const status = eni ? `${eni.Status ?? 'in-use'}, held by ${eni.Description || eni.RequesterId || 'AWS'}` : 'deleted';
    if (status !== last) {
      ctx.emit({ type: 'status', key: f.key, kind: f.kind, id: f.id, status, elapsedMs: ctx.clock.now() - started, expectedMs: deleteMs });
      last = status;
    }
    if (!eni || (eni.Status === 'available' && !eni.RequesterManaged)) return;
    if (waited >= DEPENDENCY_PATIENCE_MS) {
      throw new TutorError(
        'DEPENDENCY',
        text(
          `${f.details?.holder ?? f.id} is still there after ${DEPENDENCY_PATIENCE_MS / 60_000} minutes. AWS releases its own network interfaces itself; wait a few minutes, then run down again.`,
          `${f.details?.holder ?? f.id} は ${DEPENDENCY_PATIENCE_MS / 60_000} 分たってもまだ残っています。AWS は自分のネットワークインターフェイスを自分で解放します。数分待ってから、もう一度 down を実行してください。`,
        ),
      );
    }
    await ctx.clock.sleep(pollMs, ctx.signal);
  }
}
