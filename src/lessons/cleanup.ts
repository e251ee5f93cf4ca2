import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const cleanup = {
  id: 'cleanup',
  title: text('Clean up: deleting in the right order', '後片付け: 正しい順番で削除する'),
  summary: text(
    'What goes in which order, and the leftover load balancer',
    '何をどの順番で消すのか、そして削除を阻むロードバランサーの残骸',
  ),
  pages: [
    {
      title: text('Reverse order, for a reason', '逆順には理由がある'),
      body: text(
        `Everything goes in the reverse order of building, because each piece
holds the next one in place:
- node group: its instances sit in the subnets and use the node role
- cluster: its ENIs sit in the subnets; it needs its role until gone
- NAT gateways: wait until their state is deleted, not deleting
- Elastic IPs: released once no NAT gateway holds them
- internet gateway: detached from the VPC, then deleted
- subnets, then route tables (the main one goes with the VPC)
- the VPC (EKS already removed its cluster security group)
- IAM: detach the policies, then delete the roles
- kubeconfig: remove the tutor's cluster, user and context entries`,
        `作ったときの逆順に消します。それぞれが次の部品をつなぎ止めている
からです。
- ノードグループ: インスタンスがサブネットとノードロールを使っている
- クラスター: ENI がサブネットにあり、消えるまでロールが必要
- NAT ゲートウェイ: 状態が deleting ではなく deleted になるまで待つ
- Elastic IP: NAT ゲートウェイが手放してから解放する
- インターネットゲートウェイ: VPC からデタッチしてから削除
- サブネット、次にルートテーブル（メインは VPC と一緒に消える）
- VPC（クラスターセキュリティグループは EKS が削除済み）
- IAM: ポリシーをデタッチしてからロールを削除
- kubeconfig: チューターが書いた cluster、user、context を削除`,
      ),
    },
    {
      title: text('Why the waiting matters', '待つことの意味'),
      body: text(
        `Many deletes return before the work is done. DeleteNodegroup and
DeleteCluster take minutes in DELETING; a NAT gateway stays in
deleting for a minute or so and keeps its ENI and Elastic IP until it
is gone. Deleting the next piece too early fails with
DependencyViolation, so the tutor waits for each state before it
moves on.

The sandbox is looser than AWS: moto lets some deletes through in the
wrong order. The tutor keeps the real order anyway, because that is
the order your account will demand.`,
        `多くの削除 API は、処理が終わる前に応答を返します。
DeleteNodegroup と DeleteCluster は DELETING のまま数分かかり、
NAT ゲートウェイも 1 分ほど deleting のまま ENI と Elastic IP を
握っています。早すぎる段階で次を消すと DependencyViolation で
失敗するため、チューターは状態を確かめてから先へ進みます。

サンドボックス（moto）は AWS より緩く、誤った順番でも通ってしまう
削除があります。それでもチューターは本物の順番を守ります。実際の
アカウントではその順番が求められるからです。`,
      ),
    },
    {
      title: text('The leftover load balancer', '残ったロードバランサー'),
      body: text(
        `The most common failure: a Service of type LoadBalancer still exists
when the cluster is deleted. Its load balancer, security group and
ENIs stay in your subnets, created by Kubernetes and unknown to the
tutor, and DeleteSubnet and DeleteVpc fail with DependencyViolation.

Avoid it: kubectl delete the LoadBalancer Services before the node
group goes. Repair it: list the ENIs still in the VPC, delete the
load balancers they belong to (and their security groups), then run
the clean-up again.`,
        `いちばん多い失敗は、type が LoadBalancer の Service を残したまま
クラスターを消すことです。Kubernetes が作ったロードバランサー、
セキュリティグループ、ENI がサブネットに残り、チューターはそれを
知りません。DeleteSubnet と DeleteVpc は DependencyViolation で
失敗します。

防ぐには、ノードグループを消す前に LoadBalancer の Service を
kubectl delete で消します。起きてしまったら、VPC に残る ENI を
調べ、持ち主のロードバランサー（とセキュリティグループ）を削除して
から、後片付けをやり直します。`,
      ),
    },
  ],
  hint: text(
    'Think "who holds whom": instances and ENIs hold subnets, NAT gateways hold Elastic IPs, the VPC holds everything. Delete the holder first and wait until it is really gone.',
    '「何が何をつかんでいるか」を考えましょう。インスタンスと ENI はサブネットを、NAT ゲートウェイは Elastic IP を、VPC はすべてをつかんでいます。つかんでいる側を先に消し、本当に消えるまで待ちます。',
  ),
  quiz: [
    {
      question: text('Which goes first?', '最初に削除するのはどれですか。'),
      choices: [text('The cluster', 'クラスター'), text('The node group', 'ノードグループ'), text('The VPC', 'VPC')],
      answer: 1,
      explanation: text(
        'The node group: a cluster with managed node groups cannot be deleted, and the nodes sit in the VPC’s subnets.',
        'ノードグループです。マネージド型ノードグループが残っているクラスターは削除できず、ノードは VPC のサブネットにいます。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'What must be gone before you release the Elastic IP?',
        'Elastic IP を解放する前に、なくなっていなければならないのはどれですか。',
      ),
      choices: [text('The NAT gateway', 'NAT ゲートウェイ'), text('The VPC', 'VPC'), text('The node role', 'ノードロール')],
      answer: 0,
      explanation: text(
        'The NAT gateway, fully deleted: until then it holds the Elastic IP.',
        'NAT ゲートウェイです。完全に削除されるまで Elastic IP を握っています。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'DeleteVpc fails with DependencyViolation after you used a LoadBalancer Service. What is left?',
        'LoadBalancer の Service を使った後、DeleteVpc が DependencyViolation で失敗します。何が残っていますか。',
      ),
      choices: [
        text('Load balancer ENIs', 'ロードバランサーの ENI'),
        text('The kubeconfig', 'kubeconfig'),
        text('IAM policies', 'IAM ポリシー'),
      ],
      answer: 0,
      explanation: text(
        'Load balancer ENIs (with the load balancer and its security group) that Kubernetes created and nobody deleted.',
        'Kubernetes が作り、誰も消さなかったロードバランサーの ENI（とロードバランサー本体、セキュリティグループ）です。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.deleteCluster],
  commands: [
    {
      cli: 'aws ec2 describe-nat-gateways --filter Name=vpc-id,Values={vpcId} --region {region}',
      what: text('NAT gateways and their state: wait for deleted.', 'NAT ゲートウェイと状態。deleted になるまで待ちます。'),
    },
    {
      cli: 'aws ec2 describe-network-interfaces --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text(
        'ENIs still in the VPC: leftovers here are what blocks DeleteVpc.',
        'VPC に残る ENI。ここに残っているものが DeleteVpc を阻みます。',
      ),
    },
    {
      cli: 'aws ec2 describe-subnets --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text('Subnets that remain in the VPC.', 'VPC に残っているサブネット。'),
    },
    {
      cli: 'aws ec2 describe-vpcs --filters Name=vpc-id,Values={vpcId} --region {region}',
      what: text('The VPC, or an empty list once it is gone.', 'VPC。削除後は空のリストになります。'),
    },
  ],
} satisfies Lesson;
