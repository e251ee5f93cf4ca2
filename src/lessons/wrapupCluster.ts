import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const wrapupUpgrade = {
  id: 'wrapup-upgrade',
  title: text('Day two: upgrading the cluster', '運用編: クラスターのアップグレード'),
  summary: text('In place, one minor version at a time, or blue/green beside it', 'インプレースで 1 つずつか、隣に立てる Blue/Green か'),
  pages: [
    {
      title: text('In place', 'インプレース'),
      body: text(
        `On EKS a Kubernetes minor version gets 14 months of standard support
($0.10 per cluster-hour), then 12 months of extended support ($0.60).
An in-place upgrade moves one minor version at a time:
- the control plane first (UpdateClusterVersion); EKS needs up to 5
  free IPs in the cluster's subnets for the new ENIs
- then each managed node group (UpdateNodegroupVersion): new nodes
  come up, old ones are cordoned, drained and terminated
- then the add-ons (VPC CNI, CoreDNS, kube-proxy) to match
Before you start, check that nothing still calls APIs the new version
removes; EKS upgrade insights list what they have seen.`,
        `EKS では、Kubernetes のマイナーバージョンごとに、14 か月の
標準サポート（$0.10/クラスター時間）と 12 か月の延長サポート
（$0.60）があります。インプレースでは 1 バージョンずつ上げます。
- まずコントロールプレーン（UpdateClusterVersion）。新しい ENI 用に
  クラスターのサブネットに空き IP が最大 5 つ必要です
- 次に各マネージド型ノードグループ（UpdateNodegroupVersion）。新しい
  ノードが起動し、古いノードは cordon、drain の後に終了します
- 最後にアドオン（VPC CNI、CoreDNS、kube-proxy）を合わせます
始める前に、新バージョンで消える API を呼んでいるものがないかを
確認しましょう。EKS のアップグレードインサイトが教えてくれます。`,
      ),
    },
    {
      title: text('Blue/green', 'Blue/Green'),
      body: text(
        `The other way, and the reason for several clusters in one VPC: build
a new cluster at the new version beside the old one, in the same VPC,
so both reach the same databases. Deploy to it, shift traffic (DNS or
load balancer weights), then delete the old cluster.

It costs a second control plane for a while and free IPs for two sets
of pods, but it can skip versions and rolls back by moving traffic
back. In place is cheaper and keeps the cluster's identity: endpoint,
OIDC issuer, access entries.

The sandbox cannot run UpdateClusterVersion; the commands below read
the versions you would compare.`,
        `もう 1 つの方法です（1 つの VPC に複数のクラスターを置く理由）。
新バージョンのクラスターを同じ VPC の旧クラスターの隣に立て、
同じデータベースに届くようにします。デプロイしてトラフィックを
（DNS やロードバランサーの重みで）移し、旧クラスターを消します。

しばらくはコントロールプレーン 2 つ分の費用と、2 組の Pod 分の
空き IP が要ります。その代わりバージョンを飛ばせ、戻すのも
トラフィックを戻すだけです。インプレースは安く、エンドポイント、
OIDC、アクセスエントリといったクラスターの同一性を保てます。

サンドボックスでは UpdateClusterVersion を実行できないため、下の
コマンドでは比べるべきバージョンを読み取ります。`,
      ),
    },
  ],
  hint: text(
    'In place: control plane, then node groups, then add-ons, one minor version per round. Blue/green: a second cluster in the same VPC, then move traffic.',
    'インプレースは、コントロールプレーン、ノードグループ、アドオンの順に 1 マイナーバージョンずつ。Blue/Green は同じ VPC に 2 つ目のクラスターを立ててトラフィックを移します。',
  ),
  quiz: [
    {
      question: text(
        'How far can one in-place upgrade move the control plane?',
        '1 回のインプレースアップグレードで、コントロールプレーンはどこまで上げられますか。',
      ),
      choices: [text('One minor version', '1 マイナーバージョン'), text('Any newer version', '任意の新しいバージョン')],
      answer: 0,
      explanation: text(
        'One minor version: to go further, repeat the upgrade, or use blue/green with a new cluster.',
        '1 マイナーバージョンです。それ以上は繰り返すか、新しいクラスターで Blue/Green にします。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text('Which goes first in an in-place upgrade?', 'インプレースアップグレードで最初に上げるのはどれですか。'),
      choices: [
        text('The node groups', 'ノードグループ'),
        text('The control plane', 'コントロールプレーン'),
        text('The add-ons', 'アドオン'),
      ],
      answer: 1,
      explanation: text(
        'The control plane: nodes must not run a newer Kubernetes version than the API server, so they follow it.',
        'コントロールプレーンです。ノードは API サーバーより新しいバージョンにできないため、後から追いかけます。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text('What does a blue/green upgrade need from the VPC?', 'Blue/Green アップグレードで VPC に必要なものは何ですか。'),
      choices: [
        text('Free IPs for both clusters', '両クラスター分の空き IP'),
        text('A second VPC', '2 つ目の VPC'),
        text('A second internet gateway', '2 つ目のインターネットゲートウェイ'),
      ],
      answer: 0,
      explanation: text(
        'Free IPs for both clusters: for a while, both clusters’ nodes and pods take addresses from the same VPC.',
        '両クラスター分の空き IP です。しばらくの間、2 つのクラスターのノードと Pod が同じ VPC のアドレスを使います。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.updateCluster, DOCS.versions],
  commands: [
    {
      cli: 'aws eks describe-cluster --name {cluster} --region {region} --query cluster.version',
      what: text('The control plane’s Kubernetes version.', 'コントロールプレーンの Kubernetes バージョン。'),
    },
    {
      cli: 'aws eks describe-nodegroup --cluster-name {cluster} --nodegroup-name {nodegroup} --region {region} --query nodegroup.version',
      what: text('The node group’s version, which follows the cluster’s.', 'ノードグループのバージョン。クラスターを後から追います。'),
    },
    {
      cli: 'aws ec2 describe-subnets --subnet-ids {publicSubnetId} {privateSubnetId} --region {region}',
      what: text(
        'AvailableIpAddressCount: an upgrade needs up to 5 free addresses here.',
        'AvailableIpAddressCount を確認します。アップグレードには最大 5 つの空きが必要です。',
      ),
    },
  ],
} satisfies Lesson;

export const wrapupAccess = {
  id: 'wrapup-access',
  title: text('Day two: giving more people access', '運用編: クラスターを使える人を増やす'),
  summary: text('Access entries, aws-auth, and the mode that decides', 'アクセスエントリ、aws-auth ConfigMap、そして認証モード'),
  pages: [
    {
      title: text('Two places that decide', '権限を決める 2 つの場所'),
      body: text(
        `Authentication is always IAM (step 4). Which Kubernetes permissions
an IAM identity gets is decided in one of two places:
- access entries, part of the EKS API (modes API and
  API_AND_CONFIG_MAP): an entry names an IAM role or user; you attach
  access policies to it for the cluster or some namespaces, or give
  it Kubernetes groups that your RBAC rules bind
- the aws-auth ConfigMap in kube-system (modes CONFIG_MAP and
  API_AND_CONFIG_MAP): YAML that maps IAM ARNs to users and groups,
  edited with kubectl; one bad edit can lock everyone out
Modes only move forward: CONFIG_MAP, API_AND_CONFIG_MAP, then API.`,
        `認証は常に IAM です（ステップ 4）。その IAM ID にどの Kubernetes
権限を与えるかは、次の 2 か所のどちらかで決まります。
- アクセスエントリ（EKS API の一部。モード API と
  API_AND_CONFIG_MAP）: IAM ロールやユーザーごとにエントリを作り、
  クラスター全体か名前空間単位でアクセスポリシーを関連付けるか、
  RBAC で権限を与えた Kubernetes グループを指定します
- kube-system の aws-auth ConfigMap（モード CONFIG_MAP と
  API_AND_CONFIG_MAP）: IAM ARN とユーザー・グループの対応を
  YAML で書き、kubectl で編集します。1 つの誤りで全員が締め出される
  こともあります
モードは CONFIG_MAP、API_AND_CONFIG_MAP、API の順にしか進めません。`,
      ),
    },
    {
      title: text('Giving a teammate read access', 'チームメンバーに参照権限を渡す'),
      body: text(
        `With access entries it takes two EKS calls, made with AWS
credentials rather than kubectl:

aws eks create-access-entry --cluster-name <cluster> \\
  --principal-arn arn:aws:iam::<account>:role/<their-role>
aws eks associate-access-policy --cluster-name <cluster> \\
  --principal-arn arn:aws:iam::<account>:role/<their-role> \\
  --access-scope type=cluster --policy-arn \\
  arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy

The teammate then runs update-kubeconfig with their own credentials,
which needs IAM permission for eks:DescribeCluster.`,
        `アクセスエントリなら、kubectl ではなく AWS の認証情報で EKS API を
2 回呼ぶだけです。

aws eks create-access-entry --cluster-name <cluster> \\
  --principal-arn arn:aws:iam::<account>:role/<their-role>
aws eks associate-access-policy --cluster-name <cluster> \\
  --principal-arn arn:aws:iam::<account>:role/<their-role> \\
  --access-scope type=cluster --policy-arn \\
  arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy

メンバーは自分の認証情報で update-kubeconfig を実行します。
そのためには IAM で eks:DescribeCluster の許可も必要です。`,
      ),
    },
  ],
  hint: text(
    'Two separate permissions: IAM lets a person call EKS (describe-cluster), an access entry lets them act inside Kubernetes. The sandbox cannot run the access-entry calls.',
    '権限は 2 種類あります。EKS を呼べる（describe-cluster）のは IAM、Kubernetes の中で操作できるのはアクセスエントリの役目です。アクセスエントリの呼び出しはサンドボックスでは実行できません。',
  ),
  quiz: [
    {
      question: text(
        'A teammate’s aws eks describe-cluster works, but kubectl says Unauthorized. What is missing?',
        'メンバーの aws eks describe-cluster は成功するのに、kubectl は Unauthorized になります。足りないものは何ですか。',
      ),
      choices: [
        text('An access entry', 'アクセスエントリ'),
        text('An IAM policy', 'IAM ポリシー'),
        text('A NAT gateway', 'NAT ゲートウェイ'),
      ],
      answer: 0,
      explanation: text(
        'An access entry (or an aws-auth mapping): IAM already lets them call EKS, but Kubernetes does not know their ARN yet.',
        'アクセスエントリ（または aws-auth の対応付け）です。IAM では EKS を呼べていますが、Kubernetes がまだその ARN を知りません。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'Can a cluster switch back from API to CONFIG_MAP mode?',
        'クラスターの認証モードを API から CONFIG_MAP に戻せますか。',
      ),
      choices: [text('Yes', 'はい'), text('No', 'いいえ')],
      answer: 1,
      explanation: text(
        'No: modes only move from CONFIG_MAP to API_AND_CONFIG_MAP to API. Starting with API_AND_CONFIG_MAP keeps both doors open.',
        'いいえ。モードは CONFIG_MAP、API_AND_CONFIG_MAP、API の順にしか変えられません。API_AND_CONFIG_MAP で始めれば両方を使えます。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.accessEntries, DOCS.grantAccess],
  commands: [
    {
      cli: 'aws sts get-caller-identity --region {region}',
      what: text(
        'The IAM identity your tokens carry; as the creator it received an admin access entry.',
        'トークンが運ぶ IAM ID。作成者として管理者のアクセスエントリを受け取っています。',
      ),
    },
    {
      cli: 'aws iam get-role --role-name {nodeRoleName} --region {region}',
      what: text(
        'Nodes get in the same way: EKS gave this role an access entry of type EC2_LINUX.',
        'ノードも同じ仕組みで入ります。EKS はこのロールに EC2_LINUX 型のアクセスエントリを作りました。',
      ),
    },
  ],
} satisfies Lesson;

export const wrapupCrossAccount = {
  id: 'wrapup-cross-account',
  title: text('Day two: control plane and nodes in different accounts', '運用編: コントロールプレーンとノードを別アカウントに'),
  summary: text('What already crosses accounts, and shapes that work', 'すでにまたいでいるものと、使える複数アカウント構成'),
  pages: [
    {
      title: text('The split that already exists', 'すでにある分離'),
      body: text(
        `Every EKS cluster already spans two accounts. The control plane runs
in an account that AWS owns. EKS creates network interfaces for it in
your subnets (cross-account ENIs, described as "Amazon EKS <name>"),
and that is how it reaches your nodes.

What you cannot do is move a managed node group into another account
of yours: a node group belongs to the cluster's account and uses
subnets of the cluster's VPC.`,
        `EKS クラスターは、もともと 2 つのアカウントにまたがっています。
コントロールプレーンは AWS が所有するアカウントで動き、EKS はその
ためのネットワークインターフェイスをあなたのサブネットに作ります
（クロスアカウント ENI。説明は "Amazon EKS <name>"）。これが
ノードへの通り道です。

一方、マネージド型ノードグループを自分の別アカウントに移すことは
できません。ノードグループはクラスターのアカウントに属し、
クラスターの VPC のサブネットを使います。`,
      ),
    },
    {
      title: text('Multi-account shapes that work', '使える複数アカウント構成'),
      body: text(
        `- VPC sharing (AWS RAM): a network account owns the VPC and shares
  its subnets; an application account creates the cluster and its
  node groups in them. The network team keeps routes, NAT and
  gateways; the application team keeps the cluster.
- Access from another account: people or CI there assume a role in
  the cluster's account, and that role gets an access entry.
- One cluster per account, joined by Transit Gateway, or exposed
  through PrivateLink where workloads must talk.`,
        `- VPC 共有（AWS RAM）: ネットワーク用アカウントが VPC を持って
  サブネットを共有し、アプリケーション用アカウントがそこに
  クラスターとノードグループを作ります。ネットワークチームは
  ルート、NAT、ゲートウェイを、アプリチームはクラスターを管理します。
- 別アカウントからのアクセス: そのアカウントの人や CI が、
  クラスター側のアカウントのロールを引き受けます。そのロールに
  アクセスエントリを作ります。
- アカウントごとに 1 クラスター: Transit Gateway でつなぐか、必要な
  通信だけ PrivateLink で公開します。`,
      ),
    },
  ],
  hint: text(
    'Split accounts along the network (shared subnets) or along access (assumed roles with access entries), not by moving node groups away from their cluster.',
    'アカウントを分けるなら、ネットワーク（サブネット共有）かアクセス（引き受けるロールとアクセスエントリ）で分けます。ノードグループをクラスターから引き離すのではありません。',
  ),
  quiz: [
    {
      question: text('Where does the EKS control plane run?', 'EKS のコントロールプレーンはどこで動いていますか。'),
      choices: [
        text('In an account AWS owns', 'AWS が所有するアカウント'),
        text('In your account', 'あなたのアカウント'),
      ],
      answer: 0,
      explanation: text(
        'In an account AWS owns; it reaches your VPC through cross-account ENIs in your subnets.',
        'AWS が所有するアカウントです。あなたのサブネットにあるクロスアカウント ENI を通って VPC に入ります。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'A network team owns the VPC in another account. How does your cluster use it?',
        '別アカウントのネットワークチームが VPC を持っています。クラスターからはどう使いますか。',
      ),
      choices: [
        text('Subnets shared by AWS RAM', 'AWS RAM で共有されたサブネット'),
        text('A node group in their account', '相手アカウントのノードグループ'),
      ],
      answer: 0,
      explanation: text(
        'Subnets shared by AWS RAM: your account creates the cluster and node groups in the shared subnets.',
        'AWS RAM で共有されたサブネットを使い、あなたのアカウントがそこにクラスターとノードグループを作ります。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.networkReqs, DOCS.accessEntries],
  commands: [
    {
      cli: 'aws sts get-caller-identity --region {region}',
      what: text('The account you are working in.', 'いま操作しているアカウント。'),
    },
    {
      cli: 'aws eks describe-cluster --name {cluster} --region {region} --query cluster.arn',
      what: text('The cluster ARN, which names the cluster’s account.', 'クラスター ARN。クラスターのアカウント ID が入っています。'),
    },
    {
      cli: 'aws ec2 describe-vpcs --vpc-ids {vpcId} --region {region}',
      what: text(
        'OwnerId: the VPC’s account; with VPC sharing it would be the network account.',
        'OwnerId は VPC の所有アカウントです。VPC 共有ならネットワーク用アカウントになります。',
      ),
    },
  ],
} satisfies Lesson;
