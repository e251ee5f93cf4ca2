import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const cluster = {
  ...LESSON_HEADS.cluster,
  pages: [
    {
      title: text('What CreateCluster needs', 'CreateCluster に渡すもの'),
      body: text(
        `Required:
- name: unique in the account and region; it becomes part of the
  cluster ARN and of every kubeconfig entry
- roleArn: the cluster role from step 1
- resourcesVpcConfig.subnetIds: two or more subnets in different AZs
  (the VPC is taken from them)

Optional, but worth deciding on purpose:
- version: the Kubernetes minor version (else EKS's current default)
- endpoint access, control-plane logging
- authentication mode, and the upgrade policy
- extra security groups for the control-plane ENIs`,
        `必須:
- name: アカウントとリージョン内で一意。クラスター ARN や
  kubeconfig のエントリ名に使われます
- roleArn: ステップ 1 のクラスターロール
- resourcesVpcConfig.subnetIds: 異なる AZ にある 2 つ以上のサブネット
  （VPC はここから決まります）

省略できますが、明示的に決めておきたいもの:
- version: Kubernetes のマイナーバージョン（省略時は EKS の既定）
- エンドポイントへのアクセス、コントロールプレーンのログ
- 認証モードとアップグレードポリシー
- コントロールプレーンの ENI に追加するセキュリティグループ`,
      ),
    },
    {
      title: text('The API server endpoint', 'API サーバーエンドポイント'),
      body: text(
        `EKS gives the cluster an HTTPS endpoint for the Kubernetes API:
- endpointPublicAccess (default true): reachable from the internet,
  optionally only from the CIDRs in publicAccessCidrs
- endpointPrivateAccess (default false): reachable inside the VPC
  through the control-plane ENIs, so node traffic stays in the VPC

The tutor turns both on: kubectl on your machine uses the public
endpoint, the nodes the private one (which needs the VPC's DNS
hostnames and resolution). Production often narrows public access.

People and AWS tools sign in with IAM via aws eks get-token (step 4);
pods use ServiceAccount tokens; an OIDC identity provider can be added.`,
        `EKS はクラスターに Kubernetes API 用の HTTPS エンドポイントを用意します。
- endpointPublicAccess（既定 true）: インターネットから到達可能。
  publicAccessCidrs で接続元の CIDR を絞れます
- endpointPrivateAccess（既定 false）: VPC 内から ENI 経由で到達
  可能。ノードの通信も VPC 内にとどまります

チューターは両方を有効にします。手元の kubectl はパブリック側を、
ノードはプライベート側（VPC の DNS ホスト名と DNS 解決が必要）を
使います。本番ではパブリック側を絞るか閉じることが多くあります。

人や AWS のツールは get-token で IAM により認証されます（ステップ 4）。
Pod は ServiceAccount トークンを使い、OIDC ID プロバイダーも追加できます。`,
      ),
    },
    {
      title: text('Logs and the cluster security group', 'ログとクラスターセキュリティグループ'),
      body: text(
        `Control-plane logs go to CloudWatch Logs, into the log group
/aws/eks/<name>/cluster, in five types: api, audit, authenticator,
controllerManager and scheduler. All five are off by default; when
on, CloudWatch Logs bills both ingestion and storage. The tutor turns
them on only with --logging.

EKS also creates a security group on its own, named
eks-cluster-sg-<name>-<id>. It allows all traffic among its members
and all outbound traffic. EKS puts the control-plane ENIs and the
managed nodes in it, so the two can talk without rules of your own.`,
        `コントロールプレーンのログは CloudWatch Logs のロググループ
/aws/eks/<name>/cluster に送られます。種類は api、audit、
authenticator、controllerManager、scheduler の 5 つです。既定では
すべて無効で、有効にすると CloudWatch Logs の取り込みと保存の両方に
料金がかかります。チューターは --logging のときだけ有効にします。

EKS はクラスターセキュリティグループも自動的に作成します。名前は
eks-cluster-sg-<name>-<id> で、メンバー同士の通信と外向きの通信を
すべて許可します。コントロールプレーンの ENI とマネージド型ノードが
ここに入るので、自分でルールを書かなくても両者は通信できます。`,
      ),
    },
    {
      title: text('Two defaults to set explicitly', '既定値に任せず明示する 2 つの設定'),
      body: text(
        `The API's defaults differ from the console's, so the tutor sets both:
- accessConfig.authenticationMode = API_AND_CONFIG_MAP. The API
  default, CONFIG_MAP, allows only the old aws-auth ConfigMap; this
  mode adds access entries. bootstrapClusterCreatorAdminPermissions
  (default true) gives you, the creator, an admin access entry.
- upgradePolicy.supportType = STANDARD. The API default is EXTENDED:
  after a version's 14 months of standard support, the cluster keeps
  running on extended support and costs $0.60 an hour instead of
  $0.10. With STANDARD, EKS upgrades it when standard support ends.`,
        `API の既定値はコンソールと異なるため、チューターは両方を指定します。
- accessConfig.authenticationMode = API_AND_CONFIG_MAP。API の既定
  CONFIG_MAP では従来の aws-auth ConfigMap しか使えません。この
  モードならアクセスエントリも使えます。
  bootstrapClusterCreatorAdminPermissions（既定 true）により、作成者
  には管理者のアクセスエントリが作られます。
- upgradePolicy.supportType = STANDARD。API の既定は EXTENDED で、
  14 か月の標準サポートが終わると延長サポートに移り、料金が
  $0.10/時間から $0.60/時間に上がります。STANDARD なら、標準サポート
  終了時に EKS が自動でアップグレードします。`,
      ),
    },
    {
      title: text('Clusters and VPCs', 'クラスターと VPC の関係'),
      body: text(
        `How control planes relate to VPCs:
- one cluster per VPC: the simplest, and what eksctl and this tutor do
- several clusters in one VPC: for example a blue/green upgrade, where
  a new cluster starts beside the old one and reaches the same
  database in the VPC; traffic moves over, then the old one goes
- one cluster across VPCs: not possible; a cluster's subnets all
  belong to one VPC, and other VPCs are reached by peering or by
  Transit Gateway
A cluster's VPC cannot be changed after creation. Clusters can share
subnets; size them for every cluster's pods.`,
        `コントロールプレーンと VPC の関係は次のとおりです。
- 1 クラスター : 1 VPC: いちばん単純。eksctl もチューターもこの形
- 複数クラスター : 1 VPC: たとえば Blue/Green アップグレード。新しい
  クラスターを旧クラスターの隣に立て、VPC 内の同じデータベースに
  つなぎます。トラフィックを移したら旧クラスターを消します
- 1 クラスター : 複数 VPC: できません。クラスターのサブネットは
  すべて 1 つの VPC に属します。他の VPC にはピアリングや
  Transit Gateway でつなぎます
クラスターの VPC は作成後に変更できません。サブネットの共有も
可能ですが、全クラスターの Pod 分の大きさが必要です。`,
      ),
    },
    {
      title: text('While it says CREATING', 'CREATING の間に起きていること'),
      presenter: true,
      body: text(
        `CreateCluster returns at once with status CREATING; ACTIVE follows
about 10 minutes later (AWS measured 9 on average). Meanwhile EKS:
- starts API servers and etcd across AZs, in an account AWS owns
- creates the cluster security group and the ENIs in your subnets
- issues the cluster's certificate authority and endpoint name
- sets up the OIDC issuer and the creator's access entry
- installs vpc-cni, kube-proxy and CoreDNS as self-managed add-ons

The live panel shows what DescribeCluster returns now. The sandbox
plays the same CREATING to ACTIVE as a time-lapse: about 9 seconds
at the default --time-scale of 1/60.`,
        `CreateCluster はすぐに CREATING を返し、約 10 分後に ACTIVE に
変わります（AWS の計測では平均 9 分）。その間 EKS は:
- AWS が所有するアカウントで、API サーバーと etcd を複数 AZ に起動
- クラスターセキュリティグループと、サブネット内の ENI を作成
- クラスターの認証局（CA）とエンドポイント名を発行
- OIDC プロバイダーの URL と作成者のアクセスエントリを用意
- vpc-cni、kube-proxy、CoreDNS をセルフマネージド型アドオンとして導入

ライブ表示は DescribeCluster の現在の結果です。サンドボックスでも
同じ CREATING から ACTIVE への変化を早送りで再現します（既定の
--time-scale 1/60 で約 9 秒）。`,
      ),
      live: 'cluster',
    },
  ],
  hint: text(
    'Set the authentication mode and the upgrade policy yourself: what the API picks when you say nothing is not what the console picks.',
    '認証モードとアップグレードポリシーは自分で指定しましょう。何も指定しないときに API が選ぶ値は、コンソールが選ぶ値とは違います。',
  ),
  quiz: [
    {
      question: text(
        'A colleague made a cluster with a plain aws eks create-cluster (no --access-config). Now aws eks create-access-entry is refused with InvalidRequestException. Why?',
        '同僚が --access-config を付けずに aws eks create-cluster でクラスターを作りました。aws eks create-access-entry が InvalidRequestException で拒否されます。なぜですか。',
      ),
      choices: [
        text('Their IAM policy lacks eks:CreateAccessEntry', 'IAM ポリシーに eks:CreateAccessEntry がない'),
        text('The cluster is in CONFIG_MAP mode', 'クラスターが CONFIG_MAP モードになっている'),
        text('Access entries work only with the private endpoint on', 'アクセスエントリはプライベートエンドポイントが有効なときだけ使える'),
        text('The cluster role lacks AmazonEKSClusterPolicy', 'クラスターロールに AmazonEKSClusterPolicy がない'),
      ],
      answer: 1,
      explanation: text(
        'The cluster is in CONFIG_MAP mode: that is what the API picks when accessConfig is left out, and it reads only the aws-auth ConfigMap. Switching to API_AND_CONFIG_MAP (update-cluster-config) opens access entries. A missing IAM permission would say AccessDeniedException.',
        'クラスターが CONFIG_MAP モードになっているからです。accessConfig を省くと API はこのモードを選び、aws-auth ConfigMap しか参照しません。update-cluster-config で API_AND_CONFIG_MAP に切り替えればアクセスエントリを使えます。IAM の権限不足なら AccessDeniedException になります。',
      ),
      nudge: text(
        'The error is not about who is calling; it is about a setting of the cluster that the API chose on its own.',
        'エラーの原因は呼び出した人ではありません。API が自分で選んだクラスターの設定にあります。',
      ),
    },
    {
      question: text(
        'Which support type does CreateCluster use if you omit upgradePolicy?',
        'upgradePolicy を省略すると、CreateCluster はどのサポートタイプを使いますか。',
      ),
      choices: [
        text('EXTENDED', 'EXTENDED'),
        text('STANDARD, as the console does', 'コンソールと同じ STANDARD'),
        text('None: the request is refused', 'なし（リクエストが拒否される）'),
      ],
      answer: 0,
      explanation: text(
        'EXTENDED: once standard support ends, the cluster stays on extended support at $0.60 an hour instead of $0.10.',
        'EXTENDED です。標準サポート終了後は延長サポートに移り、$0.10/時間ではなく $0.60/時間かかります。',
      ),
      nudge: text(
        'The API keeps a cluster running past the end of standard support unless told otherwise, and bills for that.',
        'API は、指示がなければ標準サポート終了後もクラスターを動かし続け、その分の料金を請求します。',
      ),
    },
    {
      question: text('Which control-plane log types are on by default?', '既定で有効なコントロールプレーンのログはどれですか。'),
      choices: [
        text('All five', '5 種類すべて'),
        text('api and audit', 'api と audit'),
        text('authenticator only', 'authenticator だけ'),
        text('None of them', 'どれも無効'),
      ],
      answer: 3,
      explanation: text(
        'None of them: every log type is off until you enable it (the tutor does so with --logging). When on, CloudWatch Logs bills ingestion and storage.',
        'どれも無効です。有効にするまですべてオフです（チューターでは --logging で有効化）。有効にすると CloudWatch Logs の取り込みと保存に料金がかかります。',
      ),
      nudge: text(
        'Logs cost money to take in and to keep; think about what EKS does before you ask for them.',
        'ログは取り込みにも保存にも料金がかかります。頼まれる前に EKS がどうするかを考えましょう。',
      ),
    },
  ],
  readMore: [DOCS.createCluster, DOCS.endpoint, DOCS.logging, DOCS.securityGroups],
  commands: [
    {
      cli: 'aws eks describe-cluster --name {cluster} --region {region}',
      what: text(
        'Everything EKS reports about the cluster: status, version, endpoint, role.',
        'クラスターについて EKS が返すすべて: 状態、バージョン、エンドポイント、ロール。',
      ),
    },
    {
      cli: 'aws eks describe-cluster --name {cluster} --region {region} --query cluster.resourcesVpcConfig',
      what: text(
        'Only the network part: subnets, security groups, endpoint access.',
        'ネットワーク部分だけ: サブネット、セキュリティグループ、エンドポイントのアクセス設定。',
      ),
    },
    {
      cli: 'aws eks describe-cluster --name {cluster} --region {region} --query cluster.logging',
      what: text('Which control-plane log types are enabled.', '有効なコントロールプレーンのログの種類。'),
    },
  ],
} satisfies Lesson;
