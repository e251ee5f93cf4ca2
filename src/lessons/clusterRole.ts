import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const clusterRole = {
  ...LESSON_HEADS.clusterRole,
  pages: [
    {
      title: text('What a service role is', 'サービスロールとは'),
      body: text(
        `An IAM role has two halves. Its trust policy says who may assume it;
its permission policies say what it may do once assumed.

A service role is a role that an AWS service assumes to act in your
account. The cluster role trusts eks.amazonaws.com. EKS assumes it so
that Kubernetes can manage AWS resources for the cluster: nodes and,
through the legacy cloud provider, load balancers. (eksctl also allows
sts:TagSession and attaches AmazonEKSVPCResourceController.)

You pass the role's ARN as roleArn when you create the cluster. It is
fixed from then on: a cluster keeps the role it was created with.`,
        `IAM ロールは 2 つの部分からできています。信頼ポリシーは「誰が
このロールを引き受けられるか」、アクセス許可ポリシーは「引き受けた
あと何ができるか」を決めます。

サービスロールとは、AWS のサービスがユーザーに代わってアカウント内で
操作を行うために引き受ける IAM ロールです。クラスターロールは
eks.amazonaws.com を信頼します。EKS はこれを使い、ノードや
（レガシーのクラウドプロバイダー経由の）ロードバランサーを
Kubernetes が操作できるようにします（eksctl は sts:TagSession の
許可と AmazonEKSVPCResourceController も追加します）。

ロールの ARN は作成時に roleArn として渡し、後から変更できません。`,
      ),
    },
    {
      title: text('Two policies, two actors', '2 つのポリシー、2 つの主体'),
      presenter: true,
      body: text(
        `Until April 2020 this role needed two AWS managed policies. They look
alike, but they serve two different actors:

- AmazonEKSServicePolicy: the EKS service itself, creating and running
  the cluster. E.g. ec2:CreateNetworkInterface (the control plane's
  network interfaces in your subnets) and logs:PutLogEvents (sending
  control-plane logs to CloudWatch Logs).
- AmazonEKSClusterPolicy: the Kubernetes control plane, calling AWS
  from inside the cluster. E.g. autoscaling:UpdateAutoScalingGroup,
  ec2:DescribeInstances, elasticloadbalancing:CreateLoadBalancer.

Keep the two apart: EKS the service is not Kubernetes the cluster.`,
        `2020 年 4 月までは、このロールに AWS 管理ポリシーが 2 つ必要でした。
似た名前ですが、使う主体が違います。

- AmazonEKSServicePolicy: EKS サービス自身が使うもの。例:
  ec2:CreateNetworkInterface（サブネットに置くコントロールプレーンの
  ENI）、logs:PutLogEvents（コントロールプレーンのログを送信）。
- AmazonEKSClusterPolicy: Kubernetes のコントロールプレーンが、
  クラスターの内側から AWS を操作するためのもの。例:
  autoscaling:UpdateAutoScalingGroup、ec2:DescribeInstances、
  elasticloadbalancing:CreateLoadBalancer。

「EKS というサービス」と「Kubernetes クラスター」は別物です。`,
      ),
    },
    {
      title: text('Read them side by side', '2 つを並べて読む'),
      body: text(
        `The live panel shows both policy documents, as IAM stores them now.

In the service policy, look for network interfaces, tags, log groups
and iam:CreateServiceLinkedRole. In the cluster policy, look for Auto
Scaling, volumes, security groups, routes and a long run of
elasticloadbalancing actions: that is Kubernetes creating a load
balancer when you ask for a Service of type LoadBalancer.

Neither names a cluster or an account. They are AWS managed policies,
shared by every account, and AWS changes them over time.`,
        `ライブ表示に、IAM にいま保存されている 2 つのポリシー文書を並べました。

サービスポリシーでは、ネットワークインターフェイス、タグ、
ロググループ、iam:CreateServiceLinkedRole に注目してください。
クラスターポリシーには Auto Scaling、ボリューム、
セキュリティグループ、ルート、そして elasticloadbalancing の
アクションが大量に並びます。LoadBalancer タイプの Service を作ると、
Kubernetes がこれらを使ってロードバランサーを作るのです。

どちらも特定のクラスターやアカウントを指していません。すべての
アカウントで共有される AWS 管理ポリシーで、AWS が随時更新します。`,
      ),
      live: 'policies',
    },
    {
      title: text('What changed since 2020', '2020 年からの変化'),
      body: text(
        `- 2020-04-16: EKS began to use the service-linked role
  AWSServiceRoleForAmazonEKS (its permissions come from
  AmazonEKSServiceRolePolicy) for the service's own work. Clusters
  created since need only AmazonEKSClusterPolicy on their role.
- 2023-10-03: AmazonEKSClusterPolicy became optional too. A custom
  policy with a few ec2 describe actions, ec2:CreateTags and
  kms:DescribeKey lets Kubernetes manage nodes, but then the legacy
  cloud provider cannot create load balancers; the AWS Load Balancer
  Controller, with a role of its own, does that instead.
- The tutor attaches AmazonEKSClusterPolicy, as the console does.`,
        `- 2020-04-16: サービス自身の作業には、サービスにリンクされたロール
  AWSServiceRoleForAmazonEKS（権限は AmazonEKSServiceRolePolicy）
  が使われるようになりました。以後に作るクラスターのロールには
  AmazonEKSClusterPolicy だけで足ります。
- 2023-10-03: AmazonEKSClusterPolicy も必須ではなくなりました。
  いくつかの ec2:Describe* アクションと ec2:CreateTags、
  kms:DescribeKey だけのカスタムポリシーでもノード管理はできます。
  ただしレガシーのクラウドプロバイダーはロードバランサーを作れなく
  なるため、専用ロールを持つ AWS Load Balancer Controller が
  その役目を担います。
- このチューターは、コンソールと同じく AmazonEKSClusterPolicy を
  アタッチします。`,
      ),
    },
  ],
  hint: text(
    'Ask "who is acting?" for each permission: the EKS service (network interfaces, logs) or Kubernetes inside the cluster (load balancers, Auto Scaling, EC2).',
    '権限ごとに「誰が動くのか」を考えてください。EKS というサービス（ネットワークインターフェイス、ログ）か、クラスター内の Kubernetes（ロードバランサー、Auto Scaling、EC2）か、です。',
  ),
  quiz: [
    {
      question: text(
        'Which policy holds the permissions Kubernetes uses to create a load balancer for a Service?',
        'Service のために Kubernetes がロードバランサーを作成するときに使う権限は、どのポリシーに含まれていますか。',
      ),
      choices: [
        text('AmazonEKSServicePolicy', 'AmazonEKSServicePolicy'),
        text('AmazonEKSWorkerNodePolicy', 'AmazonEKSWorkerNodePolicy'),
        text('AmazonEKSClusterPolicy', 'AmazonEKSClusterPolicy'),
      ],
      answer: 2,
      explanation: text(
        'AmazonEKSClusterPolicy is what the Kubernetes control plane uses; it holds the elasticloadbalancing actions. The service policy is for the EKS service itself, and the worker node policy for the nodes.',
        'AmazonEKSClusterPolicy は Kubernetes のコントロールプレーンが使うポリシーで、elasticloadbalancing のアクションを含みます。サービスポリシーは EKS サービス自身の、ワーカーノードポリシーはノードのためのものです。',
      ),
      nudge: text(
        'Who acts when a Service asks for a load balancer: the EKS service, a node, or Kubernetes itself?',
        'Service がロードバランサーを求めたとき動くのは誰でしょう。EKS というサービスか、ノードか、Kubernetes 自身か。',
      ),
    },
    {
      question: text(
        'For a cluster created today, what does the job AmazonEKSServicePolicy used to do?',
        'いま作るクラスターで、かつて AmazonEKSServicePolicy が担っていた仕事をするのは何ですか。',
      ),
      choices: [
        text('AWSServiceRoleForAmazonEKS', 'AWSServiceRoleForAmazonEKS'),
        text('The node IAM role, through its instance profile', 'インスタンスプロファイル経由のノード IAM ロール'),
        text('The IAM user or role that called CreateCluster', 'CreateCluster を呼んだ IAM ユーザーまたはロール'),
      ],
      answer: 0,
      explanation: text(
        'AWSServiceRoleForAmazonEKS, the service-linked role EKS has used since 2020-04-16, does the service’s own work.',
        '2020-04-16 以降、サービス自身の作業はサービスにリンクされたロール AWSServiceRoleForAmazonEKS が担います。',
      ),
      nudge: text(
        'Since April 2020 the EKS service acts through a role it creates for itself in your account.',
        '2020 年 4 月以降、EKS サービスはアカウント内に自ら作るロールを通じて動きます。',
      ),
    },
    {
      question: text(
        'CreateCluster, sent seconds after the cluster role was created, answers InvalidParameterException: the role could not be assumed. The trust policy is correct. What now?',
        'クラスターロールを作った数秒後に CreateCluster を送ると、ロールを引き受けられないという InvalidParameterException が返りました。信頼ポリシーは正しいものです。どうしますか。',
      ),
      choices: [
        text('Add ec2.amazonaws.com to the trust policy', '信頼ポリシーに ec2.amazonaws.com を追加する'),
        text('Attach AmazonEKSServicePolicy as well', 'AmazonEKSServicePolicy もアタッチする'),
        text('Wait a little and send it again', '少し待ってから再送する'),
        text('Create the cluster in another region', '別のリージョンでクラスターを作る'),
      ],
      answer: 2,
      explanation: text(
        'Wait a little and send it again: a new role takes a few seconds to reach every IAM endpoint. The tutor retries for you; the sandbox plays this delay too.',
        '少し待ってから再送する、が正解です。新しいロールがすべての IAM エンドポイントに行き渡るまで数秒かかります。チューターは自動で再試行し、サンドボックスもこの遅れを再現します。',
      ),
      nudge: text(
        'Nothing about the role is wrong; think about how fast a change in IAM reaches the rest of AWS.',
        'ロールの中身に誤りはありません。IAM での変更が AWS 全体に届くまでの時間を考えましょう。',
      ),
    },
  ],
  readMore: [DOCS.clusterRole, DOCS.serviceLinkedRole, DOCS.managedPolicies],
  commands: [
    {
      cli: 'aws iam get-role --role-name {clusterRoleName} --region {region}',
      what: text('The role and its trust policy: who may assume it.', 'ロールと信頼ポリシー（誰が引き受けられるか）。'),
    },
    {
      cli: 'aws iam list-attached-role-policies --role-name {clusterRoleName} --region {region}',
      what: text('The managed policies attached to the cluster role.', 'クラスターロールにアタッチされた管理ポリシー。'),
    },
    {
      cli: 'aws iam get-policy --policy-arn arn:aws:iam::aws:policy/AmazonEKSClusterPolicy --region {region}',
      what: text(
        'The cluster policy: its default version and how many roles use it.',
        'クラスターポリシーの既定バージョンと、アタッチ先の数。',
      ),
    },
    {
      cli: 'aws iam get-policy-version --policy-arn arn:aws:iam::aws:policy/AmazonEKSClusterPolicy --version-id v10 --region {region}',
      what: text(
        'The cluster policy document, version v10 (get-policy names the current one).',
        'クラスターポリシーの文書（v10）。現在のバージョンは get-policy で確認できます。',
      ),
    },
    {
      cli: 'aws iam get-policy-version --policy-arn arn:aws:iam::aws:policy/AmazonEKSServicePolicy --version-id v7 --region {region}',
      what: text('The older service policy document, version v7, for comparison.', '比較用に、旧来のサービスポリシーの文書（v7）。'),
    },
  ],
} satisfies Lesson;
