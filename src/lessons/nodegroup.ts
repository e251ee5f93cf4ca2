import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const nodegroup = {
  id: 'nodegroup',
  step: 5,
  title: text('Step 5: The managed node group', 'ステップ 5: マネージド型ノードグループ'),
  summary: text(
    'The node role, the VPC CNI, and nodes becoming Ready',
    'ノードロール、VPC CNI、ノードが Ready になるまで',
  ),
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
ネットワークと AWS のネットワークを結び付ける存在です。各ノードに
ENI を追加し、ノードのサブネットからセカンダリ IP アドレスを確保
して、新しい Pod に 1 つずつ渡します。

つまり Pod の IP は本物の VPC アドレスで、セキュリティグループや
ルートテーブル、フローログから Pod が直接見えます。オーバーレイは
ありません。代償はアドレスです。ノードあたりの Pod 数は、
インスタンスタイプごとの ENI 数と IP 数の上限で決まります。
t3.medium では既定で 17 個です。`,
      ),
    },
    {
      title: text('Which registry policy, and where the CNI policy goes', 'どのレジストリポリシーか、CNI ポリシーをどこに置くか'),
      body: text(
        `- AmazonEC2ContainerRegistryReadOnly: the getting-started guide's
  choice, and the one from 2020. It can also list and describe
  repositories and images.
- AmazonEC2ContainerRegistryPullOnly: only what a pull needs (an auth
  token, images and layers). The node-role page and eksctl (since
  2025-06) use it, and so does the tutor; --registry-policy readonly
  picks the other one.

AWS now advises moving AmazonEKS_CNI_Policy off the node role, onto a
role only the aws-node service account can use (IRSA or EKS Pod
Identity), so other pods on the node cannot borrow it.`,
        `- AmazonEC2ContainerRegistryReadOnly: 開始方法ガイドの選択で、
  2020 年当時もこれでした。リポジトリやイメージの一覧・参照も可能。
- AmazonEC2ContainerRegistryPullOnly: 取得に必要な権限だけ
  （認証トークン、イメージとレイヤー）。ノードロールのページと
  eksctl（2025-06 以降）、そしてこのチューターの既定です。
  --registry-policy readonly で前者に切り替えられます。

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
- nodeRole: the role above
- subnets: the private subnets (the public ones with --nat none)
- amiType: AL2023_x86_64_STANDARD, Amazon Linux 2023
- instanceTypes: t3.medium; diskSize: 20 GiB; capacity ON_DEMAND
- scalingConfig: min 1, desired and max = --nodes (default 2)
- remoteAccess: none. An SSH key here opens port 22 to the nodes;
  Session Manager is the usual way in today.

Behind the scenes EKS creates a launch template and an Auto Scaling
group, and replaces nodes for you when you update the group.`,
        `チューターが呼ぶ CreateNodegroup の内容:
- nodeRole: 前述のノードロール
- subnets: プライベートサブネット（--nat none ならパブリック）
- amiType: AL2023_x86_64_STANDARD（Amazon Linux 2023）
- instanceTypes: t3.medium、diskSize: 20 GiB、容量は ON_DEMAND
- scalingConfig: 最小 1、希望数と最大数は --nodes（既定 2）
- remoteAccess: なし。SSH キーを指定するとノードの 22 番ポートが
  開きます。いまは Session Manager で入るのが一般的です。

裏側では EKS が起動テンプレートと Auto Scaling グループを作り、
ノードグループを更新するとノードの入れ替えまで面倒を見てくれます。`,
      ),
    },
    {
      title: text('Watching nodes become Ready', 'ノードが Ready になるまで'),
      body: text(
        `The node group goes from CREATING to ACTIVE in 3 to 5 minutes. On
each instance, as it boots:
- nodeadm (AL2023) reads the cluster endpoint and CA from user data
- the kubelet gets a token with the node role and registers a Node
- EKS maps that role to the system:nodes group with an access entry
  it created for the node group
- aws-node starts; once pod networking works, the node turns Ready

The panel runs kubectl get nodes. Node names are the instances'
private DNS names, such as ip-192-168-101-7.ec2.internal.`,
        `ノードグループは 3〜5 分で CREATING から ACTIVE になります。
各インスタンスの起動時には:
- nodeadm（AL2023）がユーザーデータからエンドポイントと CA を読む
- kubelet がノードロールでトークンを得て、Node として登録する
- EKS がノードグループ用に作ったアクセスエントリで、そのロールを
  system:nodes グループに対応付ける
- aws-node が起動し、Pod のネットワークが使えると Ready になる

右側で kubectl get nodes を実行しています。ノード名はインスタンスの
プライベート DNS 名（例: ip-192-168-101-7.ec2.internal）です。`,
      ),
      live: 'nodes',
    },
  ],
  hint: text(
    'Three policies, three jobs: join and describe (WorkerNodePolicy), pod IPs (CNI policy), images (the registry policy). The CNI policy is the one AWS wants moved off the node.',
    'ポリシー 3 つに役割 3 つ。参加と参照（WorkerNodePolicy）、Pod の IP（CNI ポリシー）、イメージ（レジストリポリシー）。AWS がノードから外したいのは CNI ポリシーです。',
  ),
  quiz: [
    {
      question: text(
        'Which policy lets the VPC CNI give pods VPC IP addresses?',
        'VPC CNI が Pod に VPC の IP アドレスを割り当てられるのは、どのポリシーのおかげですか。',
      ),
      choices: [
        text('AmazonEKSWorkerNodePolicy', 'AmazonEKSWorkerNodePolicy'),
        text('AmazonEKS_CNI_Policy', 'AmazonEKS_CNI_Policy'),
        text('AmazonEC2ContainerRegistryPullOnly', 'AmazonEC2ContainerRegistryPullOnly'),
      ],
      answer: 1,
      explanation: text(
        'AmazonEKS_CNI_Policy allows attaching ENIs and assigning their secondary IPs, which the VPC CNI hands to pods.',
        'AmazonEKS_CNI_Policy が ENI の追加とセカンダリ IP の割り当てを許可し、VPC CNI がそれを Pod に渡します。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text('With the VPC CNI, what caps the number of pods per node?', 'VPC CNI で、ノードあたりの Pod 数の上限を決めるのは何ですか。'),
      choices: [
        text('The CPU count', 'CPU の数'),
        text('ENIs and IPs per instance', 'インスタンスの ENI と IP の数'),
        text('The disk size', 'ディスクサイズ'),
      ],
      answer: 1,
      explanation: text(
        'ENIs and IPs per instance: each pod needs its own VPC address, so a t3.medium holds 17 pods by default.',
        'インスタンスの ENI と IP の数です。Pod ごとに VPC のアドレスが必要なため、t3.medium では既定で 17 個までです。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'Where does AWS now suggest attaching AmazonEKS_CNI_Policy?',
        'AWS がいま AmazonEKS_CNI_Policy の付け先として勧めているのはどこですか。',
      ),
      choices: [
        text('The node role', 'ノードロール'),
        text('A role for aws-node', 'aws-node 専用のロール'),
        text('The cluster role', 'クラスターロール'),
      ],
      answer: 1,
      explanation: text(
        'A role for aws-node, through IRSA or EKS Pod Identity, so that other pods on the node cannot use the CNI’s permissions.',
        'IRSA または EKS Pod Identity による aws-node 専用のロールです。ノード上の他の Pod に CNI の権限を使わせないためです。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.nodeRole, DOCS.createNodegroup, DOCS.vpcCni, DOCS.cniIrsa],
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
