import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const wrapupSharedVpc = {
  ...LESSON_HEADS['wrapup-shared-vpc'],
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
- for load balancers: the role tags belong to the subnet, so both
  clusters use them. To keep each cluster's load balancers in its own
  subnets, tag those kubernetes.io/cluster/<name> = shared (the AWS
  Load Balancer Controller up to 2.1.1 even requires that tag)`,
        `作成した VPC は、2 つ目のクラスターでも使えます。CreateCluster が
求めるのはサブネット ID だけなので、必要なのは次のものです。
- クラスターロール: 専用でも共用でも構いません（1 つのロールを
  複数のクラスターで使えます）。ノードロールも同様です
- この VPC の 2 つ以上の AZ にあるサブネット: 既存のものか、Pod が
  アドレスを取り合わないよう新しく作ったもの
- ロードバランサー: ロールのタグはサブネットに付くため、両クラスターが
  同じタグを使います。クラスターごとにロードバランサーのサブネットを
  分けるなら、kubernetes.io/cluster/<name> = shared を付けます
  （AWS Load Balancer Controller 2.1.1 以前ではこのタグが必須）`,
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
    {
      title: text('Run it here', 'ここで試す'),
      body: text(
        `day-two second-cluster builds <name>-green on this cluster's
subnets, with the same cluster role and version, and no nodes. It tags
every subnet kubernetes.io/cluster/<name> = shared for both clusters,
adds the second context to your kubeconfig beside the first (nothing
else in the file changes), shows kubectl answering from each, and puts
back the context you had. A second control plane costs like the first,
about $0.10 an hour, so in an AWS account it asks first. down deletes
both clusters and both kubeconfig entries.`,
        `day-two second-cluster は、このクラスターのサブネットに
<name>-green を、同じクラスターロールと同じバージョンで、ノードなしで
作ります。両方のクラスターについて、すべてのサブネットに
kubernetes.io/cluster/<name> = shared を付け、2 つ目のコンテキストを
kubeconfig の 1 つ目の隣に追加し（ファイルの他の部分は変えません）、
それぞれのクラスターから kubectl が答えるのを見せてから、元の
コンテキストに戻します。2 つ目のコントロールプレーンも 1 つ目と同じく
1 時間あたり約 $0.10 かかるため、AWS アカウントでは先に確認します。
down で両方のクラスターと両方の kubeconfig エントリーを削除します。`,
      ),
    },
  ],
  hint: text(
    'Subnets, their tags and their free addresses are shared by every cluster that uses them; roles can be shared too. Check AvailableIpAddressCount before adding a cluster.',
    'サブネットとそのタグ、空きアドレスは、それを使う全クラスターで共有されます。ロールも共有できます。クラスターを足す前に AvailableIpAddressCount を確認しましょう。',
  ),
  quiz: [
    {
      question: text(
        'Two clusters share a VPC. An internal load balancer of cluster B lands in a subnet that only cluster A uses. How do you keep each cluster’s load balancers in its own subnets?',
        '2 つのクラスターが VPC を共有しています。クラスター B の内部ロードバランサーが、クラスター A しか使わないサブネットに置かれました。ロードバランサーをクラスターごとのサブネットに分けるには。',
      ),
      choices: [
        text('Tag each one’s subnets kubernetes.io/cluster/<name>', '各クラスターのサブネットに kubernetes.io/cluster/<name> を付ける'),
        text('Remove the role tags from every shared subnet', '共有サブネットからロールのタグをすべて外す'),
        text('Give each cluster an internet gateway of its own', 'クラスターごとにインターネットゲートウェイを付ける'),
        text('Move cluster B’s nodes to other route tables', 'クラスター B のノードを別のルートテーブルに移す'),
      ],
      answer: 0,
      explanation: text(
        'Tag each one’s subnets kubernetes.io/cluster/<name>: with several clusters in one VPC, that tag (shared) tells each cluster’s load balancers which subnets are theirs. Without role tags no load balancer would find a subnet at all.',
        '各クラスターのサブネットに kubernetes.io/cluster/<name> を付ける、が正解です。1 つの VPC に複数のクラスターがあるとき、このタグ（shared）が各クラスターのロードバランサーにどのサブネットを使うかを示します。ロールのタグを外すと、どのロードバランサーもサブネットを見つけられなくなります。',
      ),
      nudge: text(
        'The role tags say what kind of subnet it is, not whose it is; a tag that names a cluster answers the second question.',
        'ロールのタグが示すのはサブネットの種類で、持ち主ではありません。持ち主を示すには、クラスター名を含むタグを考えましょう。',
      ),
    },
    {
      question: text(
        'Two clusters share subnets. What runs out first?',
        '2 つのクラスターがサブネットを共有しています。最初に足りなくなるのは何ですか。',
      ),
      choices: [
        text('Entries in the route tables', 'ルートテーブルのエントリ'),
        text('IP addresses in the subnets', 'サブネットの IP アドレス'),
        text('Internet gateway bandwidth', 'インターネットゲートウェイの帯域'),
        text('Rules in the cluster security groups', 'クラスターセキュリティグループのルール'),
      ],
      answer: 1,
      explanation: text(
        'IP addresses in the subnets: with the VPC CNI every pod of both clusters takes one from the shared subnets, and each cluster subnet must keep at least 6 free.',
        'サブネットの IP アドレスです。VPC CNI では両クラスターのすべての Pod が共有サブネットのアドレスを 1 つずつ使い、クラスターのサブネットには 6 つ以上の空きが必要です。',
      ),
      nudge: text(
        'Recall what the VPC CNI gives every pod, and where it takes that from.',
        'VPC CNI がすべての Pod に何を渡し、それをどこから取るかを思い出しましょう。',
      ),
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
  ...LESSON_HEADS['wrapup-multi-vpc'],
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
- AWS 外のマシン: Amazon EKS Hybrid Nodes（2024 年 12 月〜）で、
  オンプレミスのサーバーをプライベート接続経由で参加させられます。`,
      ),
    },
    {
      title: text('Run it here', 'ここで試す'),
      body: text(
        `day-two other-vpc asks EKS for it: a scratch VPC and subnet (free,
tagged, in the ledger), then CreateNodegroup for this cluster naming
that subnet. EKS answers InvalidParameterException: "Specified
subnets must belong to cluster's vpc <vpc-id>". The scratch VPC and
subnet are deleted again in the same run; if the run is cut short,
down finds them by their tags. No node group is made, so it costs
nothing.`,
        `day-two other-vpc は EKS に実際に頼んでみます。一時的な VPC と
サブネット（無料、タグ付き、台帳に記録）を作り、そのサブネットを
指定してこのクラスターの CreateNodegroup を呼びます。EKS の答えは
InvalidParameterException: "Specified subnets must belong to
cluster's vpc <vpc-id>" です。一時的な VPC とサブネットは同じ
実行の中で削除し、途中で止まっても down がタグで見つけます。
ノードグループは作られないので、費用はかかりません。`,
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
        'A team asks for a new node group of this cluster in a peered VPC. What does CreateNodegroup do with those subnets?',
        'あるチームが、このクラスターの新しいノードグループをピアリング先の VPC に置きたいと言っています。CreateNodegroup はそのサブネットをどう扱いますか。',
      ),
      choices: [
        text('Accepts them: peering carries the traffic', '受け付ける（通信はピアリングで届く）'),
        text('Accepts them, but pods get no IPs there', '受け付けるが、Pod には IP が付かない'),
        text('Accepts them if the private endpoint is on', 'プライベートエンドポイントが有効なら受け付ける'),
        text('Refuses them: they are outside the cluster’s VPC', '拒否する（クラスターの VPC の外にあるため）'),
      ],
      answer: 3,
      explanation: text(
        'Refuses them: they are outside the cluster’s VPC. A node group’s subnets must belong to the cluster’s VPC, peered or not; only hybrid nodes live elsewhere.',
        '拒否する（クラスターの VPC の外にあるため）、が正解です。ピアリングの有無にかかわらず、ノードグループのサブネットはクラスターの VPC のものである必要があります。例外はハイブリッドノードだけです。',
      ),
      nudge: text(
        'A cluster is tied to one VPC when it is created; ask whether peering changes which VPC that is.',
        'クラスターは作成時に 1 つの VPC に結び付きます。ピアリングでその VPC が変わるかを考えましょう。',
      ),
    },
    {
      question: text(
        'The VPC is running out of addresses. What keeps new nodes in the same cluster?',
        'VPC のアドレスが足りません。同じクラスターにノードを増やすには何を使いますか。',
      ),
      choices: [
        text('A second VPC, peered with this one', 'この VPC とピアリングした 2 つ目の VPC'),
        text('Resizing the existing subnets in place', '既存のサブネットをその場で広げる'),
        text('A secondary CIDR block', 'セカンダリ CIDR ブロック'),
      ],
      answer: 2,
      explanation: text(
        'A secondary CIDR block on the same VPC: new subnets in it can hold new node groups or, with custom networking, the pods. A subnet’s range cannot be changed once it exists.',
        '同じ VPC へのセカンダリ CIDR ブロックです。そこに作ったサブネットに新しいノードグループを置くか、カスタムネットワーキングで Pod を置きます。既存のサブネットの範囲は後から変えられません。',
      ),
      nudge: text(
        'The cluster cannot leave its VPC, so the VPC itself has to grow.',
        'クラスターは VPC から出られないので、VPC そのものを広げる必要があります。',
      ),
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
