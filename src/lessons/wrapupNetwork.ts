import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const wrapupNoNat = {
  id: 'wrapup-no-nat',
  title: text('Day two: NAT is expensive', '運用編: NAT は高い'),
  summary: text('What NAT gateways cost, and running with public subnets only', 'NAT ゲートウェイの費用と、パブリックサブネットだけで動かす方法'),
  pages: [
    {
      title: text('What NAT costs', 'NAT の費用'),
      body: text(
        `Estimates at us-east-1 list prices (other regions differ):
- one NAT gateway: about $0.045 an hour, roughly $33 a month, plus
  $0.045 per GB it processes (image pulls included)
- its Elastic IP: $0.005 an hour, about $3.65 a month
- --nat ha over two AZs doubles it: about $73 a month before traffic

Two t3.medium nodes cost about $61 a month, so for a small cluster
the NAT gateways can cost more than the nodes they serve.`,
        `us-east-1 の定価による目安です（リージョンにより異なります）。
- NAT ゲートウェイ 1 つ: 約 $0.045/時間、月 $33 ほど。さらに処理量
  1 GB ごとに $0.045（イメージの取得も含む）
- その Elastic IP: $0.005/時間、月 $3.65 ほど
- 2 AZ で --nat ha にすると 2 倍: 通信量を除いて月 $73 ほど

t3.medium 2 台は月 $61 ほどです。小さなクラスターでは、
NAT ゲートウェイの方がノードより高くつくことがあります。`,
      ),
    },
    {
      title: text('Public subnets only: --nat none', 'パブリックサブネットだけ: --nat none'),
      body: text(
        `Drop NAT and put the nodes in public subnets, routed to the internet
gateway. eksctl does this by default, which is why its NAT gateway
usually idles.
- Each node gets a public IPv4 address ($0.005 an hour) but there is
  no NAT fee.
- Security groups still decide what can reach the nodes; nothing is
  open unless a rule allows it.
- Managed nodes in public subnets need MapPublicIpOnLaunch enabled on
  those subnets (required since 2020).
- Private subnets can stay for internal load balancers, or go.`,
        `NAT をやめ、インターネットゲートウェイにルーティングされた
パブリックサブネットにノードを置きます。eksctl の既定もこれで、
だから eksctl の NAT ゲートウェイはたいてい遊んでいます。
- ノードごとにパブリック IPv4 アドレス（$0.005/時間）が付きますが、
  NAT の料金はかかりません。
- ノードに届く通信は、引き続きセキュリティグループが決めます。
  許可するルールがなければ何も開きません。
- パブリックサブネットのマネージド型ノードには、そのサブネットで
  MapPublicIpOnLaunch の有効化が必要です（2020 年から）。
- プライベートサブネットは内部ロードバランサー用に残しても、消しても。`,
      ),
    },
    {
      title: text('Other ways to save', 'ほかの節約策'),
      body: text(
        `- single instead of ha: half the price, at the risk of one AZ.
- VPC endpoints (ECR api and dkr, an S3 gateway endpoint, STS, EC2
  and others) let private nodes reach AWS services without NAT; fully
  private clusters rely on them. Interface endpoints are billed per
  hour and per AZ as well, so count before you switch.
- Pull fewer bytes: smaller images and a registry in the same region
  reduce the per-GB part of the bill.`,
        `- ha の代わりに single: 費用は半分、代わりに 1 つの AZ に依存。
- VPC エンドポイント（ECR の api と dkr、S3 のゲートウェイ型、
  STS、EC2 など）を使えば、プライベートなノードも NAT なしで
  AWS のサービスに届きます。完全プライベートなクラスターはこれに
  頼ります。インターフェイスエンドポイントも時間と AZ ごとに
  課金されるので、切り替える前に計算しましょう。
- 取得するデータを減らす: 小さなイメージと同じリージョンの
  レジストリで、GB 単位の料金を抑えられます。`,
      ),
    },
  ],
  hint: text(
    'NAT is billed per hour and per GB whether or not nodes use it. With --nat none, nodes sit in public subnets and security groups do the guarding.',
    'NAT はノードが使っていなくても時間単位で、さらに GB 単位で課金されます。--nat none ならノードはパブリックサブネットに置かれ、守りはセキュリティグループが担います。',
  ),
  quiz: [
    {
      question: text(
        'What must a public subnet have for a managed node group to use it?',
        'マネージド型ノードグループがパブリックサブネットを使うには、何が必要ですか。',
      ),
      choices: [
        text('MapPublicIpOnLaunch enabled', 'MapPublicIpOnLaunch の有効化'),
        text('A NAT gateway', 'NAT ゲートウェイ'),
        text('The internal-elb tag', 'internal-elb タグ'),
      ],
      answer: 0,
      explanation: text(
        'MapPublicIpOnLaunch enabled: without it the nodes get no public IP and cannot reach the internet gateway.',
        'MapPublicIpOnLaunch の有効化です。これがないとノードにパブリック IP が付かず、インターネットゲートウェイを使えません。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'What lets private nodes pull from ECR without a NAT gateway?',
        'NAT ゲートウェイなしで、プライベートなノードが ECR から取得できるようにするものは何ですか。',
      ),
      choices: [text('VPC endpoints', 'VPC エンドポイント'), text('An internet gateway', 'インターネットゲートウェイ')],
      answer: 0,
      explanation: text(
        'VPC endpoints (ECR api and dkr, plus the S3 gateway endpoint for layers). An internet gateway only helps instances with public IPs.',
        'VPC エンドポイント（ECR の api と dkr、レイヤー用の S3 ゲートウェイエンドポイント）です。インターネットゲートウェイはパブリック IP を持つインスタンスにしか役立ちません。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.networkReqs, DOCS.createVpc],
  commands: [
    {
      cli: 'aws ec2 describe-nat-gateways --filter Name=vpc-id,Values={vpcId} --region {region}',
      what: text('The NAT gateways you are paying for.', '料金がかかっている NAT ゲートウェイ。'),
    },
    {
      cli: 'aws ec2 describe-route-tables --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text(
        'Which route tables send 0.0.0.0/0 to a NAT gateway, and which to the internet gateway.',
        '0.0.0.0/0 を NAT ゲートウェイに送るルートテーブルと、インターネットゲートウェイに送るもの。',
      ),
    },
    {
      cli: 'aws ec2 describe-subnets --subnet-ids {publicSubnetId} --region {region}',
      what: text('The public subnet: look at MapPublicIpOnLaunch.', 'パブリックサブネット。MapPublicIpOnLaunch を確認します。'),
    },
  ],
} satisfies Lesson;

export const wrapupThirdAz = {
  id: 'wrapup-third-az',
  title: text('Day two: from two AZs to three', '運用編: 2 AZ から 3 AZ へ'),
  summary: text('New subnets, routes, tags, and a node group to use them', '新しいサブネット、そのルートとタグ、それを使うノードグループ'),
  pages: [
    {
      title: text('What has to follow', '追加が必要なもの'),
      body: text(
        `To spread nodes and load balancers over a third AZ, add in that AZ:
- a public and a private subnet, from free space in the VPC (or from
  a secondary CIDR block when it is full, as with the template's four
  /18s)
- routes: the public subnet to the internet gateway, the private one
  to a NAT gateway (a new one in that AZ with --nat ha)
- tags: kubernetes.io/role/elb on the public subnet and
  kubernetes.io/role/internal-elb on the private one
- a new node group over all three private subnets, then retire the
  old one: a node group's subnets are fixed when it is created`,
        `3 つ目の AZ にノードとロードバランサーを広げるには、その AZ に:
- パブリックとプライベートのサブネット。VPC の空き範囲から
  切り出します（テンプレートの /18 4 つのように満杯なら、
  セカンダリ CIDR ブロックから）
- ルート: パブリックはインターネットゲートウェイへ、プライベートは
  NAT ゲートウェイへ（--nat ha ならその AZ に新しく作る）
- タグ: パブリックに kubernetes.io/role/elb、プライベートに
  kubernetes.io/role/internal-elb
- 3 つのプライベートサブネットを使う新しいノードグループ
  （サブネットは作成時に固定されるため、古い方は入れ替えます）`,
      ),
    },
    {
      title: text('The control plane stays put', 'コントロールプレーンは動かない'),
      body: text(
        `UpdateClusterConfig can change the cluster's own subnets, but only
within the AZs it was created with, so the control-plane ENIs stay in
the first two AZs. That is fine: nodes and load balancers may use any
subnet of the VPC.

Try it with the commands below: list the AZs, create a private subnet
in a third one, then list the subnets carrying the internal-elb tag.
The new subnet is missing, so no internal load balancer would use it.
Tagging it takes its own ID:
  aws ec2 create-tags --resources <new-subnet-id> --tags
    Key=kubernetes.io/role/internal-elb,Value=1`,
        `UpdateClusterConfig でクラスター自身のサブネットは変えられますが、
作成時の AZ の範囲内だけです。コントロールプレーンの ENI は最初の
2 つの AZ に残ります。それで問題ありません。ノードと
ロードバランサーは、VPC のどのサブネットでも使えます。

下のコマンドで試しましょう。AZ を一覧し、3 つ目の AZ に
プライベートサブネットを作り、internal-elb タグを持つサブネットを
一覧します。新しいサブネットは含まれず、内部ロードバランサーには
使われません。タグ付けには新しいサブネットの ID を使います:
  aws ec2 create-tags --resources <new-subnet-id> --tags
    Key=kubernetes.io/role/internal-elb,Value=1`,
      ),
    },
    {
      title: text('After trying it', '試した後で'),
      body: text(
        `The subnet you made is not in the tutor's records, so its clean-up
may leave it, and a leftover subnet makes DeleteVpc fail with
DependencyViolation. On a real account, delete it first:
  aws ec2 delete-subnet --subnet-id <new-subnet-id>

The command takes zone c of your region and 192.168.192.0/19, a /19
the tutor always leaves free in the default 192.168.0.0/16. A 2-AZ
build also keeps 192.168.64.0/19 and 192.168.160.0/19 for a third AZ.
If zone c already holds your subnets (ap-northeast-1 offers a, c and
d), pick another zone from the list.`,
        `作ったサブネットはチューターの記録にないため、後片付けで削除されない
ことがあります。残ったサブネットがあると DeleteVpc は
DependencyViolation で失敗します。実際のアカウントでは先に消します:
  aws ec2 delete-subnet --subnet-id <new-subnet-id>

コマンドはリージョンの c ゾーンと 192.168.192.0/19 を使います。
既定の 192.168.0.0/16 でチューターが常に空けておく /19 の 1 つです。
2 AZ 構成なら 192.168.64.0/19 と 192.168.160.0/19 も空いています。
c ゾーンにサブネットがすでにあるなら、一覧から別の AZ を選びます
（ap-northeast-1 の AZ は a、c、d です）。`,
      ),
    },
  ],
  hint: text(
    'A new AZ needs four things to follow: subnets, routes, the role tags, and a node group that lists the new subnets. The control plane itself stays in its original AZs.',
    '新しい AZ には 4 つのものが必要です。サブネット、ルート、ロールのタグ、そして新しいサブネットを含むノードグループ。コントロールプレーン自体は元の AZ にとどまります。',
  ),
  quiz: [
    {
      question: text(
        'Can the cluster’s own subnets move into the new AZ?',
        'クラスター自身のサブネットを新しい AZ に移せますか。',
      ),
      choices: [text('No, same AZs only', 'いいえ、同じ AZ の中だけ'), text('Yes, any AZ', 'はい、どの AZ でも')],
      answer: 0,
      explanation: text(
        'No, same AZs only: UpdateClusterConfig accepts new subnets only in the AZs the cluster was created with. Nodes can still use the new AZ.',
        'いいえ、同じ AZ の中だけです。UpdateClusterConfig が受け付けるのは作成時と同じ AZ のサブネットだけです。ノードは新しい AZ を使えます。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'What does the new private subnet need before internal load balancers use it?',
        '内部ロードバランサーに使われるには、新しいプライベートサブネットに何が必要ですか。',
      ),
      choices: [
        text('The internal-elb tag', 'internal-elb タグ'),
        text('A public IP', 'パブリック IP'),
        text('A new cluster', '新しいクラスター'),
      ],
      answer: 0,
      explanation: text(
        'The internal-elb tag: kubernetes.io/role/internal-elb = 1, set by hand or by whatever created the subnet.',
        'internal-elb タグ、つまり kubernetes.io/role/internal-elb = 1 です。手で付けるか、サブネットを作る仕組みに付けさせます。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.networkReqs, DOCS.createNodegroup],
  commands: [
    {
      cli: 'aws ec2 describe-availability-zones --region {region}',
      what: text('The AZs you could grow into.', '広げる先の候補になる AZ。'),
    },
    {
      cli: 'aws ec2 describe-subnets --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text('The subnets now: two AZs, and the CIDR ranges in use.', 'いまのサブネット: 2 つの AZ と、使用中の CIDR。'),
    },
    {
      cli: 'aws ec2 create-subnet --vpc-id {vpcId} --cidr-block 192.168.192.0/19 --availability-zone {region}c --region {region}',
      what: text(
        'A private subnet in zone c of your region, still without tags or routes.',
        'リージョンの c ゾーンにプライベートサブネットを作ります（タグもルートもまだなし）。',
      ),
    },
    {
      cli: 'aws ec2 describe-subnets --filters Name=vpc-id,Values={vpcId} Name=tag-key,Values=kubernetes.io/role/internal-elb --region {region}',
      what: text(
        'The subnets an internal load balancer would use: the new one is missing.',
        '内部ロードバランサーが使うサブネット。新しいものは含まれません。',
      ),
    },
    {
      cli: 'aws ec2 create-tags --resources {privateSubnetId} --tags Key=kubernetes.io/role/internal-elb,Value=1 --region {region}',
      what: text(
        'The tag syntax, on your existing private subnet, which has the tag already.',
        'タグ付けの書式。既存のプライベートサブネットに付けるので、何も変わりません。',
      ),
    },
  ],
} satisfies Lesson;
