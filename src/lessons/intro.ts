import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const intro = {
  ...LESSON_HEADS.intro,
  pages: [
    {
      title: text('EKS is not Kubernetes', 'EKS は Kubernetes そのものではない'),
      presenter: true,
      body: text(
        `Amazon EKS runs the Kubernetes control plane for you: the API servers
and etcd, spread over several Availability Zones (AZs), patched and
scaled by AWS. You never see those machines.

Everything around it is yours, in your own account:
- the VPC, subnets, gateways and route tables the cluster lives in
- the IAM roles that let EKS and the nodes call AWS on your behalf
- the nodes (EC2 instances) where your pods actually run

Kubernetes books teach what happens inside the cluster. This tutor
teaches the AWS resources underneath it.`,
        `Amazon EKS は Kubernetes のコントロールプレーン（API サーバーと
etcd）を AWS が運用するサービスです。複数のアベイラビリティー
ゾーン（AZ）に分散され、パッチ適用もスケーリングも AWS が担います。
そのマシンを目にすることはありません。

一方、その周りにあるものはすべて、ご自身のアカウント内のリソースです。
- クラスターを置く VPC、サブネット、ゲートウェイ、ルートテーブル
- EKS やノードがユーザーに代わって AWS API を呼び出す IAM ロール
- Pod が実際に動くノード（EC2 インスタンス）

Kubernetes の本はクラスターの「中」を教えてくれます。このチューターが
扱うのは、その「下」にある AWS リソースです。`,
      ),
    },
    {
      title: text('What `eksctl create cluster` builds', '`eksctl create cluster` が作るもの'),
      presenter: true,
      body: text(
        `One command, 15 to 20 minutes, and CloudFormation stacks create:
- a VPC, 192.168.0.0/16, cut into /19 subnets: one public and one
  private subnet in each of three AZs (two AZs in us-east-1)
- an internet gateway, route tables, and one NAT gateway with an
  Elastic IP (eksctl's default; one per AZ, or none, are options)
- security groups for the control plane and the nodes
- the cluster IAM role and the node IAM role
- the EKS cluster itself (the control plane)
- a managed node group of 2 m5.large nodes, in the public subnets
- vpc-cni, kube-proxy, coredns and metrics-server as EKS add-ons
- new entries in ~/.kube/config, made the current context
eksctl is documented by AWS today, in the Eksctl User Guide.`,
        `コマンド 1 回、15〜20 分で、CloudFormation スタックが次を作ります。
- VPC 192.168.0.0/16 と /19 のサブネット: 3 つの AZ それぞれに
  パブリックとプライベートを 1 つずつ（us-east-1 では 2 AZ）
- インターネットゲートウェイ、ルートテーブル、Elastic IP 付きの
  NAT ゲートウェイ 1 つ（既定値。AZ ごと、または「なし」も選択可）
- コントロールプレーン用とノード用のセキュリティグループ
- クラスター IAM ロールとノード IAM ロール
- EKS クラスター本体（コントロールプレーン）
- m5.large 2 台のマネージド型ノードグループ（パブリックサブネット）
- EKS アドオンとしての vpc-cni、kube-proxy、coredns、metrics-server
- ~/.kube/config へのエントリ追加と current-context の切り替え
eksctl は現在、AWS の「Eksctl ユーザーガイド」で説明されています。`,
      ),
    },
    {
      title: text('Why knowing this matters', 'なぜ中身を知る必要があるのか'),
      body: text(
        `The command hides these resources well, until day two:
- Upgrading: what has to move, and in which order?
- Sharing access: who may call the Kubernetes API, and where is that
  decided?
- Changing the network: adding an AZ, dropping the NAT gateway, or
  putting a second cluster in the same VPC.

Each of these touches a resource eksctl made for you. If you know what
it is and why it is there, the change becomes a plan, not a guess. The
seven "Day two" lessons at the end answer such questions.`,
        `eksctl はこれらを上手に隠してくれます。
困るのは運用が始まってからです。
- アップグレード: 何を、どの順番で動かすのか
- アクセスの共有: 誰が Kubernetes API を呼べるのか、どこで決まるのか
- ネットワークの変更: AZ の追加、NAT ゲートウェイの廃止、同じ VPC
  への 2 つ目のクラスターの追加

どれも eksctl が作ったリソースに手を入れる作業です。それが何で、
なぜそこにあるのかを知っていれば、変更は当て推量ではなく、計画に
変わります。最後の「運用編」で、こうした 7 つの問いに答えます。`,
      ),
    },
    {
      title: text('Auto Mode, and why build by hand', 'Auto Mode と、手で作る理由'),
      body: text(
        `Since December 2024 the console preselects "Quick configuration (with
EKS Auto Mode)", where AWS also runs the nodes, pod networking, load
balancing and block storage.

Auto Mode automates exactly what you are about to build by hand. The
manual path remains the best way to learn what it does for you, and
most clusters running today were built that way.

The five steps are those of the 2020 console guide: (1) cluster IAM
role, (2) VPC, (3) cluster, (4) kubeconfig, (5) managed node group.
Today's guide groups VPC, role and cluster as its step 1. At the end
the tutor deletes everything again, in the right order.`,
        `2024 年 12 月以降、コンソールでクラスターを作成すると、EKS Auto Mode
を使う「クイック設定」が既定で選ばれます。ノード、Pod のネットワーク、
ロードバランシング、ブロックストレージまで AWS が運用する方式です。

Auto Mode が代わりに何をしているのかを理解するには、手作業で組んで
みるのがいちばんです。いま動いているクラスターの多くも手作業の方式です。

手順は 2020 年当時のコンソール版「開始方法」の 5 ステップです:
(1) クラスター IAM ロール、(2) VPC、(3) クラスター、(4) kubeconfig、
(5) マネージド型ノードグループ。現在のガイドでは VPC・ロール・
クラスターがまとめて「ステップ 1」です。最後にすべてを削除します。`,
      ),
    },
  ],
  hint: text(
    'Keep two lists in mind: what AWS runs (the control plane) and what you own (VPC, IAM roles, nodes). Every step adds to the second list.',
    '2 つのリストを意識してください。AWS が運用するもの（コントロールプレーン）と、自分のアカウントにあるもの（VPC、IAM ロール、ノード）です。各ステップは後者に項目を足していきます。',
  ),
  quiz: [
    {
      question: text('Which part of an EKS cluster does AWS run for you?', 'EKS クラスターのうち、AWS が運用するのはどれですか。'),
      choices: [
        text('The route tables of the cluster VPC', 'クラスター VPC のルートテーブル'),
        text('The nodes of a managed node group', 'マネージド型ノードグループのノード'),
        text('The control plane', 'コントロールプレーン'),
        text('The cluster IAM role', 'クラスター IAM ロール'),
      ],
      answer: 2,
      explanation: text(
        'The control plane (API servers and etcd) is run by AWS, in an account AWS owns. Route tables, roles and even managed nodes are resources in your account.',
        'コントロールプレーン（API サーバーと etcd）は、AWS が所有するアカウントで AWS が運用します。ルートテーブルやロール、マネージド型ノードでさえ、ご自身のアカウントのリソースです。',
      ),
      nudge: text(
        'Sort the pieces into two piles: what appears in your account, and what you never see.',
        '部品を 2 つに分けてみましょう。自分のアカウントに現れるものと、目にすることがないもの。',
      ),
    },
    {
      question: text(
        'A teammate built a cluster with eksctl’s defaults. The NAT gateway costs money every hour but processes almost no traffic. Why?',
        'チームメンバーが eksctl の既定値でクラスターを作りました。NAT ゲートウェイは毎時料金がかかるのに、ほとんど通信を処理していません。なぜですか。',
      ),
      choices: [
        text('EKS sends node traffic through the AWS-owned account', 'EKS がノードの通信を AWS 側のアカウント経由で送るから'),
        text(
          'The nodes sit in public subnets and use the internet gateway',
          'ノードがパブリックサブネットにあり、インターネットゲートウェイを使うから',
        ),
        text('The NAT gateway is still being created', 'NAT ゲートウェイがまだ作成中だから'),
        text('The pods use IPv6, which NAT gateways never carry', 'Pod が IPv6 を使い、NAT ゲートウェイはそれを通さないから'),
      ],
      answer: 1,
      explanation: text(
        'The nodes sit in public subnets and use the internet gateway: that is eksctl’s default, so its single NAT gateway mostly idles while it is billed.',
        'ノードがパブリックサブネットにあり、インターネットゲートウェイを使うからです。これが eksctl の既定で、1 つだけ作る NAT ゲートウェイは料金がかかるのにほとんど使われません。',
      ),
      nudge: text(
        'Ask where eksctl puts the nodes, and where the route table of that kind of subnet sends 0.0.0.0/0.',
        'eksctl がノードをどこに置くか、そしてその種類のサブネットのルートテーブルが 0.0.0.0/0 をどこへ送るかを考えましょう。',
      ),
    },
    {
      question: text('How many NAT gateways does eksctl create by default?', 'eksctl が既定で作る NAT ゲートウェイはいくつですか。'),
      choices: [
        text('One per AZ, like the AWS template', 'AWS のテンプレートと同じく AZ ごとに 1 つ'),
        text('None: nodes are public', 'なし（ノードがパブリックなので）'),
        text('Two, whatever the number of AZs', 'AZ 数にかかわらず 2 つ'),
        text('A single one', '1 つだけ'),
      ],
      answer: 3,
      explanation: text(
        'A single one: eksctl’s default NAT mode is Single. HighlyAvailable (one per AZ) and Disable are the other settings.',
        '1 つだけです。eksctl の既定の NAT モードは Single で、ほかに HighlyAvailable（AZ ごと）と Disable があります。',
      ),
      nudge: text(
        'eksctl’s NAT setting has three values; recall the one it starts with.',
        'eksctl の NAT の設定には 3 つの値があります。何も指定しないときの値を思い出しましょう。',
      ),
    },
  ],
  readMore: [DOCS.getStarted, DOCS.getStartedConsole, DOCS.autoMode],
  commands: [
    {
      cli: 'aws ec2 describe-availability-zones --region {region}',
      what: text(
        'The AZs of your region: an EKS cluster needs subnets in at least two of them.',
        'リージョンの AZ 一覧です。EKS クラスターには 2 つ以上の AZ のサブネットが必要です。',
      ),
    },
  ],
} satisfies Lesson;
