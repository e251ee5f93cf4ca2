import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const wrapupSharedVpc = {
  id: 'wrapup-shared-vpc',
  title: text('Day two: another cluster in the same VPC', '運用編: 既存の VPC に別のクラスターを'),
  summary: text('What a second cluster needs from a VPC that already has one', 'すでにクラスターがある VPC に 2 つ目を置くには'),
  pages: [
    {
      title: text('What the second cluster needs', '2 つ目のクラスターに必要なもの'),
      body: text(
        `A second cluster can use the VPC you built. CreateCluster only asks
for subnet IDs, so it needs:
- a cluster role: its own, or the same one, since a role can serve
  many clusters; the same goes for the node role
- subnets in at least two AZs of this VPC: the existing ones, or new
  ones so that the clusters' pods do not compete for addresses
- nothing new for load balancers: the role tags belong to the subnet,
  not to a cluster, so both clusters' load balancers use them`,
        `あなたが作った VPC は、2 つ目のクラスターでも使えます。
CreateCluster が求めるのはサブネット ID だけなので、必要なのは次の
とおりです。
- クラスターロール: 専用でも共用でも構いません（1 つのロールを
  複数のクラスターで使えます）。ノードロールも同様です
- この VPC の 2 つ以上の AZ にあるサブネット: 既存のものか、Pod が
  アドレスを取り合わないよう新しく作ったもの
- ロードバランサー用の追加作業はなし: ロールのタグはクラスターでは
  なくサブネットに付くため、両クラスターが同じタグを使います`,
      ),
    },
    {
      title: text('What to watch', '注意すること'),
      body: text(
        `- Address space: the pods of both clusters draw from the subnets
  they use. Two clusters on the same /19 halve each other's room.
- Security groups: each cluster gets its own eks-cluster-sg, so one
  cluster's pods cannot reach the other's nodes unless you allow it.
- Clean-up: a load balancer left behind by either cluster blocks
  deleting the shared subnets and the VPC.

This is also the layout behind blue/green upgrades
(see "Day two: upgrading the cluster").`,
        `- アドレス空間: どちらのクラスターの Pod も、使うサブネットから
  アドレスを取ります。同じ /19 に 2 クラスターなら余裕は半分です。
- セキュリティグループ: クラスターごとに eks-cluster-sg が作られる
  ため、許可しない限り一方の Pod から他方のノードには届きません。
- 後片付け: どちらかが残したロードバランサーがあると、共有の
  サブネットと VPC を削除できません。

これは Blue/Green アップグレードの構成でもあります
（「運用編: クラスターのアップグレード」参照）。`,
      ),
    },
  ],
  hint: text(
    'Subnets, their tags and their free addresses are shared by every cluster that uses them; roles can be shared too. Check AvailableIpAddressCount before adding a cluster.',
    'サブネットとそのタグ、空きアドレスは、それを使う全クラスターで共有されます。ロールも共有できます。クラスターを足す前に AvailableIpAddressCount を確認しましょう。',
  ),
  quiz: [
    {
      question: text('The kubernetes.io/role/elb tag belongs to...', 'kubernetes.io/role/elb タグが属するのは…'),
      choices: [text('The subnet', 'サブネット'), text('The cluster', 'クラスター')],
      answer: 0,
      explanation: text(
        'The subnet: every cluster that uses the subnet reads the same tag, so a second cluster needs no new tags.',
        'サブネットです。そのサブネットを使うすべてのクラスターが同じタグを読むため、2 つ目のクラスター用のタグは要りません。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'Two clusters share subnets. What runs out first?',
        '2 つのクラスターがサブネットを共有しています。最初に足りなくなるのは何ですか。',
      ),
      choices: [
        text('IP addresses', 'IP アドレス'),
        text('Route tables', 'ルートテーブル'),
        text('Internet gateways', 'インターネットゲートウェイ'),
      ],
      answer: 0,
      explanation: text(
        'IP addresses: with the VPC CNI every pod of both clusters takes one from the shared subnets.',
        'IP アドレスです。VPC CNI では両クラスターのすべての Pod が、共有サブネットのアドレスを 1 つずつ使います。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.networkReqs, DOCS.createCluster],
  commands: [
    {
      cli: 'aws ec2 describe-subnets --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text(
        'AvailableIpAddressCount per subnet: the room a second cluster would share.',
        'サブネットごとの AvailableIpAddressCount。2 つ目のクラスターと分け合う余裕です。',
      ),
    },
    {
      cli: 'aws eks describe-cluster --name {cluster} --region {region} --query cluster.resourcesVpcConfig',
      what: text('The subnets this cluster was given.', 'このクラスターに渡したサブネット。'),
    },
  ],
} satisfies Lesson;

export const wrapupMultiVpc = {
  id: 'wrapup-multi-vpc',
  title: text('Day two: node groups in more than one VPC', '運用編: ノードグループを複数の VPC に'),
  summary: text('Why a cluster’s nodes stay in one VPC, and what to do instead', 'ノードが 1 つの VPC にとどまる理由と、代わりの手段'),
  pages: [
    {
      title: text('One cluster, one VPC', '1 クラスター、1 VPC'),
      body: text(
        `A managed node group must use subnets of its cluster's VPC; EKS
rejects subnets from any other VPC. The nodes reach the control plane
through the ENIs in the cluster's subnets, and pods take addresses
from their node's subnet, so a cluster's data plane lives in one VPC.

The usual reasons for wanting a second VPC have other answers; the
next page lists them.`,
        `マネージド型ノードグループは、クラスターの VPC のサブネットしか
使えません。他の VPC のサブネットは EKS が拒否します。ノードは
クラスターのサブネットにある ENI を通ってコントロールプレーンに
届き、Pod はノードのサブネットからアドレスを得るので、クラスターの
データプレーンは 1 つの VPC に収まります。

2 つ目の VPC が欲しくなる理由には、別の答えがあります。次のページで
紹介します。`,
      ),
    },
    {
      title: text('What to do instead', '代わりの手段'),
      body: text(
        `- Out of addresses: associate a secondary CIDR block with the same
  VPC (100.64.0.0/10 is a common pick), add subnets in it, and put a
  node group there, or let VPC CNI custom networking give only the
  pods addresses from it.
- Workloads that must live in another VPC: run a second cluster
  there, and connect the VPCs with peering or Transit Gateway, or
  publish services through PrivateLink.
- Machines outside AWS: EKS Hybrid Nodes (since December 2024) join
  on-premises servers to a cluster over a private connection.`,
        `- アドレス不足: 同じ VPC にセカンダリ CIDR ブロック（100.64.0.0/10
  がよく使われます）を関連付け、そこにサブネットとノードグループを
  作ります。VPC CNI のカスタムネットワーキングで、Pod のアドレス
  だけをそこから取る方法もあります。
- 別の VPC に置くべきワークロード: そちらに 2 つ目のクラスターを
  作り、ピアリングや Transit Gateway でつなぐか、PrivateLink で
  サービスを公開します。
- AWS 外のマシン: EKS ハイブリッドノード（2024 年 12 月〜）で、
  オンプレミスのサーバーをプライベート接続経由で参加させられます。`,
      ),
    },
  ],
  hint: text(
    'Grow the VPC (a secondary CIDR block), not the number of VPCs a cluster spans; connect separate clusters when workloads truly live apart.',
    'クラスターがまたがる VPC を増やすのではなく、VPC を広げます（セカンダリ CIDR ブロック）。本当に別の場所に置くべきワークロードは、別のクラスター同士をつなぎます。',
  ),
  quiz: [
    {
      question: text(
        'Can a managed node group use subnets from a peered VPC?',
        'マネージド型ノードグループは、ピアリングした VPC のサブネットを使えますか。',
      ),
      choices: [text('No', 'いいえ'), text('Yes', 'はい')],
      answer: 0,
      explanation: text(
        'No: its subnets must belong to the cluster’s VPC, peering or not.',
        'いいえ。ピアリングの有無にかかわらず、サブネットはクラスターの VPC のものである必要があります。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'The VPC is running out of addresses. What keeps new nodes in the same cluster?',
        'VPC のアドレスが足りません。同じクラスターにノードを増やすには何を使いますか。',
      ),
      choices: [
        text('A secondary CIDR block', 'セカンダリ CIDR ブロック'),
        text('A second VPC', '2 つ目の VPC'),
      ],
      answer: 0,
      explanation: text(
        'A secondary CIDR block on the same VPC: new subnets in it can hold new node groups or, with custom networking, the pods.',
        '同じ VPC へのセカンダリ CIDR ブロックです。そこに作ったサブネットに新しいノードグループを置くか、カスタムネットワーキングで Pod を置きます。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.networkReqs, DOCS.vpcCni],
  commands: [
    {
      cli: 'aws ec2 describe-vpcs --vpc-ids {vpcId} --region {region}',
      what: text(
        'CidrBlockAssociationSet: where a secondary CIDR block would appear.',
        'CidrBlockAssociationSet。セカンダリ CIDR ブロックはここに現れます。',
      ),
    },
    {
      cli: 'aws eks describe-nodegroup --cluster-name {cluster} --nodegroup-name {nodegroup} --region {region} --query nodegroup.subnets',
      what: text('The node group’s subnets, all in the cluster’s VPC.', 'ノードグループのサブネット。すべてクラスターの VPC 内です。'),
    },
  ],
} satisfies Lesson;
