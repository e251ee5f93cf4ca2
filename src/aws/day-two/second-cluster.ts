import { CreateTagsCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, DescribeClusterCommand, type Cluster } from '@aws-sdk/client-eks';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { isNotFound, kubernetesClusterTag } from '../resources/found.js';
import { createClusterRequest, describeCluster, healthReason } from '../steps/cluster.js';
import { isOurs, tagMap, tutorTags } from '../tags.js';
import { clientToken } from '../tokens.js';
import { ensureNamed } from '../ensure.js';
import { waitFor } from '../wait.js';
import { KINDS } from '../resources/kinds.js';
import { check, planned, requireKubectl, send, type DayTwoContext, type Outcome } from './context.js';
import { addAndSwitch, firstEntry } from './second-cluster-kube.js';
import { SECOND_CLUSTER_KEY, secondClusterCost, secondClusterName } from './second-cluster-names.js';

const LIFE = KINDS['eks-cluster'].lifecycle!;
/** AWS asks for at least this many free addresses in each subnet a cluster is given. */
const MIN_FREE_IPS = 6;

async function describeNamed(ctx: DayTwoContext, name: string): Promise<Cluster | undefined> {
  const input = { name };
  return send(ctx, planned(ctx, 'eks', 'DescribeCluster', input), () => ctx.clients.eks.send(new DescribeClusterCommand(input))).then(
    (answer) => answer.cluster,
    (error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    },
  );
}

/** Both clusters' names on every subnet they share, as `shared`: each cluster's load balancers may use them. */
async function tagShared(ctx: DayTwoContext, subnetIds: string[], names: string[]): Promise<void> {
  const input = { Resources: subnetIds, Tags: names.map((name) => ({ Key: kubernetesClusterTag(name), Value: 'shared' })) };
  const why = text(
    'With several clusters in one VPC, each subnet says which clusters use it: kubernetes.io/cluster/<name> = shared, for both. A load balancer controller leaves alone a subnet that names only other clusters.',
    '1 つの VPC に複数のクラスターがあるときは、各サブネットにどのクラスターが使うかを示します。両方に kubernetes.io/cluster/<name> = shared。ロードバランサーのコントローラーは、他のクラスターだけを示すサブネットを使いません。',
  );
  await send(ctx, planned(ctx, 'ec2', 'CreateTags', input, why), () => ctx.clients.ec2.send(new CreateTagsCommand(input)));
}

/**
 * Creates the second cluster (or adopts the one an earlier run made), recorded before and after; tags the subnets
 * both use once the name is known to be the tutor's; and waits until it is ACTIVE.
 */
async function ensureSecond(ctx: DayTwoContext, first: Cluster, name: string, subnetIds: string[]): Promise<Cluster> {
  const own = ctx.config.clusterName;
  const version = first.version ?? '';
  await ensureNamed<Cluster>(ctx, {
    key: SECOND_CLUSTER_KEY,
    kind: 'eks-cluster',
    step: 5,
    name,
    label: text('An EKS cluster', 'EKS クラスター'),
    describe: async () => {
      const existing = await describeNamed(ctx, name);
      // The tutor's own, on its way out: neither adopted nor made again until it is gone.
      if (existing?.status === 'DELETING' && isOurs(existing.tags, own)) {
        throw new TutorError(
          'AWS',
          text(
            `${name} is still being deleted: run this again once it is gone.`,
            `${name} はまだ削除中です。消えてからもう一度実行してください。`,
          ),
        );
      }
      return existing;
    },
    tags: (cluster) => cluster.tags,
    id: (cluster) => cluster.arn ?? name,
    details: { name, version },
    create: async (intent) => {
      const base = createClusterRequest({ ledger: ctx.ledger, config: { ...ctx.config, clusterName: name } }, version, undefined, {
        token: clientToken(own, SECOND_CLUSTER_KEY, intent.intentAt),
        supportType: first.upgradePolicy?.supportType === 'EXTENDED' ? 'EXTENDED' : 'STANDARD',
      });
      const input = {
        ...base,
        roleArn: first.roleArn ?? base.roleArn,
        resourcesVpcConfig: { ...base.resourcesVpcConfig, subnetIds: first.resourcesVpcConfig?.subnetIds ?? [] },
        logging: { clusterLogging: [{ types: base.logging.clusterLogging[0]!.types, enabled: false }] },
        tags: tagMap(tutorTags(own, SECOND_CLUSTER_KEY, name)),
      };
      const why = text(
        `A second control plane on the same subnets, with the same cluster role and version ${version}: CreateCluster only asks for subnet IDs, and one role can serve many clusters. EKS gives it its own API endpoint and its own cluster security group.`,
        `同じサブネット・同じクラスターロール・同じバージョン ${version} で 2 つ目のコントロールプレーンを作ります。CreateCluster が求めるのはサブネット ID だけで、1 つのロールを複数のクラスターで使えます。EKS は専用の API エンドポイントとクラスターセキュリティグループを作ります。`,
      );
      const made = await send(ctx, planned(ctx, 'eks', 'CreateCluster', input, why), () =>
        ctx.clients.eks.send(new CreateClusterCommand(input)),
      );
      return made.cluster?.arn ?? name;
    },
  });
  // After the name check: a cluster of that name that is not the tutor's leaves the subnets' tags as they were.
  await tagShared(ctx, subnetIds, [own, name]);
  const read = () =>
    ctx.clients.eks.send(new DescribeClusterCommand({ name })).then(
      (a) => a.cluster,
      (e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e)),
    );
  const active = await waitFor<Cluster>(ctx, {
    key: SECOND_CLUSTER_KEY,
    kind: 'eks-cluster',
    id: name,
    read,
    status: (c) => c?.status ?? 'missing',
    done: (c) => c?.status === 'ACTIVE',
    failed: (c) => !c || c.status === 'FAILED' || c.status === 'DELETING',
    reason: (c) => healthReason(c?.health?.issues),
    delayMs: LIFE.pollMs,
    expectedMs: LIFE.createMs,
    timeoutMs: 30 * 60_000,
  });
  if (!active?.endpoint || !active.arn)
    throw new TutorError(
      'AWS',
      text(`${name} is ACTIVE but EKS gave no endpoint.`, `${name} は ACTIVE ですが、EKS がエンドポイントを返しませんでした。`),
    );
  return active;
}

/** Question 3, another cluster in the same VPC (blue/green): a second cluster on the first one's subnets, both in kubeconfig, contexts switched. */
export async function secondClusterAction(ctx: DayTwoContext): Promise<Outcome> {
  requireKubectl(
    ctx,
    text(
      'day-two second-cluster checks through kubectl: leave out --no-kubectl.',
      'day-two second-cluster は kubectl で確認します。--no-kubectl を外してください。',
    ),
  );
  const own = ctx.config.clusterName;
  const first = await describeCluster(ctx);
  const subnetIds = first?.resourcesVpcConfig?.subnetIds ?? [];
  if (!first || first.status !== 'ACTIVE' || subnetIds.length === 0) {
    throw new TutorError(
      'NOT_FOUND',
      text(
        `No ACTIVE cluster ${own} to put a second one beside: run the steps first (up --through 4).`,
        `隣に置く ACTIVE なクラスター ${own} がありません。先にステップを実行してください(up --through 4)。`,
      ),
    );
  }
  const entry = await firstEntry(ctx);
  const name = secondClusterName(own);
  ctx.emit({ type: 'note', text: secondClusterCost(ctx.config) });

  const second = await ensureSecond(ctx, first, name, subnetIds);
  const subnetsInput = { SubnetIds: subnetIds };
  const subnets =
    (
      await send(ctx, planned(ctx, 'ec2', 'DescribeSubnets', subnetsInput), () =>
        ctx.clients.ec2.send(new DescribeSubnetsCommand(subnetsInput)),
      )
    ).Subnets ?? [];
  const kube = await addAndSwitch(
    ctx,
    { name, arn: second.arn!, endpoint: second.endpoint!, caData: second.certificateAuthority?.data ?? '' },
    entry,
  );

  const sorted = (ids: string[] | undefined) => [...(ids ?? [])].sort().join(',');
  const tagOf = (tags: { Key?: string; Value?: string }[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;
  const bothShared =
    subnets.length === subnetIds.length &&
    subnets.every((s) => tagOf(s.Tags, kubernetesClusterTag(own)) === 'shared' && tagOf(s.Tags, kubernetesClusterTag(name)) === 'shared');
  const free = subnets.map((s) => `${s.SubnetId} ${s.AvailableIpAddressCount ?? '?'}`).join(', ');
  const firstSg = first.resourcesVpcConfig?.clusterSecurityGroupId;
  const secondSg = second.resourcesVpcConfig?.clusterSecurityGroupId;
  const checks = [
    check(
      'second-cluster:active',
      second.status === 'ACTIVE' && second.version === first.version,
      `${name} is ACTIVE, at the first cluster's version`,
      `${name} が ACTIVE で、1 つ目と同じバージョン`,
      `${second.version}`,
    ),
    check(
      'second-cluster:same-subnets',
      sorted(second.resourcesVpcConfig?.subnetIds) === sorted(subnetIds) &&
        second.resourcesVpcConfig?.vpcId === first.resourcesVpcConfig?.vpcId,
      'It uses the same subnets, in the same VPC',
      '同じ VPC の同じサブネットを使っている',
      second.resourcesVpcConfig?.vpcId,
    ),
    check(
      'second-cluster:same-role',
      Boolean(second.roleArn) && second.roleArn === first.roleArn,
      'It uses the same cluster role',
      '同じクラスターロールを使っている',
      second.roleArn,
    ),
    check(
      'second-cluster:own-sg',
      Boolean(secondSg) && secondSg !== firstSg,
      'EKS made it a cluster security group of its own',
      'EKS が専用のクラスターセキュリティグループを作った',
      secondSg,
    ),
    check(
      'second-cluster:shared-tags',
      bothShared,
      `Every subnet carries kubernetes.io/cluster/${own} and kubernetes.io/cluster/${name} = shared`,
      `すべてのサブネットに kubernetes.io/cluster/${own} と kubernetes.io/cluster/${name} = shared が付いている`,
    ),
    check(
      'second-cluster:free-ips',
      subnets.length > 0 && subnets.every((s) => (s.AvailableIpAddressCount ?? 0) >= MIN_FREE_IPS),
      `Each subnet still has at least ${MIN_FREE_IPS} free addresses (both clusters draw from them)`,
      `各サブネットに空きアドレスが ${MIN_FREE_IPS} 以上残っている(両方のクラスターがここから使う)`,
      free,
    ),
    ...kube.checks,
  ];
  return {
    reasoning: text(
      `A VPC can hold more than one cluster: CreateCluster asked only for subnet IDs, so ${name} sits on ${own}'s subnets with the same cluster role and version, and EKS gave it its own API endpoint and cluster security group. That is the layout of a blue/green upgrade: the new cluster (green) beside the old (blue), workloads moved across, then the old one deleted. What the two share is the subnets' addresses (every pod of either takes one with the VPC CNI) and their tags: kubernetes.io/cluster/<name> = shared names both clusters, which AWS recommends when clusters share a VPC. kubectl keeps one context per cluster; --context picks one for a single command, and the current context is what plain kubectl uses. In a real account the same calls work; the second control plane costs like the first.`,
      `1 つの VPC に複数のクラスターを置けます。CreateCluster が求めたのはサブネット ID だけなので、${name} は ${own} のサブネットに、同じクラスターロールとバージョンで置かれ、EKS は専用の API エンドポイントとクラスターセキュリティグループを作りました。これが Blue/Green アップグレードの構成です。新しいクラスター(green)を古いもの(blue)の隣に置き、ワークロードを移してから古い方を削除します。2 つが共有するのはサブネットのアドレス(VPC CNI ではどちらの Pod も 1 つずつ使います)とタグです。kubernetes.io/cluster/<name> = shared で両方のクラスターを示すことを、VPC を共有するときに AWS は推奨しています。kubectl はクラスターごとにコンテキストを持ちます。--context は 1 回のコマンドだけ切り替え、現在のコンテキストは --context なしの kubectl が使うものです。実際のアカウントでも同じ呼び出しで動き、2 つ目のコントロールプレーンにも 1 つ目と同じ料金がかかります。`,
    ),
    checks,
    next: text(
      `Try it: kubectl --context ${second.arn} get namespaces. A node group for it would use the same node role and subnets. down removes ${name} and its kubeconfig entry with the rest.`,
      `試してみましょう: kubectl --context ${second.arn} get namespaces。ノードグループを付けるなら、同じノードロールとサブネットを使えます。down で ${name} とその kubeconfig エントリーも他と一緒に削除します。`,
    ),
  };
}
