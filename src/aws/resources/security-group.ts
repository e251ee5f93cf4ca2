import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import { CLUSTER_TAG } from '../tags.js';
import type { StepContext } from '../types.js';
import { withDependencyRetry } from './dependency.js';
import { isNotFound, kubernetesClusterTag, type Found } from './found.js';
import type { ResourceType } from './types.js';

/** EKS tags the cluster security group it makes with the cluster's name. */
const EKS_CLUSTER_TAG = 'aws:eks:cluster-name';

function madeBy(group: SecurityGroup, clusterName: string): 'kubernetes' | 'eks' | 'tutor' | 'other' {
  const tag = (key: string) => group.Tags?.find((t) => t.Key === key)?.Value;
  if (tag(EKS_CLUSTER_TAG) === clusterName) return 'eks';
  if (tag(CLUSTER_TAG) === clusterName) return 'tutor';
  if (tag(kubernetesClusterTag(clusterName)) !== undefined || group.GroupName?.startsWith('k8s-')) return 'kubernetes';
  return 'other';
}

/** The security groups in the tutor's VPC that Kubernetes (a load balancer's) or EKS (the cluster's) made. */
export const securityGroupResource: ResourceType<'security-group'> = {
  kind: 'security-group',
  keys: [{ prefix: 'sg' }],
  deleteRank: 47,
  inventoried: true,
  madeBy: 'kubernetes',
  async find(scan) {
    const { DescribeSecurityGroupsCommand } = await import('@aws-sdk/client-ec2');
    const { ctx } = scan;
    const name = ctx.config.clusterName;
    // Kubernetes and EKS make their groups in the cluster's VPC, which is the tutor's: only that VPC is looked in.
    const own = await scan.tutorVpcIds();
    if (own.length === 0) return [];
    const answer = await ctx.clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: own }] }));
    const groups = (answer.SecurityGroups ?? []).filter((g) => g.GroupId && own.includes(g.VpcId ?? ''));
    const found: Found[] = [];
    for (const g of groups) {
      // The default group goes with its VPC and cannot be deleted on its own.
      if (g.GroupName === 'default') continue;
      found.push({
        key: `sg/${g.GroupId}`,
        kind: 'security-group',
        id: g.GroupId!,
        inLedger: ctx.ledger.entries.some((e) => e.id === g.GroupId),
        tagged: true,
        details: { name: g.GroupName ?? '', vpc: g.VpcId ?? '', madeBy: madeBy(g, name), description: g.Description ?? '' },
      });
    }
    return found;
  },
  async destroy(ctx, f) {
    await revokeReferences(ctx, f);
    const { DeleteSecurityGroupCommand } = await import('@aws-sdk/client-ec2');
    await withDependencyRetry(ctx, f, () => ctx.clients.ec2.send(new DeleteSecurityGroupCommand({ GroupId: f.id }))).catch(
      (error: unknown) => {
        if (!isNotFound(error)) throw error;
      },
    );
  },
};

/** A group that another group's rules name cannot be deleted: those rules (in the same VPC) go first. */
async function revokeReferences(ctx: StepContext, f: Found): Promise<void> {
  const vpc = f.details?.vpc;
  if (!vpc) return;
  const { DescribeSecurityGroupsCommand, RevokeSecurityGroupEgressCommand, RevokeSecurityGroupIngressCommand } =
    await import('@aws-sdk/client-ec2');
  const answer = await ctx.clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }));
  const naming = (rules: IpPermission[] | undefined) =>
    (rules ?? [])
      .filter((r) => r.UserIdGroupPairs?.some((p) => p.GroupId === f.id))
      .map((r) => ({ ...r, UserIdGroupPairs: r.UserIdGroupPairs!.filter((p) => p.GroupId === f.id) }));
  for (const other of answer.SecurityGroups ?? []) {
    if (!other.GroupId || other.GroupId === f.id) continue;
    const ingress = naming(other.IpPermissions);
    const egress = naming(other.IpPermissionsEgress);
    if (ingress.length)
      await ctx.clients.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: other.GroupId, IpPermissions: ingress }));
    if (egress.length) await ctx.clients.ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: other.GroupId, IpPermissions: egress }));
  }
}
