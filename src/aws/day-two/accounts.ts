import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { text } from '../../text.js';
import { buildShape } from './build-shape.js';
import { check, listSubnets, planned, send, type DayTwoContext, type Outcome } from './context.js';

const accountOf = (arn: string | undefined) => arn?.split(':')[4] ?? '';

/** Why each read is made, shown above its call. */
const WHY = {
  identity: text('Which account these calls are made in.', 'この呼び出しがどのアカウントで行われているか。'),
  subnets: text(
    "OwnerId: the account that owns each node subnet (another account's when it is shared with this one through AWS RAM).",
    'OwnerId: 各ノードサブネットを所有するアカウント(AWS RAM で共有されたものなら相手のアカウント)。',
  ),
  interfaces: text(
    "The control plane's network interfaces in your subnets: EKS runs the control plane in an account AWS owns and reaches your VPC through these.",
    'サブネットにあるコントロールプレーンのネットワークインターフェイス。EKS はコントロールプレーンを AWS の所有するアカウントで動かし、これを通って VPC に届きます。',
  ),
};

/**
 * Question 6, control plane and nodes in different accounts: only reads. It
 * shows whose account each part is in (the node group is always the cluster's;
 * subnets may be another account's when shared through AWS RAM), and states the rule.
 */
export async function accountsAction(ctx: DayTwoContext): Promise<Outcome> {
  const shape = await buildShape(ctx);
  const me = await send(ctx, planned(ctx, 'sts', 'GetCallerIdentity', {}, WHY.identity), () =>
    ctx.clients.sts.send(new GetCallerIdentityCommand({})),
  );
  const account = me.Account ?? '';
  const clusterAccount = accountOf(shape.cluster.arn);
  const groupAccount = accountOf(shape.group.nodegroupArn);
  const roleAccount = accountOf(shape.group.nodeRole);
  const subnets = await listSubnets(ctx, { SubnetIds: shape.group.subnets ?? [] }, WHY.subnets);
  const eniInput = {
    Filters: [
      { Name: 'vpc-id', Values: [shape.vpcId] },
      { Name: 'description', Values: [`Amazon EKS ${ctx.config.clusterName}`] },
    ],
  };
  const enis =
    (
      await send(ctx, planned(ctx, 'ec2', 'DescribeNetworkInterfaces', eniInput, WHY.interfaces), () =>
        ctx.clients.ec2.send(new DescribeNetworkInterfacesCommand(eniInput)),
      )
    ).NetworkInterfaces ?? [];
  const owners = [...new Set(subnets.map((s) => s.OwnerId ?? ''))];
  ctx.emit({
    type: 'note',
    text: text(
      `Accounts: you ${account}; cluster ${clusterAccount}; node group ${groupAccount}; node role ${roleAccount}; node subnets owned by ${owners.join(', ') || '-'}; control-plane interfaces in your VPC: ${enis.length}${enis[0]?.RequesterId ? ` (requested by ${enis[0].RequesterId})` : ''}.`,
      `アカウント: あなた ${account}、クラスター ${clusterAccount}、ノードグループ ${groupAccount}、ノードロール ${roleAccount}、ノードサブネットの所有者 ${owners.join(', ') || '-'}、VPC 内のコントロールプレーンのインターフェイス ${enis.length} 個${enis[0]?.RequesterId ? `(要求元 ${enis[0].RequesterId})` : ''}。`,
    ),
  });
  return {
    reasoning: text(
      `The rule: a managed node group is always in its cluster's account and uses its cluster's VPC; CreateNodegroup has no account to name, and its node role must be a role of that account. What may be in other accounts: the control plane itself (EKS runs it in an account AWS owns and puts network interfaces in your subnets); the subnets, when a network account shares them through AWS RAM (VPC sharing: the cluster and its node groups are made by the account the subnets are shared with, in those subnets); and the people and pipelines, who assume a role of the cluster's account that has an access entry (day-two access shows one). Nothing here needed a second account: every call above was a read.`,
      `ルール: マネージド型ノードグループは常にクラスターのアカウントにあり、クラスターの VPC を使います。CreateNodegroup にはアカウントを指定する項目がなく、ノードロールもそのアカウントのロールでなければなりません。別のアカウントに置けるもの: コントロールプレーン自体(EKS は AWS の所有するアカウントで動かし、あなたのサブネットにネットワークインターフェイスを置きます)、サブネット(ネットワーク用アカウントが AWS RAM で共有する場合。VPC 共有では、共有を受けたアカウントがそのサブネットにクラスターとノードグループを作ります)、そして人やパイプライン(アクセスエントリのある、クラスター側アカウントのロールを引き受けます。day-two access で試せます)。2 つ目のアカウントは不要でした。上の呼び出しはすべて読み取りです。`,
    ),
    checks: [
      check(
        'accounts:nodegroup',
        Boolean(groupAccount) && groupAccount === clusterAccount,
        "The node group is in the cluster's account",
        'ノードグループはクラスターのアカウントにある',
        `${groupAccount} = ${clusterAccount}`,
      ),
      check(
        'accounts:role',
        Boolean(roleAccount) && roleAccount === clusterAccount,
        "Its node role is a role of the cluster's account",
        'ノードロールはクラスターのアカウントのロール',
        shape.group.nodeRole,
      ),
      check(
        'accounts:subnets',
        owners.length > 0 && owners.every(Boolean),
        'The node subnets name their owner (this account, or the one that shares them through RAM)',
        'ノードサブネットに所有者が示されている(このアカウントか、RAM で共有している側)',
        owners.join(', '),
      ),
    ],
    next: text(
      'The lesson "Day two: control plane and nodes in different accounts" goes through VPC sharing and cross-account access.',
      'レッスン「運用編: コントロールプレーンとノードを別アカウントに」で、VPC 共有とアカウントをまたぐアクセスを説明しています。',
    ),
  };
}
