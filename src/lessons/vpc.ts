import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const vpc = {
  id: 'vpc',
  step: 2,
  title: text('Step 2: The cluster VPC', 'ステップ 2: クラスター VPC'),
  summary: text(
    'Two AZs, public and private subnets, tags, NAT costs',
    '2 つの AZ、パブリックとプライベート、タグ、NAT の費用',
  ),
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
  here and reach out (to ECR, to the EKS API) through a NAT gateway`,
        `CreateCluster が受け取るのは VPC ID ではなくサブネット ID で、
VPC はそこから決まります。サブネットは 2 つ以上の AZ に
またがる必要があります。EKS はそこにコントロールプレーン用の
ENI（Elastic Network Interface）を置き、AWS 側で動く
コントロールプレーンは、この ENI を通ってノードと通信します。

よくある構成（チューターも同じ。AZ は 2 つ、--azs 3 で 3 つ）:
- パブリックサブネット: インターネットゲートウェイへのルートを持つ。
  インターネット向けロードバランサーと NAT ゲートウェイを置く
- プライベートサブネット: インターネットから到達できない。ノードを
  置き、外向き通信（ECR、EKS API）は NAT ゲートウェイ経由`,
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
- Every upgrade, EKS needs up to 5 free addresses in the cluster's
  subnets for new control-plane ENIs.`,
        `VPC CNI（ステップ 5）では、Pod ごとにノードのサブネットから本物の
IP アドレスが割り当てられます。そのため、サブネットはノード数から
想像するよりずっと早く埋まります。

- 192.168.0.0/16（65,536 個）が定番です。eksctl、AWS のテンプレート、
  チューターが使います（--vpc-cidr で変更可）。
- eksctl とチューターは 8,192 個ずつの /19 8 つに分け、AZ ごとに
  パブリック、プライベートを割り当て、3 つ目の AZ 用の空きも残します。
  AWS のテンプレートは /18 4 つで、空きを残しません。
- アップグレードのたびに、EKS はクラスターのサブネットに、
  新しい ENI 用の空きアドレスを最大 5 つ必要とします。`,
      ),
    },
    {
      title: text('Tags the load balancers look for', 'ロードバランサーが探すタグ'),
      body: text(
        `Kubernetes chooses subnets for a LoadBalancer Service by their tags:
- public subnets: kubernetes.io/role/elb = 1
  (internet-facing load balancers)
- private subnets: kubernetes.io/role/internal-elb = 1
  (internal load balancers)

Without them the load balancer may land nowhere: the Service stays
<pending>, and its events say no suitable subnet was found.

Guides from 2020 also asked for kubernetes.io/cluster/<name> = shared
or owned on every subnet. Since Kubernetes 1.19 it is not required.
The panel shows this VPC's subnets with their tags.`,
        `type が LoadBalancer の Service のサブネットは、タグで選ばれます。
- パブリックサブネット: kubernetes.io/role/elb = 1（インターネット向け）
- プライベートサブネット: kubernetes.io/role/internal-elb = 1（内部向け）

タグがないと、ロードバランサーの置き場所が見つからないことが
あります。Service は <pending> のままになり、イベントには適切な
サブネットが見つからないと出ます。

2020 年頃のガイドでは kubernetes.io/cluster/<name> = shared|owned
も全サブネットに必要でしたが、Kubernetes 1.19 から不要です。
右側に、この VPC のサブネットとタグを表示しています。`,
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
  the other AZ's way out. Two cost about $66 a month before traffic.
- single: one shared gateway, eksctl's default. Half the price, but
  if its AZ fails, every private subnet loses its way out.
- none: no NAT gateway. The nodes go into the public subnets and get
  public IPv4 addresses (see the wrap-up "NAT is expensive").`,
        `プライベートなノードがイメージを取得し、AWS API を呼ぶには
NAT ゲートウェイが必要です。1 つで約 $0.045/時間と処理量 1 GB
あたり $0.045、Elastic IP が約 $0.005/時間かかります
（us-east-1 の定価による目安）。

チューターの --nat の選択肢:
- ha: AZ ごとに 1 つ（AWS のテンプレートと同じ）。1 つの AZ が
  落ちても、もう一方の外向き経路は残ります。2 つで月 $66 程度。
- single: 共有の 1 つ（eksctl の既定）。費用は半分ですが、その AZ が
  落ちるとすべてのプライベートサブネットが外に出られません。
- none: NAT ゲートウェイなし。ノードはパブリックサブネットに置かれ、
  パブリック IPv4 アドレスを持ちます（まとめ「NAT は高い」参照）。`,
      ),
    },
    {
      title: text('The other path: one CloudFormation stack', 'もう 1 つの道: CloudFormation'),
      body: text(
        `AWS publishes a template that builds this network in one stack:
amazon-eks-vpc-private-subnets.yaml (2020-10-29). It creates a
192.168.0.0/16 VPC, two public and two private /18 subnets in two
AZs, an internet gateway, two NAT gateways with two Elastic IPs, the
route tables, the subnet tags, and a security group for the control
plane.

A stack is quicker to write and deletes as one unit. Building piece
by piece, as the tutor does, shows what each piece is for, and what
you must repeat by hand when you later add a subnet.`,
        `AWS は、このネットワークを 1 つのスタックで作るテンプレート
amazon-eks-vpc-private-subnets.yaml（2020-10-29）を公開しています。
作られるのは、192.168.0.0/16 の VPC、2 つの AZ のパブリックと
プライベートの /18 サブネット 4 つ、インターネットゲートウェイ、
NAT ゲートウェイと Elastic IP 各 2 つ、ルートテーブル、サブネットの
タグ、コントロールプレーン用のセキュリティグループです。

スタックなら作るのも消すのも一度で済みます。チューターのように
1 つずつ作ると、各部品の役割と、あとでサブネットを足すときに
手で繰り返すべきことが見えてきます。`,
      ),
    },
  ],
  hint: text(
    'Public subnets hold what the internet must reach (load balancers, NAT gateways); private subnets hold the nodes. The role tags tell Kubernetes which is which.',
    'パブリックサブネットにはインターネットから届くべきもの（ロードバランサー、NAT ゲートウェイ）を、プライベートサブネットにはノードを置きます。どちらがどちらかを Kubernetes に伝えるのがロールのタグです。',
  ),
  quiz: [
    {
      question: text('Which tag marks a subnet for internal load balancers?', '内部ロードバランサー用のサブネットを示すタグはどれですか。'),
      choices: [
        text('kubernetes.io/role/elb', 'kubernetes.io/role/elb'),
        text('kubernetes.io/role/internal-elb', 'kubernetes.io/role/internal-elb'),
        text('kubernetes.io/cluster/<name>', 'kubernetes.io/cluster/<name>'),
      ],
      answer: 1,
      explanation: text(
        'kubernetes.io/role/internal-elb = 1 goes on private subnets; kubernetes.io/role/elb = 1 marks public ones. The cluster tag is no longer required.',
        'kubernetes.io/role/internal-elb = 1 をプライベートサブネットに付けます。パブリック側は kubernetes.io/role/elb = 1 です。クラスタータグはもう必須ではありません。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'How many NAT gateways does the AWS template amazon-eks-vpc-private-subnets.yaml create?',
        'AWS のテンプレート amazon-eks-vpc-private-subnets.yaml が作る NAT ゲートウェイはいくつですか。',
      ),
      choices: [text('One', '1 つ'), text('One per AZ', 'AZ ごとに 1 つ'), text('None', 'なし')],
      answer: 1,
      explanation: text(
        'One per AZ: two NAT gateways and two Elastic IPs for its two AZs, like the tutor’s --nat ha.',
        'AZ ごとに 1 つです。2 つの AZ に NAT ゲートウェイと Elastic IP を 2 つずつ作ります。チューターの --nat ha と同じです。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'A LoadBalancer Service stays <pending>. What do you check first?',
        'LoadBalancer の Service が <pending> のままです。最初に確認するのは何ですか。',
      ),
      choices: [
        text('The subnet tags', 'サブネットのタグ'),
        text('The NAT gateway', 'NAT ゲートウェイ'),
        text('The node IAM role', 'ノード IAM ロール'),
      ],
      answer: 0,
      explanation: text(
        'The subnet tags: without kubernetes.io/role/elb (or internal-elb) the controller may find no subnet to put the load balancer in.',
        'サブネットのタグです。kubernetes.io/role/elb（または internal-elb）がないと、コントローラーはロードバランサーを置くサブネットを見つけられないことがあります。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
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
