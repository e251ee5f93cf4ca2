import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const vpc = {
  ...LESSON_HEADS.vpc,
  pages: [
    {
      title: text('What EKS asks of a VPC', 'EKS が VPC に求めるもの'),
      body: text(
        `CreateCluster takes subnet IDs, not a VPC ID: the VPC is implied by
them. They must be in at least two AZs. EKS puts the control plane's
elastic network interfaces (ENIs) in them; through those ENIs the
control plane, which runs in an AWS account, reaches your nodes.

The usual layout, and the tutor's, has in each AZ (two, or --azs 3):
- a public subnet, routed to an internet gateway: internet-facing
  load balancers and NAT gateways live here
- a private subnet, unreachable from the internet: the nodes live
  here and reach ECR, S3, STS and other AWS APIs through a NAT gateway
The VPC also needs DNS hostnames and DNS resolution, or nodes cannot
register. A new VPC has hostnames off; the tutor turns them on.`,
        `CreateCluster が受け取るのは VPC ID ではなくサブネット ID で、VPC は
そこから決まります。サブネットは 2 つ以上の AZ にまたがる必要が
あります。EKS はそこにコントロールプレーン用の ENI を置き、AWS 側で
動くコントロールプレーンは、この ENI を通ってノードと通信します。

よくある構成（チューターも同じ。AZ は 2 つ、--azs 3 で 3 つ）:
- パブリックサブネット: インターネットゲートウェイへのルートを持つ。
  インターネット向けロードバランサーと NAT ゲートウェイを置く
- プライベートサブネット: インターネットから到達できない。ノードを
  置き、ECR、S3、STS などの AWS API には NAT ゲートウェイ経由で届く
VPC では DNS ホスト名と DNS 解決も有効にします。無効だとノードが登録
できません。新しい VPC はホスト名が無効なので、チューターが有効にします。`,
      ),
    },
    {
      title: text('IP addresses: pods use the VPC’s', 'IP アドレス: Pod も VPC のアドレスを使う'),
      body: text(
        `With the VPC CNI (step 5) every pod takes a real IP address from its
node's subnet, so subnets fill up much faster than node counts
suggest.

- 192.168.0.0/16 (65,536 addresses) is the usual choice: eksctl, the
  AWS template and the tutor use it (--vpc-cidr changes it).
- eksctl and the tutor cut it into eight /19s of 8,192: public ones,
  then private ones, one per AZ, leaving room for a third AZ. The AWS
  template uses four /18s and leaves no room at all.
- Each cluster subnet needs at least 6 free addresses (16 are
  recommended); every upgrade takes up to 5 for new control-plane ENIs.`,
        `VPC CNI（ステップ 5）では、Pod ごとに、ノードのサブネットから VPC の
IP アドレスが割り当てられます。そのため、サブネットはノード数から
想像するよりずっと早く埋まります。

- 192.168.0.0/16（65,536 個）が定番です。eksctl、AWS のテンプレート、
  チューターが使います（--vpc-cidr で変更可）。
- eksctl とチューターは 8,192 アドレスの /19 サブネット 8 個分に分け、
  AZ ごとにパブリックとプライベートを割り当て、3 つ目の AZ 用の空きも
  残します。AWS のテンプレートは /18 4 つで、空きを残しません。
- クラスターの各サブネットには 6 つ以上（推奨 16）の空きアドレスが
  必要です。アップグレードではコントロールプレーンの新しい ENI 用に
  最大 5 つを使います。`,
      ),
    },
    {
      title: text('Tags the load balancers look for', 'ロードバランサーが探すタグ'),
      presenter: true,
      body: text(
        `Kubernetes chooses subnets for a LoadBalancer Service by their tags:
- public subnets: kubernetes.io/role/elb = 1 (internet-facing)
- private subnets: kubernetes.io/role/internal-elb = 1 (internal)

Without them the load balancer may land nowhere: the Service stays
<pending>, and its events say no suitable subnet was found.

Guides from 2020 also asked for kubernetes.io/cluster/<name> = shared
or owned on every subnet (and on the VPC). Since Kubernetes 1.19 it is
not required, but with several clusters in one VPC it tells each
cluster's load balancers which subnets are theirs. The live panel
shows this VPC's subnets with their tags.`,
        `LoadBalancer タイプの Service の置き場所は、サブネットのタグで決まります。
- パブリックサブネット: kubernetes.io/role/elb = 1（インターネット向け）
- プライベートサブネット: kubernetes.io/role/internal-elb = 1（内部向け）

タグがないと置き場所が見つからず、Service は <pending> のままになり、
イベントには適切なサブネットが見つからないと出ます。

2020 年頃のガイドでは kubernetes.io/cluster/<name> = shared|owned も
全サブネット（と VPC）に必要でした。Kubernetes 1.19 から不要ですが、
1 つの VPC に複数のクラスターがあるなら、各クラスターのロード
バランサーが使うサブネットを示せます。ライブ表示に、この VPC の
サブネットとタグを表示しています。`,
      ),
      live: 'vpc',
    },
    {
      title: text('NAT gateways and what they cost', 'NAT ゲートウェイとその費用'),
      body: text(
        `Private nodes need a NAT gateway to pull images and reach AWS APIs.
One costs about $0.045 an hour plus $0.045 per GB processed, and its
Elastic IP about $0.005 an hour (us-east-1 list prices; estimates).

The tutor's --nat choices:
- ha: one per AZ, like the AWS template. Losing an AZ does not cut
  the other AZ's way out. Two cost about $66 a month, plus $7 for
  their two public IPv4 addresses, before traffic.
- single: one shared gateway, eksctl's default. Half the price, but
  if its AZ fails, every private subnet loses its way out.
- none: no NAT gateway. The nodes go into the public subnets and get
  public IPv4 addresses (see "Day two: NAT is expensive").`,
        `プライベートサブネットのノードがイメージを取得し、AWS API を呼ぶには
NAT ゲートウェイが必要です。1 つで約 $0.045/時間と 1 GB あたり $0.045、
Elastic IP が約 $0.005/時間です（us-east-1 の定価による目安）。

チューターの --nat の選択肢:
- ha: AZ ごとに 1 つ（AWS のテンプレートと同じ）。1 つの AZ で障害が
  起きても、もう一方の外向き経路は残ります。2 つで月 $66、さらに
  パブリック IPv4 アドレス 2 つで $7（通信量は別）。
- single: 共有の 1 つ（eksctl の既定）。費用は半分ですが、その AZ で
  障害が起きると、すべてのプライベートサブネットが外に出られません。
- none: NAT ゲートウェイなし。ノードはパブリックサブネットに置かれ、
  パブリック IPv4 アドレスを持ちます（「運用編: NAT は高い」参照）。`,
      ),
      diagram: 'vpc-diagram',
    },
    {
      title: text('The other path: one CloudFormation stack', 'もう 1 つの方法: CloudFormation スタック 1 つで作る'),
      body: text(
        `AWS publishes a template that builds this network in one stack:
amazon-eks-vpc-private-subnets.yaml (2020-10-29). It creates a
192.168.0.0/16 VPC, two public and two private /18 subnets in two
AZs, an internet gateway, two NAT gateways with two Elastic IPs, the
route tables, the subnet tags, and a security group for the control
plane.

A stack is quicker to write and deletes as one unit. Building piece
by piece, as the tutor does, shows what each piece is for, and what
you must repeat by hand when you later add a subnet. Afterwards,
eks-basics-tutor export eksctl prints your build as an eksctl config,
and export cli as the aws commands that make it.`,
        `AWS は、このネットワークを 1 つのスタックで作るテンプレート
amazon-eks-vpc-private-subnets.yaml（2020-10-29）を公開しています。
作られるのは、192.168.0.0/16 の VPC、2 つの AZ のパブリックと
プライベートの /18 サブネット 4 つ、インターネットゲートウェイ、
NAT ゲートウェイと Elastic IP 各 2 つ、ルートテーブル、サブネットの
タグ、コントロールプレーン用のセキュリティグループです。

スタックなら作るのも消すのも一度で済みます。チューターのように
1 つずつ作ると、各部品の役割と、あとでサブネットを足すときに
手で繰り返すべきことが見えてきます。作ったものは
eks-basics-tutor export eksctl で eksctl の設定ファイルとして、
export cli で同じものを作る aws コマンドとして出力できます。`,
      ),
    },
  ],
  hint: text(
    'Public subnets hold what the internet must reach (load balancers, NAT gateways); private subnets hold the nodes. The role tags tell Kubernetes which is which.',
    'パブリックサブネットにはインターネットから届くべきもの（ロードバランサー、NAT ゲートウェイ）を、プライベートサブネットにはノードを置きます。どちらがどちらかを Kubernetes に伝えるのがロールのタグです。',
  ),
  quiz: [
    {
      question: text(
        'describe-route-tables shows a subnet whose route table sends 0.0.0.0/0 to nat-0a1b2c3d. Which tag should that subnet carry?',
        'describe-route-tables で、0.0.0.0/0 を nat-0a1b2c3d に送るルートテーブルを持つサブネットが見つかりました。このサブネットに付けるべきタグはどれですか。',
      ),
      choices: [
        text('kubernetes.io/role/elb = 1', 'kubernetes.io/role/elb = 1'),
        text('kubernetes.io/role/internal-elb = 1', 'kubernetes.io/role/internal-elb = 1'),
        text('Only kubernetes.io/cluster/<name> = owned', 'kubernetes.io/cluster/<name> = owned だけ'),
        text('None: only public subnets are tagged', 'なし（タグを付けるのはパブリックサブネットだけ）'),
      ],
      answer: 1,
      explanation: text(
        'kubernetes.io/role/internal-elb = 1: a default route to a NAT gateway makes it a private subnet, where internal load balancers go. kubernetes.io/role/elb = 1 marks public subnets, whose default route is the internet gateway.',
        'kubernetes.io/role/internal-elb = 1 です。NAT ゲートウェイへのデフォルトルートを持つのはプライベートサブネットで、内部ロードバランサーを置く場所です。kubernetes.io/role/elb = 1 は、インターネットゲートウェイへのルートを持つパブリックサブネットに付けます。',
      ),
      nudge: text(
        'Where the default route goes tells you what kind of subnet this is; then ask which load balancers belong there.',
        'デフォルトルートの行き先から、サブネットの種類がわかります。次に、そこに置くべきロードバランサーを考えましょう。',
      ),
    },
    {
      question: text(
        'You built a VPC by hand with aws ec2 create-vpc and added subnets and routes. The nodes start but never register with the cluster. What do you check on the VPC first?',
        'aws ec2 create-vpc で VPC を手作りし、サブネットとルートも用意しました。ノードは起動するのに、クラスターに登録されません。VPC でまず確認するのは何ですか。',
      ),
      choices: [
        text('Its instance tenancy', 'インスタンスのテナンシー'),
        text('Whether it has an IPv6 CIDR block', 'IPv6 CIDR ブロックがあるか'),
        text('A kubernetes.io/cluster tag on the VPC', 'VPC の kubernetes.io/cluster タグ'),
        text('DNS hostnames', 'DNS ホスト名'),
      ],
      answer: 3,
      explanation: text(
        'DNS hostnames: EKS needs DNS hostnames and DNS resolution in the VPC, or nodes cannot register, and create-vpc leaves hostnames off. The VPC tag was used only by clusters up to 1.14.',
        'DNS ホスト名です。EKS には VPC の DNS ホスト名と DNS 解決が必要で、無効だとノードは登録できません。create-vpc ではホスト名が無効のままです。VPC のタグを使っていたのは 1.14 までのクラスターだけです。',
      ),
      nudge: text(
        'A node reaches the cluster by name. What must a VPC offer before names inside it work, and what does a new VPC leave off?',
        'ノードは名前でクラスターに接続します。VPC の中で名前が使えるには何が必要で、新しい VPC では何が無効のままでしょう。',
      ),
    },
    {
      question: text(
        'How many NAT gateways does the AWS template amazon-eks-vpc-private-subnets.yaml create?',
        'AWS のテンプレート amazon-eks-vpc-private-subnets.yaml が作る NAT ゲートウェイはいくつですか。',
      ),
      choices: [
        text('Two, one in each AZ', 'AZ ごとに 1 つで計 2 つ'),
        text('One, shared by both AZs', '両 AZ で共有する 1 つ'),
        text('None: its nodes use public IPs', 'なし（ノードはパブリック IP を使う）'),
      ],
      answer: 0,
      explanation: text(
        'Two, one in each AZ: two NAT gateways and two Elastic IPs for its two AZs, like the tutor’s --nat ha.',
        'AZ ごとに 1 つで計 2 つです。2 つの AZ に NAT ゲートウェイと Elastic IP を 2 つずつ作ります。チューターの --nat ha と同じです。',
      ),
      nudge: text(
        'The template was written for availability: what happens to the other AZ when one AZ fails?',
        'テンプレートは可用性を重視して作られています。1 つの AZ で障害が起きたとき、もう一方はどうなるべきでしょう。',
      ),
    },
  ],
  readMore: [DOCS.networkReqs, DOCS.createVpc],
  commands: [
    {
      cli: 'aws ec2 describe-vpcs --vpc-ids {vpcId} --region {region}',
      what: text('The VPC and its CIDR block.', 'VPC とその CIDR ブロック。'),
    },
    {
      cli: 'aws ec2 describe-subnets --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text(
        'Every subnet of the VPC: AZ, CIDR, free addresses and tags.',
        'VPC のすべてのサブネット: AZ、CIDR、空きアドレス数、タグ。',
      ),
    },
    {
      cli: 'aws ec2 describe-route-tables --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text(
        'The route tables: 0.0.0.0/0 goes to the internet gateway (public) or a NAT gateway (private).',
        'ルートテーブル: 0.0.0.0/0 の行き先がインターネットゲートウェイならパブリック、NAT ゲートウェイならプライベートです。',
      ),
    },
    {
      cli: 'aws ec2 describe-internet-gateways --filters Name=attachment.vpc-id,Values={vpcId} --region {region}',
      what: text('The internet gateway attached to the VPC.', 'VPC にアタッチされたインターネットゲートウェイ。'),
    },
    {
      cli: 'aws ec2 describe-nat-gateways --filter Name=vpc-id,Values={vpcId} --region {region}',
      what: text(
        'The NAT gateways, their subnets and Elastic IPs (none with --nat none).',
        'NAT ゲートウェイと、そのサブネットと Elastic IP（--nat none なら空）。',
      ),
    },
  ],
} satisfies Lesson;
