import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const nodegroup = {
  ...LESSON_HEADS.nodegroup,
  pages: [
    {
      title: text('The node IAM role', 'ノード IAM ロール'),
      body: text(
        `Nodes are EC2 instances. The kubelet and the agents on them call AWS
with the node role, which trusts ec2.amazonaws.com and reaches the
instances through an instance profile. It carries three policies:
- AmazonEKSWorkerNodePolicy: describe EC2 resources and the cluster
  (and let the EKS Pod Identity agent fetch credentials)
- AmazonEKS_CNI_Policy: let the VPC CNI attach ENIs and assign IPs
- a registry policy: pull images from ECR, the CNI's own included

It cannot be the cluster role: the two trust different services and
do different jobs.`,
        `ノードは EC2 インスタンスです。その上の kubelet やエージェントは
ノードロールで AWS を呼びます。ノードロールは ec2.amazonaws.com を
信頼し、インスタンスプロファイル経由でインスタンスに渡されます。
付けるポリシーは 3 つです。
- AmazonEKSWorkerNodePolicy: EC2 リソースとクラスターの参照
  （EKS Pod Identity エージェントの認証情報取得も）
- AmazonEKS_CNI_Policy: VPC CNI による ENI の追加と IP の割り当て
- レジストリ用ポリシー: ECR からのイメージ取得（CNI 自身の分も）

クラスターロールとの兼用はできません。信頼するサービスも役割も
違うからです。`,
      ),
    },
    {
      title: text('The VPC CNI: where the two networks meet', 'VPC CNI: 2 つのネットワークの接点'),
      body: text(
        `The Amazon VPC CNI plugin (the aws-node pods) is what ties Kubernetes
networking to AWS networking. On each node it attaches extra ENIs and
reserves secondary IP addresses from the node's subnet; every new pod
receives one of them.

So a pod's IP is a real VPC address: security groups, route tables
and flow logs see pods directly, with no overlay network. The price
is addresses. Pods per node are capped by how many ENIs and IPs the
instance type supports: 17 for a t3.medium by default.`,
        `Amazon VPC CNI プラグイン（aws-node の Pod）は、Kubernetes の
ネットワークと AWS のネットワークを結び付けるコンポーネントです。
各ノードに ENI を追加し、ノードのサブネットからセカンダリ IP
アドレスを確保して、新しい Pod に 1 つずつ渡します。

つまり Pod の IP は VPC 内で実際にルーティングされるアドレスで、
セキュリティグループやルートテーブル、フローログから Pod が直接
見えます。オーバーレイはありません。代償はアドレスです。ノード
あたりの Pod 数は、インスタンスタイプごとの ENI 数と IP 数の上限で
決まり、t3.medium では既定で 17 個です。`,
      ),
    },
    {
      title: text('Which registry policy, and where the CNI policy goes', 'どのレジストリポリシーか、CNI ポリシーをどこに置くか'),
      body: text(
        `- AmazonEC2ContainerRegistryReadOnly: the getting-started guide's
  choice, and the one from 2020. It can also list and describe
  repositories and images.
- AmazonEC2ContainerRegistryPullOnly: only what a pull needs (an auth
  token, images and layers, and ecr:BatchImportUpstreamImage for a
  pull-through cache). The node-role page, eksctl (since 2025-06) and
  the tutor use it; --registry-policy readonly picks the other one.

AWS now advises moving AmazonEKS_CNI_Policy off the node role, onto a
role only the aws-node service account can use (IRSA or EKS Pod
Identity), so other pods on the node cannot borrow it.`,
        `- AmazonEC2ContainerRegistryReadOnly: 開始方法ガイドの選択で、
  2020 年当時もこれでした。リポジトリやイメージの一覧・参照も可能。
- AmazonEC2ContainerRegistryPullOnly: 取得に必要な権限だけ（認証
  トークン、イメージとレイヤー、プルスルーキャッシュ用の
  ecr:BatchImportUpstreamImage）。ノードロールのページ、eksctl
  （2025-06 以降）、チューターが使います。readonly で前者に切り替え。

AWS は現在、AmazonEKS_CNI_Policy をノードロールから外して、
aws-node のサービスアカウント専用のロール（IRSA または
EKS Pod Identity）に移すよう勧めています。同じノード上の
他の Pod にその権限を使わせないためです。`,
      ),
    },
    {
      title: text('The node group’s parameters', 'ノードグループのパラメータ'),
      body: text(
        `CreateNodegroup, as the tutor calls it:
- nodeRole: the node role from this lesson’s first page
- subnets: the private subnets (the public ones with --nat none)
- amiType: AL2023_x86_64_STANDARD (AL2 AMIs ended on 2025-11-26)
- instanceTypes: t3.medium; diskSize: 20 GiB; capacity ON_DEMAND
- scalingConfig: min 1, desired and max = --nodes (default 2)
- remoteAccess: none. An SSH key without source security groups opens
  port 22 to 0.0.0.0/0. Session Manager is the usual way in, but needs
  AmazonSSMManagedInstanceCore, which the tutor's node role lacks.

Behind the scenes EKS creates a launch template and an Auto Scaling
group, and replaces nodes for you when you update the group.`,
        `チューターが呼ぶ CreateNodegroup の内容:
- nodeRole: 前述のノードロール
- subnets: プライベートサブネット（--nat none ならパブリック）
- amiType: AL2023_x86_64_STANDARD（AL2 の AMI は 2025-11-26 に終了）
- instanceTypes: t3.medium、diskSize: 20 GiB、容量は ON_DEMAND
- scalingConfig: 最小 1、希望数と最大数は --nodes（既定 2）
- remoteAccess: なし。送信元のセキュリティグループなしで SSH キーを
  渡すと 22 番ポートが 0.0.0.0/0 に開きます。Session Manager に必要な
  AmazonSSMManagedInstanceCore は、ノードロールに付けていません。

裏側では EKS が起動テンプレートと Auto Scaling グループを作り、
ノードグループを更新するとノードの入れ替えまで自動で行います。`,
      ),
    },
    {
      title: text('Watching nodes become Ready', 'ノードが Ready になるまで'),
      presenter: true,
      body: text(
        `The node group goes from CREATING to ACTIVE in 3 to 5 minutes. On
each instance, as it boots:
- nodeadm (AL2023) reads the cluster endpoint and CA from user data
- the kubelet gets a token with the node role and registers a Node
- EKS maps that role to the system:nodes group with an access entry
  it created for the node group
- aws-node starts; once pod networking works, the node turns Ready

The live panel runs kubectl get nodes. Node names are the instances'
private DNS names, such as ip-192-168-101-7.ec2.internal.`,
        `ノードグループは 3〜5 分で CREATING から ACTIVE になります。
各インスタンスの起動時には:
- nodeadm（AL2023）がユーザーデータからエンドポイントと CA を読む
- kubelet がノードロールでトークンを得て、Node として登録する
- EKS がノードグループ用に作ったアクセスエントリで、そのロールを
  system:nodes グループに対応付ける
- aws-node が起動し、Pod のネットワークが使えると Ready になる

ライブ表示で kubectl get nodes を実行しています。ノード名は
インスタンスのプライベート DNS 名（例: ip-192-168-101-7.ec2.internal）です。`,
      ),
      live: 'nodes',
    },
    {
      title: text('Fargate: pods without nodes', 'Fargate: ノードのない Pod'),
      body: text(
        `EKS can also run pods on AWS Fargate, with no node group at all: the
AWS guide offers it as the other path of its step 3. What changes:
- a Fargate profile picks pods by namespace and labels; each pod runs
  in a micro VM of its own, billed by its vCPU and memory
- a pod execution role (trusting eks-fargate-pods.amazonaws.com, with
  AmazonEKSFargatePodExecutionRolePolicy) pulls the images
- profiles take private subnets only: the pods get no public IP, so
  they need a NAT gateway or VPC endpoints to reach AWS
- CoreDNS asks for EC2 nodes: give kube-system a profile and remove
  its eks.amazonaws.com/compute-type: ec2 annotation
- no DaemonSets, no privileged pods, and no nodes for you to upgrade`,
        `EKS では、ノードグループなしで AWS Fargate 上に Pod を動かすことも
できます。AWS のガイドではステップ 3 のもう 1 つの方法です。変わる点:
- Fargate プロファイルが名前空間とラベルで Pod を選びます。Pod は
  それぞれ専用のマイクロ VM で動き、vCPU とメモリで課金されます
- Pod 実行ロール（eks-fargate-pods.amazonaws.com を信頼し、
  AmazonEKSFargatePodExecutionRolePolicy を付ける）がイメージを取得
- プロファイルに指定できるのはプライベートサブネットだけです。Pod に
  パブリック IP はなく、NAT ゲートウェイか VPC エンドポイントが必要
- CoreDNS は EC2 ノードを求めます。kube-system にプロファイルを作り、
  eks.amazonaws.com/compute-type: ec2 アノテーションを外します
- DaemonSet や特権 Pod は使えず、アップグレードするノードもありません`,
      ),
    },
  ],
  hint: text(
    'Three policies, three jobs: join and describe (WorkerNodePolicy), pod IPs (CNI policy), images (the registry policy). Nodes also need a way out of their subnet, to reach AWS and the cluster.',
    'ポリシー 3 つに役割 3 つ。参加と参照（WorkerNodePolicy）、Pod の IP（CNI ポリシー）、イメージ（レジストリポリシー）。さらにノードには、AWS とクラスターに届くためのサブネットからの出口が必要です。',
  ),
  quiz: [
    {
      question: text(
        'After about 15 minutes the node group fails with NodeCreationFailure. Its subnets are private, and their route table has only the local route. What is missing?',
        '約 15 分後、ノードグループが NodeCreationFailure で失敗しました。サブネットはプライベートで、ルートテーブルにはローカルルートしかありません。足りないものは何ですか。',
      ),
      choices: [
        text('The kubernetes.io/role/internal-elb tag', 'kubernetes.io/role/internal-elb タグ'),
        text('A NAT gateway route, or VPC endpoints', 'NAT ゲートウェイへのルート、または VPC エンドポイント'),
        text('AmazonEKSClusterPolicy on the node role', 'ノードロールの AmazonEKSClusterPolicy'),
        text('A public IP address on each node', '各ノードのパブリック IP アドレス'),
      ],
      answer: 1,
      explanation: text(
        'A NAT gateway route, or VPC endpoints: with no default route the nodes cannot reach ECR, STS or the EKS API, so they never register and EKS reports NodeCreationFailure. A public IP would not help in a subnet with no route to an internet gateway.',
        'NAT ゲートウェイへのルート、または VPC エンドポイントです。デフォルトルートがないとノードは ECR、STS、EKS API に届かず、登録できないまま EKS が NodeCreationFailure を報告します。インターネットゲートウェイへのルートがないサブネットでは、パブリック IP も役に立ちません。',
      ),
      nudge: text(
        'A node has to call AWS while it boots. Follow its packets: where can they go from a subnet that knows only its own VPC?',
        'ノードは起動中に AWS を呼ぶ必要があります。自分の VPC しか知らないサブネットから、そのパケットはどこへ行けるでしょう。',
      ),
    },
    {
      question: text(
        'Which policy lets the VPC CNI give pods VPC IP addresses?',
        'VPC CNI が Pod に VPC の IP アドレスを割り当てるときに使う権限は、どのポリシーに含まれていますか。',
      ),
      choices: [
        text('AmazonEKSWorkerNodePolicy', 'AmazonEKSWorkerNodePolicy'),
        text('AmazonEC2ContainerRegistryPullOnly', 'AmazonEC2ContainerRegistryPullOnly'),
        text('AmazonEKS_CNI_Policy', 'AmazonEKS_CNI_Policy'),
      ],
      answer: 2,
      explanation: text(
        'AmazonEKS_CNI_Policy allows attaching ENIs and assigning their secondary IPs, which the VPC CNI hands to pods. AWS advises moving it to a role only aws-node can use.',
        'AmazonEKS_CNI_Policy が ENI の追加とセカンダリ IP の割り当てを許可し、VPC CNI がそれを Pod に渡します。AWS は、これを aws-node だけが使えるロールに移すよう勧めています。',
      ),
      nudge: text(
        'Pod addresses come from extra network interfaces on the node; which policy was written for the plugin that attaches them?',
        'Pod のアドレスはノードに追加されるネットワークインターフェイスから来ます。それを追加するプラグインのために書かれたポリシーはどれでしょう。',
      ),
    },
    {
      question: text(
        'You move one namespace to Fargate. What do its pods need that pods on the node group did not?',
        'ある名前空間を Fargate に移します。ノードグループ上の Pod には不要だったもので、新たに必要になるのは何ですか。',
      ),
      choices: [
        text('Public subnets, so each pod gets an IP', '各 Pod に IP を付けるためのパブリックサブネット'),
        text('An SSH key for their micro VMs', 'マイクロ VM 用の SSH キー'),
        text('The node role, shared with the EC2 nodes', 'EC2 ノードと共用のノードロール'),
        text('A pod execution role', 'Pod 実行ロール'),
      ],
      answer: 3,
      explanation: text(
        'A pod execution role: with no node role on Fargate, it is what pulls the images. Fargate profiles take private subnets only, and there is no SSH into the micro VMs.',
        'Pod 実行ロールです。Fargate にはノードロールがないため、イメージの取得はこのロールで行います。Fargate プロファイルに指定できるのはプライベートサブネットだけで、マイクロ VM に SSH することもできません。',
      ),
      nudge: text(
        'On Fargate there is no instance of yours to carry a role; something else must act for the pod when its image is pulled.',
        'Fargate には、ロールを持たせる自分のインスタンスがありません。イメージを取得するとき、Pod の代わりに何かが動く必要があります。',
      ),
    },
  ],
  readMore: [DOCS.nodeRole, DOCS.createNodegroup, DOCS.vpcCni, DOCS.cniIrsa, DOCS.fargate, DOCS.podExecutionRole],
  commands: [
    {
      cli: 'aws eks list-nodegroups --cluster-name {cluster} --region {region}',
      what: text('The node groups of the cluster.', 'クラスターのノードグループ一覧。'),
    },
    {
      cli: 'aws eks describe-nodegroup --cluster-name {cluster} --nodegroup-name {nodegroup} --region {region}',
      what: text(
        'The node group: status, subnets, scaling, AMI type, instance types.',
        'ノードグループの状態、サブネット、スケーリング設定、AMI タイプ、インスタンスタイプ。',
      ),
    },
    {
      cli: 'aws iam list-attached-role-policies --role-name {nodeRoleName} --region {region}',
      what: text('The three policies on the node role.', 'ノードロールに付いた 3 つのポリシー。'),
    },
    {
      cli: 'aws iam get-role --role-name {nodeRoleName} --query Role.AssumeRolePolicyDocument --region {region}',
      what: text('The node role’s trust policy: ec2.amazonaws.com.', 'ノードロールの信頼ポリシー（ec2.amazonaws.com）。'),
    },
  ],
} satisfies Lesson;
