import { CreateSubnetCommand, CreateVpcCommand, DeleteSubnetCommand, DeleteVpcCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { CreateNodegroupCommand } from '@aws-sdk/client-eks';
import { text } from '../../text.js';
import { parseCidr } from '../network.js';
import { eksNodegroupResource } from '../resources/eks-nodegroup.js';
import { VPC_KEY } from '../steps/vpc-requests.js';
import { tutorTags } from '../tags.js';
import { buildShape } from './build-shape.js';
import { check, describeSubnets, planned, send, type DayTwoContext, type Outcome } from './context.js';
import { oneNodeGroupRequest } from './one-node-group.js';

/** The ledger keys of the scratch network: recorded before it is made, deleted in the same run, and found by `down` if the run is cut short. */
export const SCRATCH_VPC_KEY = 'vpc/scratch';
export const SCRATCH_SUBNET_KEY = 'subnet/scratch';
const SCRATCH_NODEGROUP_KEY = 'nodegroup/other-vpc';
const CANDIDATES = ['10.254.0.0/16', '172.30.0.0/16', '192.168.0.0/16'];

/** A range for the scratch VPC that does not overlap the build's (peering would need that; here it only keeps the two apart). */
export function scratchCidr(buildCidr: string): string {
  const build = parseCidr(buildCidr);
  const overlaps = (cidr: string) => {
    const c = parseCidr(cidr)!;
    if (!build) return false;
    const prefix = Math.min(c.prefix, build.prefix);
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    return (c.base & mask) >>> 0 === (build.base & mask) >>> 0;
  };
  return CANDIDATES.find((c) => !overlaps(c)) ?? CANDIDATES[0]!;
}

const firstSlash24 = (cidr: string) => `${cidr.split('/')[0]}/24`;

/** Question 4, node groups in more than one VPC: CreateNodegroup naming a subnet of another VPC, and EKS's refusal. */
export async function otherVpcAction(ctx: DayTwoContext): Promise<Outcome> {
  const shape = await buildShape(ctx);
  const name = ctx.config.clusterName;
  const [buildSubnet] = await describeSubnets(ctx, (shape.group.subnets ?? []).slice(0, 1));
  const cidr = scratchCidr(ctx.ledger.get(VPC_KEY)?.details?.cidr ?? ctx.config.vpcCidr);
  let vpcId: string | undefined;
  let subnetId: string | undefined;
  let refusal: { name: string; message: string } | undefined;
  let accepted = false;
  try {
    await ctx.ledger.intend(SCRATCH_VPC_KEY, 'vpc', 2, { cidr });
    const vpcInput = {
      CidrBlock: cidr,
      TagSpecifications: [{ ResourceType: 'vpc' as const, Tags: tutorTags(name, SCRATCH_VPC_KEY, `${name}-scratch-vpc`) }],
    };
    const vpc = await send(
      ctx,
      planned(
        ctx,
        'ec2',
        'CreateVpc',
        vpcInput,
        text(
          "A scratch VPC, only to have a subnet outside the cluster's VPC; it costs nothing and is deleted again before this run ends.",
          'クラスターの VPC の外にあるサブネットを用意するためだけの一時的な VPC。料金はかからず、この実行が終わる前に削除します。',
        ),
      ),
      () => ctx.clients.ec2.send(new CreateVpcCommand(vpcInput)),
    );
    vpcId = vpc.Vpc?.VpcId ?? '';
    await ctx.ledger.created(SCRATCH_VPC_KEY, vpcId, { cidr });
    ctx.emit({ type: 'resource', key: SCRATCH_VPC_KEY, kind: 'vpc', id: vpcId, change: 'created' });

    const subnetCidr = firstSlash24(cidr);
    await ctx.ledger.intend(SCRATCH_SUBNET_KEY, 'subnet', 2, { cidr: subnetCidr });
    const subnetInput = {
      VpcId: vpcId,
      CidrBlock: subnetCidr,
      ...(buildSubnet?.zone ? { AvailabilityZone: buildSubnet.zone } : {}),
      TagSpecifications: [{ ResourceType: 'subnet' as const, Tags: tutorTags(name, SCRATCH_SUBNET_KEY, `${name}-scratch`) }],
    };
    const subnet = await send(
      ctx,
      planned(
        ctx,
        'ec2',
        'CreateSubnet',
        subnetInput,
        text(
          `A subnet in the scratch VPC, in ${buildSubnet?.zone ?? 'the same zone'} like the node group's first.`,
          `一時的な VPC のサブネット。ノードグループの最初のサブネットと同じ ${buildSubnet?.zone ?? 'AZ'} に作ります。`,
        ),
      ),
      () => ctx.clients.ec2.send(new CreateSubnetCommand(subnetInput)),
    );
    subnetId = subnet.Subnet?.SubnetId ?? '';
    await ctx.ledger.created(SCRATCH_SUBNET_KEY, subnetId, { cidr: subnetCidr, vpc: vpcId });
    ctx.emit({ type: 'resource', key: SCRATCH_SUBNET_KEY, kind: 'subnet', id: subnetId, change: 'created' });

    const groupName = `${name.slice(0, 53)}-other-vpc`;
    const request = oneNodeGroupRequest(ctx, {
      key: SCRATCH_NODEGROUP_KEY,
      name: groupName,
      subnetId,
      clientRequestToken: `other-vpc-${Date.now()}`,
    });
    try {
      await send(
        ctx,
        planned(
          ctx,
          'eks',
          'CreateNodegroup',
          request,
          text(
            `A node group of ${name} on the scratch VPC's subnet: EKS is expected to refuse it.`,
            `${name} のノードグループを一時的な VPC のサブネットに。EKS は拒否するはずです。`,
          ),
        ),
        () => ctx.clients.eks.send(new CreateNodegroupCommand(request)),
      );
      accepted = true;
      // Not what EKS does; whatever accepted it, the node group goes again at once.
      await ctx.ledger.intend(SCRATCH_NODEGROUP_KEY, 'eks-nodegroup', 5, { name: groupName });
      await ctx.ledger.created(SCRATCH_NODEGROUP_KEY, groupName, { name: groupName });
      await eksNodegroupResource.destroy(ctx, {
        key: SCRATCH_NODEGROUP_KEY,
        kind: 'eks-nodegroup',
        id: groupName,
        inLedger: true,
        tagged: true,
      });
      await ctx.ledger.deleted(SCRATCH_NODEGROUP_KEY);
    } catch (error) {
      if (accepted) throw error;
      refusal = { name: (error as { name?: string }).name ?? 'Error', message: (error as Error).message };
      ctx.emit({
        type: 'note',
        text: text(
          `EKS answered: An error occurred (${refusal.name}) when calling the CreateNodegroup operation: ${refusal.message}`,
          `EKS の答え: An error occurred (${refusal.name}) when calling the CreateNodegroup operation: ${refusal.message}`,
        ),
      });
    }
  } finally {
    if (subnetId) {
      const input = { SubnetId: subnetId };
      await send(
        ctx,
        planned(ctx, 'ec2', 'DeleteSubnet', input, text('The scratch subnet goes again.', '一時的なサブネットを削除します。')),
        () => ctx.clients.ec2.send(new DeleteSubnetCommand(input)),
      );
      await ctx.ledger.deleted(SCRATCH_SUBNET_KEY);
      ctx.emit({ type: 'resource', key: SCRATCH_SUBNET_KEY, kind: 'subnet', id: subnetId, change: 'deleted' });
    }
    if (vpcId) {
      const input = { VpcId: vpcId };
      await send(ctx, planned(ctx, 'ec2', 'DeleteVpc', input, text('And the scratch VPC.', '一時的な VPC も削除します。')), () =>
        ctx.clients.ec2.send(new DeleteVpcCommand(input)),
      );
      await ctx.ledger.deleted(SCRATCH_VPC_KEY);
      ctx.emit({ type: 'resource', key: SCRATCH_VPC_KEY, kind: 'vpc', id: vpcId, change: 'deleted' });
    }
  }
  const left = vpcId
    ? ((await ctx.clients.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Vpcs ?? [])
    : [];
  return {
    reasoning: text(
      `A node group lives in its cluster's VPC: EKS takes its subnets only from the VPC the cluster was created in (${shape.vpcId}), and that VPC cannot be changed afterwards. The nodes reach the control plane through the ENIs EKS put in the cluster's subnets, and the VPC CNI gives pods addresses from their node's subnet, so the data plane is one network. What to do instead: out of addresses, add a secondary CIDR block to the same VPC and new subnets in it; workloads that must live in another VPC, run another cluster there and connect the VPCs with VPC peering or a Transit Gateway (their ranges must not overlap), or publish services over PrivateLink; machines outside AWS, EKS Hybrid Nodes.`,
      `ノードグループはクラスターの VPC の中にあります。EKS はクラスターを作った VPC(${shape.vpcId})のサブネットしか受け付けず、その VPC は後から変えられません。ノードは EKS がクラスターのサブネットに置いた ENI を通ってコントロールプレーンに届き、VPC CNI は Pod にノードのサブネットのアドレスを付けるので、データプレーンは 1 つのネットワークです。代わりの手段: アドレスが足りなければ、同じ VPC にセカンダリ CIDR ブロックと新しいサブネットを足します。別の VPC に置くべきワークロードは、そちらに別のクラスターを作り、VPC ピアリングか Transit Gateway で VPC をつなぐ(範囲が重ならないこと)か、PrivateLink でサービスを公開します。AWS の外のマシンは EKS Hybrid Nodes です。`,
    ),
    checks: [
      check(
        'other-vpc:refused',
        !accepted && refusal?.name === 'InvalidParameterException',
        'CreateNodegroup with a subnet of another VPC is refused (InvalidParameterException)',
        '別の VPC のサブネットを指定した CreateNodegroup は拒否される(InvalidParameterException)',
        refusal?.message,
      ),
      check(
        'other-vpc:names-vpc',
        Boolean(refusal?.message.includes(shape.vpcId)),
        "The refusal names the cluster's VPC",
        '拒否のメッセージがクラスターの VPC を挙げている',
        shape.vpcId,
      ),
      check(
        'other-vpc:cleaned',
        Boolean(vpcId) && left.length === 0,
        'The scratch VPC and subnet are gone again',
        '一時的な VPC とサブネットは削除済み',
        vpcId,
      ),
    ],
    next: text(
      'The lesson "Day two: node groups in more than one VPC" has the commands to look at your VPC\'s ranges (describe-vpcs, CidrBlockAssociationSet).',
      'レッスン「運用編: ノードグループを複数の VPC に」に、VPC の範囲を確かめるコマンド(describe-vpcs、CidrBlockAssociationSet)があります。',
    ),
  };
}
