import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const intro = {
  id: 'intro',
  title: text('Before you start: what eksctl hides', 'はじめに: eksctl が隠しているもの'),
  summary: text(
    'What AWS runs, what you own, and what eksctl builds',
    'AWS が動かすもの、あなたが持つもの、eksctl が作るもの',
  ),
  pages: [
    {
      title: text('EKS is not Kubernetes', 'EKS は Kubernetes そのものではない'),
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
etcd）を AWS が運用するサービスです。コントロールプレーンは複数の
アベイラビリティーゾーン（AZ）に分散され、パッチ適用も
スケーリングも AWS が担います。そのマシンを目にすることはありません。

一方、その周りはすべてあなたのアカウントにある、あなたの持ち物です。
- クラスターを置く VPC、サブネット、ゲートウェイ、ルートテーブル
- EKS やノードが AWS API を呼ぶための IAM ロール
- Pod が実際に動くノード（EC2 インスタンス）

Kubernetes の本はクラスターの「中」を教えてくれます。
このチューターが扱うのは、その「下」にある AWS リソースです。`,
      ),
    },
    {
      title: text('What `eksctl create cluster` builds', '`eksctl create cluster` が作るもの'),
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
- new entries in ~/.kube/config, made the current context`,
        `コマンド 1 回、15〜20 分で、CloudFormation スタックが次を作ります。
- VPC 192.168.0.0/16 と /19 のサブネット: 3 つの AZ それぞれに
  パブリックとプライベートを 1 つずつ（us-east-1 では 2 AZ）
- インターネットゲートウェイ、ルートテーブル、Elastic IP 付きの
  NAT ゲートウェイ 1 つ（既定値。AZ ごと、または「なし」も選択可）
- コントロールプレーン用とノード用のセキュリティグループ
- クラスター IAM ロールとノード IAM ロール
- EKS クラスター本体（コントロールプレーン）
- m5.large 2 台のマネージド型ノードグループ（パブリックサブネット）
- ~/.kube/config へのエントリ追加と current-context の切り替え`,
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
last lessons answer seven such questions.`,
        `eksctl はこれらを上手に隠してくれます。困るのは運用が始まってから
です。
- アップグレード: 何を、どの順番で動かすのか
- アクセスの共有: 誰が Kubernetes API を呼べるのか、どこで決まるのか
- ネットワークの変更: AZ の追加、NAT ゲートウェイの廃止、同じ VPC
  への 2 つ目のクラスターの追加

どれも eksctl が作ったリソースに手を入れる作業です。それが何で、
なぜそこにあるのかを知っていれば、変更は当て推量ではなく計画に
なります。最後のレッスン群で、こうした 7 つの問いに答えます。`,
      ),
    },
    {
      title: text('Auto Mode, and why build by hand', 'Auto Mode と、手で作る理由'),
      body: text(
        `Since December 2024 the console steers you to EKS Auto Mode, where AWS
also runs the nodes, pod networking, load balancing and block storage.

Auto Mode automates exactly what you are about to build by hand. The
manual path remains the best way to learn what it does for you, and
most clusters running today were built that way.

This tutor follows the console's getting-started steps: (1) cluster
IAM role, (2) VPC, (3) cluster, (4) kubeconfig, (5) managed node group.
Then it deletes everything again, in the right order.`,
        `2024 年 12 月以降、コンソールは EKS Auto Mode を勧めてきます。
Auto Mode ではノード、Pod のネットワーク、ロードバランシング、
ブロックストレージまで AWS が運用します。

Auto Mode が自動化しているのは、これから手で作るものそのものです。
それが何をしてくれているのかを学ぶには手作業の道がいちばんで、
いま動いているクラスターの多くもこの方法で作られています。

手順はコンソールの開始方法と同じ 5 ステップです。
(1) クラスター IAM ロール、(2) VPC、(3) クラスター、(4) kubeconfig、
(5) マネージド型ノードグループ。最後に、正しい順番ですべてを削除します。`,
      ),
    },
  ],
  hint: text(
    'Keep two lists in mind: what AWS runs (the control plane) and what you own (VPC, IAM roles, nodes). Every step adds to the second list.',
    '2 つのリストを意識してください。AWS が動かすもの（コントロールプレーン）と、あなたが持つもの（VPC、IAM ロール、ノード）。各ステップは後者に項目を足していきます。',
  ),
  quiz: [
    {
      question: text('Which part of an EKS cluster does AWS run for you?', 'EKS クラスターのうち、AWS が運用してくれるのはどれですか。'),
      choices: [
        text('The control plane', 'コントロールプレーン'),
        text('The VPC', 'VPC'),
        text('The nodes', 'ノード'),
        text('The IAM roles', 'IAM ロール'),
      ],
      answer: 0,
      explanation: text(
        'The control plane (API servers and etcd) is run by AWS; the VPC, the IAM roles and the nodes are resources in your account.',
        'コントロールプレーン（API サーバーと etcd）は AWS が運用します。VPC、IAM ロール、ノードはあなたのアカウントのリソースです。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text('How many NAT gateways does eksctl create by default?', 'eksctl が既定で作る NAT ゲートウェイはいくつですか。'),
      choices: [text('None', 'なし'), text('One', '1 つ'), text('One per AZ', 'AZ ごとに 1 つ')],
      answer: 1,
      explanation: text(
        'One: eksctl’s default NAT mode is Single. HighlyAvailable (one per AZ) and Disable are the other settings.',
        '1 つです。eksctl の既定の NAT モードは Single で、ほかに HighlyAvailable（AZ ごと）と Disable があります。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text('Where does eksctl put its first node group by default?', 'eksctl は最初のノードグループを既定でどこに置きますか。'),
      choices: [text('Public subnets', 'パブリックサブネット'), text('Private subnets', 'プライベートサブネット')],
      answer: 0,
      explanation: text(
        'Public subnets: the nodes get public IPs and use the internet gateway, so eksctl’s NAT gateway often sits idle.',
        'パブリックサブネットです。ノードはパブリック IP を持ちインターネットゲートウェイを使うため、eksctl の NAT ゲートウェイは遊んでいることが多いのです。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.getStarted, DOCS.autoMode],
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
