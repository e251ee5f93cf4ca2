import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const wrapupNoNat = {
  ...LESSON_HEADS['wrapup-no-nat'],
  pages: [
    {
      title: text('What NAT costs', 'NAT の費用'),
      body: text(
        `Estimates at us-east-1 list prices (other regions differ):
- one NAT gateway: about $0.045 an hour, roughly $33 a month, plus
  $0.045 per GB it processes (image pulls included)
- its Elastic IP: $0.005 an hour, about $3.65 a month
- --nat ha over two AZs doubles it: about $66 a month, plus $7 for
  the two public IPv4 addresses, before traffic

Two t3.medium nodes cost about $61 a month, so for a small cluster
the NAT gateways can cost more than the nodes they serve.`,
        `us-east-1 の定価による目安です（リージョンにより異なります）。
- NAT ゲートウェイ 1 つ: 約 $0.045/時間、月 $33 ほど。さらに処理量
  1 GB ごとに $0.045（イメージの取得も含む）
- その Elastic IP: $0.005/時間、月 $3.65 ほど
- 2 AZ で --nat ha にすると 2 倍: 月 $66 ほど、さらにパブリック
  IPv4 アドレス 2 つで $7（通信量は別）

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
- プライベートサブネットは、内部ロードバランサー用に残しても
  削除しても構いません。`,
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
        `- ha ではなく single にする: 費用は半分になりますが、1 つの AZ に
  依存します。
- VPC エンドポイント（ECR の api と dkr、S3 のゲートウェイエンドポイント、
  STS、EC2 など）を使えば、プライベートサブネットのノードも NAT なしで
  AWS のサービスに届きます。完全プライベートなクラスターはこれに
  頼ります。インターフェイスエンドポイントも時間と AZ ごとに
  課金されるので、切り替える前に計算しましょう。
- 取得するデータを減らす: 小さなイメージと同じリージョンの
  レジストリで、GB 単位の料金を抑えられます。`,
      ),
    },
    {
      title: text('Run it here', 'ここで試す'),
      body: text(
        `day-two no-nat reads the build, whatever --nat it was made with:
the node group's subnets (MapPublicIpOnLaunch), where their 0.0.0.0/0
goes, the NAT gateways in the VPC, and kubectl get nodes -o wide. It
prints what single, ha and none cost an hour for your zones and nodes.
On a build made with up --nat none it checks that there is no NAT
gateway, that the node subnets are public and routed to the internet
gateway, and that every node shows an EXTERNAL-IP. On a build with
NAT it shows the nodes private, with no EXTERNAL-IP, and the way to
rebuild without: down, then up --nat none. It only reads: no cost.`,
        `day-two no-nat は、どの --nat で作ったビルドでも読み取ります。
ノードグループのサブネット（MapPublicIpOnLaunch）、その 0.0.0.0/0
の行き先、VPC の NAT ゲートウェイ、kubectl get nodes -o wide。
AZ 数とノード数に合わせて single・ha・none の 1 時間あたりの
費用も表示します。up --nat none で作ったビルドでは、NAT
ゲートウェイがないこと、ノードのサブネットがパブリックで
インターネットゲートウェイへ向かうこと、すべてのノードに
EXTERNAL-IP があることを確かめます。NAT のあるビルドでは、
ノードがプライベートで EXTERNAL-IP がないことと、NAT なしで
作り直す方法（down の後に up --nat none）を示します。
読み取るだけなので費用はかかりません。`,
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
        'You made public subnets by hand for a node group and left MapPublicIpOnLaunch off. What do you see when the node group is created?',
        'ノードグループ用のパブリックサブネットを手作りし、MapPublicIpOnLaunch を無効のままにしました。ノードグループを作ると何が起きますか。',
      ),
      choices: [
        text('The nodes join, but their pods get no IPs', 'ノードは参加するが、Pod に IP が付かない'),
        text('NodeCreationFailure: nodes never join the cluster', 'NodeCreationFailure（ノードがクラスターに参加しない）'),
        text('The cluster itself turns FAILED', 'クラスター自体が FAILED になる'),
        text('Nothing: the internet gateway hands out addresses', '何も起きない（インターネットゲートウェイがアドレスを配る）'),
      ],
      answer: 1,
      explanation: text(
        'NodeCreationFailure: nodes never join the cluster. Without a public IP a node in a public subnet cannot reach the cluster or AWS through the internet gateway, and the node group fails after about 15 minutes. AWS requires the setting for managed nodes in public subnets.',
        'NodeCreationFailure（ノードがクラスターに参加しない）です。パブリック IP がないと、パブリックサブネットのノードはインターネットゲートウェイ経由でクラスターにも AWS にも届かず、約 15 分後にノードグループが失敗します。AWS はパブリックサブネットのマネージド型ノードにこの設定を必須としています。',
      ),
      nudge: text(
        'An internet gateway only carries traffic for instances that have a public address. What happens at boot to a node that has none?',
        'インターネットゲートウェイが通すのは、パブリックアドレスを持つインスタンスの通信だけです。それを持たないノードは起動時にどうなるでしょう。',
      ),
    },
    {
      question: text(
        'What lets private nodes pull from ECR without a NAT gateway?',
        'NAT ゲートウェイなしで、プライベートサブネットのノードが ECR から取得できるようにするものは何ですか。',
      ),
      choices: [
        text('A route to the internet gateway', 'インターネットゲートウェイへのルート'),
        text('A NAT gateway in another AZ only', '別の AZ にだけ置く NAT ゲートウェイ'),
        text('VPC endpoints', 'VPC エンドポイント'),
        text('The kubernetes.io/role/elb tag', 'kubernetes.io/role/elb タグ'),
      ],
      answer: 2,
      explanation: text(
        'VPC endpoints (ECR api and dkr, plus the S3 gateway endpoint for layers). A route to the internet gateway only helps instances with public IPs.',
        'VPC エンドポイント（ECR の api と dkr、レイヤー用の S3 ゲートウェイエンドポイント）です。インターネットゲートウェイへのルートは、パブリック IP を持つインスタンスにしか役立ちません。',
      ),
      nudge: text(
        'Private nodes have no public address; think of a way to reach AWS services that never leaves the VPC.',
        'プライベートサブネットのノードにはパブリックアドレスがありません。VPC の外に出ずに AWS のサービスへ届く方法を考えましょう。',
      ),
    },
    {
      question: text(
        'Two AZs with --nat ha: about how much a month do the NAT gateways and their public addresses cost before any traffic (us-east-1)?',
        '2 AZ で --nat ha の場合、通信量を除いた NAT ゲートウェイとそのパブリックアドレスの費用は月におよそいくらですか（us-east-1）。',
      ),
      choices: [text('About $7', '約 $7'), text('About $33', '約 $33'), text('About $73', '約 $73'), text('About $146', '約 $146')],
      answer: 2,
      explanation: text(
        'About $73: two gateways at about $33 each ($66), plus $7 for their two public IPv4 addresses. Two t3.medium nodes cost about $61.',
        '約 $73 です。ゲートウェイ 2 つで各 $33 ほど（$66）、さらにパブリック IPv4 アドレス 2 つで $7 です。t3.medium 2 台は約 $61 です。',
      ),
      nudge: text(
        'Count the hours in a month at $0.045 an hour per gateway, then add the addresses at $0.005 an hour each.',
        'ゲートウェイ 1 つ $0.045/時間で 1 か月分を数え、アドレス 1 つ $0.005/時間を足しましょう。',
      ),
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
  ...LESSON_HEADS['wrapup-third-az'],
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

Try it with this lesson's commands. They list the AZs, create a
private subnet in the first AZ your build does not use, from a range
it leaves free, then list the subnets carrying the internal-elb tag.
The new subnet is not among them, so no internal load balancer would
use it until it is tagged with its own ID (the last command shows the
syntax on your existing private subnet, which has the tag already).`,
        `UpdateClusterConfig でクラスター自身のサブネットは変えられますが、
作成時の AZ の範囲内だけです。コントロールプレーンの ENI は最初の
2 つの AZ に残ります。それで問題ありません。ノードと
ロードバランサーは、VPC のどのサブネットでも使えます。

このレッスンのコマンドで試しましょう。AZ を一覧し、このビルドが
使っていない最初の AZ に、空いている範囲からプライベートサブネットを
作り、internal-elb タグを持つサブネットを一覧します。新しいサブネットは
含まれず、その ID でタグを付けるまで内部ロードバランサーには使われません
（最後のコマンドは、タグ付け済みの既存のプライベートサブネットで書式を
示します）。`,
      ),
    },
    {
      title: text('After trying it', '試した後で'),
      body: text(
        `The subnet you made is not in the tutor's records, so its clean-up
may leave it, and a leftover subnet makes DeleteVpc fail with
DependencyViolation. Delete it first:
  aws ec2 delete-subnet --subnet-id <new-subnet-id>

The zone and the range are worked out for your build: the first zone
of the region (DescribeAvailabilityZones) that it does not use, and
the first eighth of your VPC's range that no subnet holds; a 2-AZ
build keeps the private one of a third AZ free. In ap-northeast-1 a
2-AZ build takes zones a and c, so the new subnet goes to d.`,
        `作ったサブネットはチューターの記録にないため、後片付けで削除されない
ことがあります。残ったサブネットがあると DeleteVpc は
DependencyViolation で失敗します。先に削除しておきましょう:
  aws ec2 delete-subnet --subnet-id <new-subnet-id>

AZ と範囲はビルドに合わせて求めます。リージョンの AZ
（DescribeAvailabilityZones）のうちビルドが使っていない最初のものと、
VPC の範囲を 8 等分したうち、どのサブネットも使っていない最初の
範囲です。2 AZ 構成では 3 つ目の AZ のプライベート用が空いています。
ap-northeast-1 の 2 AZ 構成は a と c を使うので、新しい AZ は d です。`,
      ),
    },
    {
      title: text('Run it here', 'ここで試す'),
      body: text(
        `day-two third-az does all of it for one zone, recorded: it picks the
first zone whose ID the build does not use, a free range of the VPC,
and makes a subnet of the tier the nodes use, with the same role tag,
in the route table that goes out through the NAT gateway (with
--nat none, the public one). Then a node group <name>-az3 of one node
there, and kubectl get nodes -L topology.kubernetes.io/zone shows that
node in the new zone. One node costs about $0.04 an hour (t3.medium),
so in an AWS account it asks first. Both are tagged and in the ledger:
down removes them with the rest.`,
        `day-two third-az は、1 つの AZ についてこれをすべて行い、記録します。
ビルドが使っていないゾーン ID の最初の AZ と、VPC の空き範囲を
選び、ノードが使う種類のサブネットを同じロールタグで作って、
NAT ゲートウェイ経由で外へ出るルートテーブル（--nat none なら
パブリックのもの）に関連付けます。そこにノード 1 台の
ノードグループ <name>-az3 を作り、kubectl get nodes -L
topology.kubernetes.io/zone で新しい AZ のノードを見せます。
ノード 1 台は 1 時間あたり約 $0.04（t3.medium）なので、
AWS アカウントでは先に確認します。どちらもタグ付きで台帳に
記録され、down で他と一緒に削除されます。`,
      ),
    },
  ],
  hint: text(
    'A new AZ needs four things to follow: subnets, routes, the role tags, and a node group that lists the new subnets. The control plane itself stays in its original AZs.',
    '新しい AZ には 4 つのものが必要です。サブネット、ルート、ロールのタグ、そして新しいサブネットを含むノードグループ。コントロールプレーン自体は元の AZ にとどまります。',
  ),
  quiz: [
    {
      question: text('Can the cluster’s own subnets move into the new AZ?', 'クラスター自身のサブネットを新しい AZ に移せますか。'),
      choices: [
        text('Yes, with UpdateClusterConfig', 'はい、UpdateClusterConfig で'),
        text('Yes, by recreating the node group', 'はい、ノードグループを作り直せば'),
        text('No: a cluster never changes subnets', 'いいえ、クラスターはサブネットを一切変えられない'),
        text('No, only within its original AZs', 'いいえ、元の AZ の中だけ'),
      ],
      answer: 3,
      explanation: text(
        'No, only within its original AZs: UpdateClusterConfig accepts new subnets, but only in the AZs the cluster was created with. Nodes and load balancers can still use the new AZ.',
        'いいえ、元の AZ の中だけです。UpdateClusterConfig は新しいサブネットを受け付けますが、作成時と同じ AZ のものに限られます。ノードとロードバランサーは新しい AZ を使えます。',
      ),
      nudge: text(
        'The cluster’s subnets can change, but something chosen at creation cannot.',
        'クラスターのサブネットは変えられますが、作成時に決まって変えられないものがあります。',
      ),
    },
    {
      question: text(
        'You added a private subnet in a third AZ, with a route to a NAT gateway, and a node group over all three. Internal load balancers still use only two AZs. Why?',
        '3 つ目の AZ にプライベートサブネットを足し、NAT ゲートウェイへのルートと 3 つを使うノードグループも用意しました。内部ロードバランサーは今も 2 つの AZ しか使いません。なぜですか。',
      ),
      choices: [
        text('The subnet lacks the internal-elb role tag', 'サブネットに internal-elb のロールタグがない'),
        text('The control plane has no ENI in that AZ', 'その AZ にコントロールプレーンの ENI がない'),
        text('Load balancers span at most two AZs', 'ロードバランサーは最大 2 AZ にしか広がらない'),
        text('The NAT gateway is in another AZ', 'NAT ゲートウェイが別の AZ にある'),
      ],
      answer: 0,
      explanation: text(
        'The subnet lacks the internal-elb role tag: Kubernetes picks subnets for internal load balancers by kubernetes.io/role/internal-elb = 1, and a subnet made by hand has no tags. The control plane’s ENIs do not matter to load balancers.',
        'サブネットに internal-elb のロールタグがないからです。Kubernetes は kubernetes.io/role/internal-elb = 1 で内部ロードバランサーのサブネットを選び、手作りのサブネットにはタグがありません。コントロールプレーンの ENI はロードバランサーには関係しません。',
      ),
      nudge: text(
        'Recall how Kubernetes decides which subnets a load balancer may use, and what a subnet made by hand starts with.',
        'Kubernetes がロードバランサーに使うサブネットをどう決めるか、そして手作りのサブネットが最初に何を持っているかを思い出しましょう。',
      ),
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
      cli: 'aws ec2 create-subnet --vpc-id {vpcId} --cidr-block {freeCidr} --availability-zone {thirdAz} --region {region}',
      what: text(
        'A private subnet in an AZ the build does not use, from a free range; no tags or routes yet.',
        'ビルドが使っていない AZ に、空いている範囲からプライベートサブネットを作ります（タグもルートもまだなし）。',
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
