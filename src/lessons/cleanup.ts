import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const cleanup = {
  ...LESSON_HEADS.cleanup,
  pages: [
    {
      title: text('Reverse order, for a reason', '逆順には理由がある'),
      body: text(
        `Everything goes in the reverse order of building, because each piece
holds the next one in place:
- what Kubernetes made: LoadBalancer Services and their load balancers
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
- Kubernetes が作ったもの: LoadBalancer の Service とロードバランサー
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
deleting for a minute or so, holding its ENI and Elastic IP. Deleting
the next piece too early fails with DependencyViolation, so the tutor
waits for each state before it moves on.

moto alone would let some deletes through in the wrong order; the
sandbox adds EC2's dependency checks back, so a wrong order fails
there too. It also keeps the cluster's ENIs for a few minutes after
DeleteCluster, as AWS does, and plays IAM's propagation delay and
EC2's "not found" right after a create: the run log shows each call
the tutor sends again, and why.`,
        `多くの削除 API は、処理が終わる前に応答を返します。
DeleteNodegroup と DeleteCluster は DELETING のまま数分かかり、
NAT ゲートウェイも 1 分ほど deleting のまま ENI と Elastic IP を
握っています。早すぎる段階で次を消すと DependencyViolation で
失敗するため、チューターは状態を確かめてから先へ進みます。

moto だけなら誤った順番でも通る削除がありますが、サンドボックスは
EC2 の依存関係チェックを加えているため、順番を誤ると同じく失敗します。
AWS と同じく DeleteCluster 後もしばらくクラスターの ENI を残し、
IAM の伝播の遅れや、作成直後の EC2 の「見つからない」も再現します。
チューターが再送した呼び出しとその理由は、実行ログに表示されます。`,
      ),
    },
    {
      title: text('The leftover load balancer', '残ったロードバランサー'),
      body: text(
        `The most common failure, with any tool: a Service of type
LoadBalancer still exists when the cluster is deleted. Its load
balancer, security group and ENIs, made by Kubernetes, stay in your
subnets, and DeleteSubnet and DeleteVpc fail with DependencyViolation.

The tutor's clean-up deletes such Services while the cluster still
runs, then looks in the VPC for load balancers tagged
kubernetes.io/cluster/<name>, their security groups and any ENIs left
behind, and removes them before the subnets. By hand, do the same:
kubectl delete the LoadBalancer Services before the node group goes.`,
        `どのツールでも起きるいちばん多い失敗は、LoadBalancer タイプの
Service を残したままクラスターを消すことです。Kubernetes が作った
ロードバランサー、セキュリティグループ、ENI がサブネットに残り、
DeleteSubnet と DeleteVpc は DependencyViolation で失敗します。

チューターの後片付けは、クラスターが動いているうちにそうした
Service を削除し、続いて kubernetes.io/cluster/<name> タグの付いた
ロードバランサーと、そのセキュリティグループ、残った ENI を VPC 内で
探して、サブネットより先に削除します。手作業でも同じく、ノード
グループを消す前に LoadBalancer の Service を kubectl delete します。`,
      ),
    },
  ],
  hint: text(
    'Think "who holds whom": instances and ENIs hold subnets, NAT gateways hold Elastic IPs, the VPC holds everything. Delete the holder first and wait until it is really gone.',
    '「何が何をつかんでいるか」を考えましょう。インスタンスと ENI はサブネットを、NAT ゲートウェイは Elastic IP を、VPC はすべてをつかんでいます。つかんでいる側を先に消し、本当に消えるまで待ちます。',
  ),
  quiz: [
    {
      question: text(
        'aws eks delete-cluster answers ResourceInUseException. Why?',
        'aws eks delete-cluster が ResourceInUseException を返します。なぜですか。',
      ),
      choices: [
        text('A NAT gateway still uses the cluster’s subnets', 'NAT ゲートウェイがまだクラスターのサブネットを使っている'),
        text('Your kubeconfig still points at the cluster', 'kubeconfig がまだクラスターを指している'),
        text('The cluster role is still attached', 'クラスターロールがまだアタッチされている'),
        text('A node group of the cluster still exists', 'クラスターのノードグループがまだ残っている'),
      ],
      answer: 3,
      explanation: text(
        'A node group of the cluster still exists: EKS refuses to delete a cluster that has node groups (or Fargate profiles). Delete them and wait until they are gone.',
        'クラスターのノードグループがまだ残っているからです。EKS は、ノードグループ（や Fargate プロファイル）が残るクラスターの削除を拒否します。先に削除し、消えるまで待ちます。',
      ),
      nudge: text(
        'EKS checks what belongs to the cluster inside EKS itself before it lets go of it.',
        'EKS は、クラスターを手放す前に、EKS の中でそのクラスターに属しているものを確かめます。',
      ),
    },
    {
      question: text(
        'What must be gone before you release the Elastic IP?',
        'Elastic IP を解放する前に、なくなっていなければならないのはどれですか。',
      ),
      choices: [
        text('The internet gateway', 'インターネットゲートウェイ'),
        text('The NAT gateway, fully deleted', '完全に削除された NAT ゲートウェイ'),
        text('The private route tables', 'プライベートのルートテーブル'),
        text('The node IAM role', 'ノード IAM ロール'),
      ],
      answer: 1,
      explanation: text(
        'The NAT gateway, fully deleted: until then it holds the Elastic IP, and AWS refuses the release.',
        '完全に削除された NAT ゲートウェイです。それまでは NAT ゲートウェイが Elastic IP を握っていて、AWS は解放を拒否します。',
      ),
      nudge: text('Ask which resource has the address mapped to it.', 'そのアドレスを割り当てられているリソースはどれかを考えましょう。'),
    },
    {
      question: text(
        'DeleteVpc fails with DependencyViolation after you used a LoadBalancer Service. What is left?',
        'LoadBalancer の Service を使った後、DeleteVpc が DependencyViolation で失敗します。何が残っていますか。',
      ),
      choices: [
        text('The entries in your kubeconfig', 'kubeconfig のエントリ'),
        text('The policies of the node role', 'ノードロールのポリシー'),
        text('Load balancer ENIs', 'ロードバランサーの ENI'),
        text('The cluster’s log group', 'クラスターのロググループ'),
      ],
      answer: 2,
      explanation: text(
        'Load balancer ENIs (with the load balancer and its security group) that Kubernetes created and nobody deleted. kubeconfig entries, IAM policies and log groups live outside the VPC.',
        'Kubernetes が作り、誰も消さなかったロードバランサーの ENI（とロードバランサー本体、セキュリティグループ）です。kubeconfig、IAM ポリシー、ロググループは VPC の外にあります。',
      ),
      nudge: text(
        'Only something inside the VPC can block DeleteVpc; who made things there that the tutor did not?',
        'DeleteVpc を阻めるのは VPC の中にあるものだけです。チューター以外にそこで何かを作ったのは誰でしょう。',
      ),
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
