import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const wrapupUpgrade = {
  ...LESSON_HEADS['wrapup-upgrade'],
  pages: [
    {
      title: text('In place', 'インプレース'),
      presenter: true,
      body: text(
        `On EKS a Kubernetes minor version gets 14 months of standard support
($0.10 per cluster-hour), then 12 months of extended support ($0.60).
An in-place upgrade moves one minor version at a time:
- the control plane first (UpdateClusterVersion); EKS needs up to 5
  free IPs in the cluster's subnets for the new ENIs
- then each managed node group (UpdateNodegroupVersion): new nodes
  come up, old ones are cordoned, drained and terminated
- then the add-ons (VPC CNI, CoreDNS, kube-proxy) to match
The nodes must reach the control plane's minor before the next round:
a control plane on 1.35 with nodes on 1.34 cannot go to 1.36. Upgrade
insights list APIs still in use that the new version removes.`,
        `EKS では、Kubernetes のマイナーバージョンごとに、14 か月の
標準サポート（$0.10/クラスター時間）と 12 か月の延長サポート
（$0.60）があります。インプレースでは 1 バージョンずつ上げます。
- まずコントロールプレーン（UpdateClusterVersion）。新しい ENI 用に
  クラスターのサブネットに空き IP が最大 5 つ必要です
- 次に各マネージド型ノードグループ（UpdateNodegroupVersion）。新しい
  ノードが起動し、古いノードは cordon、drain の後に終了します
- 最後にアドオン（VPC CNI、CoreDNS、kube-proxy）を合わせます
次の回の前に、ノードをコントロールプレーンと同じマイナーバージョンに
そろえます。1.35 のコントロールプレーンと 1.34 のノードでは 1.36 に
上げられません。新バージョンで消える API の利用はインサイトで確認します。`,
      ),
    },
    {
      title: text('Add-ons, and rolling back', 'アドオンと、ロールバック'),
      body: text(
        `Which kind of add-ons you have decides how they move:
- a cluster made through the API, the CLI or an SDK, like this one,
  gets vpc-cni, kube-proxy and CoreDNS as self-managed add-ons: you
  update them yourself, with kubectl and their manifests
- the console and eksctl install them as EKS add-ons instead, and
  aws eks update-addon moves each one to a version for the new minor
  (bootstrapSelfManagedAddons=false leaves the self-managed ones out)

Since 2026 an in-place upgrade of the control plane can be rolled back
to the previous minor within 7 days. Rolling back node groups is up to
you, so upgrading them last keeps that way open.`,
        `アドオンの種類によって、上げ方が変わります。
- API、CLI、SDK で作ったクラスター（このクラスターも同じ）では、
  vpc-cni、kube-proxy、CoreDNS がセルフマネージド型アドオンとして
  入ります。kubectl とマニフェストで自分で更新します
- コンソールと eksctl はこれらを EKS アドオンとして入れます。
  aws eks update-addon で新しいマイナー用のバージョンに上げられます
  （bootstrapSelfManagedAddons=false ならセルフマネージド型は入りません）

2026 年から、コントロールプレーンのインプレースアップグレードは、
7 日以内なら 1 つ前のマイナーバージョンにロールバックできます。
ノードグループを戻すのは利用者の作業なので、ノードは最後に上げます。`,
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
of pods, but it can skip versions, and moving traffic back undoes it.
In place is cheaper and keeps the cluster's identity: endpoint, OIDC
issuer, access entries.

This lesson's commands read what you would compare before an upgrade:
the two versions, and the free addresses.`,
        `もう 1 つの方法です（1 つの VPC に複数のクラスターを置く理由）。
新バージョンのクラスターを同じ VPC の旧クラスターの隣に立て、
同じデータベースに届くようにします。デプロイしてトラフィックを
（DNS やロードバランサーの重みで）移し、旧クラスターを消します。

しばらくはコントロールプレーン 2 つ分の費用と、2 組の Pod 分の
空き IP が要ります。その代わりバージョンを飛ばせ、戻すのも
トラフィックを戻すだけです。インプレースは安く、エンドポイント、
OIDC、アクセスエントリといったクラスターの同一性を保てます。

このレッスンのコマンドでは、アップグレードの前に比べるもの（2 つの
バージョンと空きアドレス）を読み取ります。`,
      ),
    },
  ],
  hint: text(
    'In place: control plane, then node groups, then add-ons, one minor version per round, and the nodes catch up before the next round. Blue/green: a second cluster in the same VPC, then move traffic.',
    'インプレースは、コントロールプレーン、ノードグループ、アドオンの順に 1 マイナーバージョンずつ。次の回の前にノードが追いつきます。Blue/Green は同じ VPC に 2 つ目のクラスターを立ててトラフィックを移します。',
  ),
  quiz: [
    {
      question: text(
        'The control plane runs 1.35 and the managed node group 1.34. Can you upgrade the control plane to 1.36 now?',
        'コントロールプレーンは 1.35、マネージド型ノードグループは 1.34 です。いますぐコントロールプレーンを 1.36 に上げられますか。',
      ),
      choices: [
        text('No: the node group must reach 1.35 first', 'いいえ。先にノードグループを 1.35 にする'),
        text('Yes: a kubelet may be three minors behind', 'はい。kubelet は 3 マイナーまで遅れてよい'),
        text('Yes, once 7 days have passed since 1.35', 'はい。1.35 にしてから 7 日たっていれば'),
        text('Only by jumping straight to 1.37', '1.37 に一気に上げる場合だけ'),
      ],
      answer: 0,
      explanation: text(
        'No: the node group must reach 1.35 first. EKS asks that nodes be on the control plane’s minor before the next control-plane upgrade, even though the kubelet itself tolerates some skew. The 7 days are the rollback window, not a wait.',
        'いいえ。先にノードグループを 1.35 にする必要があります。kubelet 自体はある程度のずれを許しますが、EKS は次のアップグレードの前に、ノードがコントロールプレーンと同じマイナーにそろっていることを求めます。7 日はロールバックできる期間で、待ち時間ではありません。',
      ),
      nudge: text(
        'Each round ends with everything on the same minor; ask what is still behind.',
        '各回は、すべてが同じマイナーバージョンにそろって終わります。まだ遅れているものを考えましょう。',
      ),
    },
    {
      question: text(
        'Your cluster was made with aws eks create-cluster, like this one. The control plane and nodes are on the new minor. How does kube-proxy follow?',
        'このクラスターと同じく aws eks create-cluster で作ったクラスターです。コントロールプレーンとノードは新しいマイナーになりました。kube-proxy はどう追随させますか。',
      ),
      choices: [
        text('aws eks update-addon --addon-name kube-proxy', 'aws eks update-addon --addon-name kube-proxy'),
        text('Nothing: EKS moves it with the control plane', '何もしない（EKS がコントロールプレーンと一緒に上げる）'),
        text('You update its DaemonSet yourself', 'DaemonSet を自分で更新する'),
        text('Replace the node group a second time', 'ノードグループをもう一度入れ替える'),
      ],
      answer: 2,
      explanation: text(
        'You update its DaemonSet yourself: a cluster made through the API gets kube-proxy as a self-managed add-on, which update-addon does not know. Adopting it as an EKS add-on (create-addon) is the other way.',
        'DaemonSet を自分で更新する、が正解です。API で作ったクラスターの kube-proxy はセルフマネージド型アドオンで、update-addon の対象ではありません。create-addon で EKS アドオンとして取り込む方法もあります。',
      ),
      nudge: text(
        'Who installed kube-proxy on a cluster made through the API, and does EKS track it as one of its add-ons?',
        'API で作ったクラスターの kube-proxy は誰が入れたのか、EKS はそれを自分のアドオンとして管理しているのかを考えましょう。',
      ),
    },
    {
      question: text('What does a blue/green upgrade need from the VPC?', 'Blue/Green アップグレードで VPC に必要なものは何ですか。'),
      choices: [
        text('A second VPC, peered with the first', '最初の VPC とピアリングした 2 つ目の VPC'),
        text('A second internet gateway', '2 つ目のインターネットゲートウェイ'),
        text('A NAT gateway for each cluster', 'クラスターごとの NAT ゲートウェイ'),
        text('Free IPs for both clusters at once', '両クラスターが同時に使える空き IP'),
      ],
      answer: 3,
      explanation: text(
        'Free IPs for both clusters at once: for a while, both clusters’ nodes and pods take addresses from the same VPC. A VPC has one internet gateway, and NAT gateways can be shared.',
        '両クラスターが同時に使える空き IP です。しばらくの間、2 つのクラスターのノードと Pod が同じ VPC のアドレスを使います。インターネットゲートウェイは VPC に 1 つで、NAT ゲートウェイは共有できます。',
      ),
      nudge: text(
        'For a while two clusters live side by side in one network; what do their pods draw from?',
        'しばらくの間、2 つのクラスターが 1 つのネットワークに並びます。その Pod は何を使うでしょう。',
      ),
    },
  ],
  readMore: [DOCS.updateCluster, DOCS.rollback, DOCS.versions],
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
  ...LESSON_HEADS['wrapup-access'],
  pages: [
    {
      title: text('Two places that decide', '権限を決める 2 つの場所'),
      body: text(
        `People and tools sign in with IAM (step 4). Which Kubernetes
permissions an IAM principal gets is decided in one of two places:
- access entries, part of the EKS API (modes API and
  API_AND_CONFIG_MAP): an entry names an IAM role or user; you attach
  access policies to it for the cluster or some namespaces, or give
  it Kubernetes groups that your RBAC rules bind
- the aws-auth ConfigMap in kube-system (modes CONFIG_MAP and
  API_AND_CONFIG_MAP): YAML that maps IAM ARNs to users and groups,
  edited with kubectl; one bad edit can lock everyone out
Modes only move forward: CONFIG_MAP, API_AND_CONFIG_MAP, then API.`,
        `人やツールは IAM で認証されます（ステップ 4）。その IAM プリンシパルに
どの Kubernetes 権限を与えるかは、次の 2 か所のどちらかで決まります。
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
      title: text('Giving a teammate read access', 'チームメンバーに参照権限を付与する'),
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
    {
      title: text('Unauthorized or Forbidden', 'Unauthorized と Forbidden'),
      body: text(
        `The two errors point at different places:
- error: You must be logged in to the server (Unauthorized): the
  token maps to no one. There is no access entry (or aws-auth line)
  for that IAM ARN, or the token is for another cluster or expired.
- Error from server (Forbidden): pods is forbidden: User ... cannot
  list resource "pods": Kubernetes knows who you are, but no access
  policy or RBAC binding allows that verb there.

aws sts get-caller-identity shows the ARN kubectl presents. AWS
recommends moving aws-auth mappings to access entries: the aws-auth
ConfigMap is deprecated.`,
        `2 つのエラーは、別々の場所を指しています。
- error: You must be logged in to the server (Unauthorized):
  トークンが誰にも対応付けられません。その IAM ARN のアクセス
  エントリ（または aws-auth の行）がないか、トークンが別の
  クラスター用か期限切れです。
- Error from server (Forbidden): pods is forbidden: User ... cannot
  list resource "pods": 誰かはわかっていますが、その操作を許す
  アクセスポリシーや RBAC のバインディングがありません。

kubectl が示す ARN は aws sts get-caller-identity で確認できます。
AWS は aws-auth の対応付けをアクセスエントリに移すよう勧めています
（aws-auth ConfigMap は非推奨です）。`,
      ),
    },
  ],
  hint: text(
    'Two separate permissions: IAM lets a person call EKS (describe-cluster), an access entry lets them act inside Kubernetes.',
    '権限は 2 種類あります。EKS を呼べる（describe-cluster）のは IAM、Kubernetes の中で操作できるのはアクセスエントリの役目です。',
  ),
  quiz: [
    {
      question: text(
        'A teammate’s aws eks describe-cluster works, but kubectl says: You must be logged in to the server (Unauthorized). What is missing?',
        'メンバーの aws eks describe-cluster は成功するのに、kubectl は You must be logged in to the server (Unauthorized) になります。足りないものは何ですか。',
      ),
      choices: [
        text('An access entry for their role', 'そのロールのアクセスエントリ'),
        text('eks:DescribeCluster in their IAM policy', 'IAM ポリシーの eks:DescribeCluster'),
        text('A NAT gateway in front of the API server', 'API サーバーの前の NAT ゲートウェイ'),
        text('A kubectl of the same minor as the cluster', 'クラスターと同じマイナーの kubectl'),
      ],
      answer: 0,
      explanation: text(
        'An access entry for their role (or an aws-auth mapping): IAM already lets them call EKS, but Kubernetes cannot map their ARN to anyone.',
        'そのロールのアクセスエントリ（または aws-auth の対応付け）です。IAM では EKS を呼べていますが、Kubernetes はその ARN を誰にも対応付けられません。',
      ),
      nudge: text(
        'Calling EKS worked, so IAM is fine. Unauthorized means Kubernetes could not tell who this is.',
        'EKS の呼び出しは成功しているので IAM は問題ありません。Unauthorized は、Kubernetes が相手を特定できなかったという意味です。',
      ),
    },
    {
      question: text(
        'kubectl get pods -n shop answers: Error from server (Forbidden): pods is forbidden: User "arn:aws:sts::…:assumed-role/dev/…" cannot list resource "pods". What does that tell you?',
        'kubectl get pods -n shop が Error from server (Forbidden): pods is forbidden: User "arn:aws:sts::…:assumed-role/dev/…" cannot list resource "pods" を返します。ここから何がわかりますか。',
      ),
      choices: [
        text('Their token has expired', 'トークンの期限が切れている'),
        text('They are known, but not allowed to list pods there', '誰かはわかっているが、そこで Pod の一覧は許されていない'),
        text('No access entry exists for the dev role', 'dev ロールのアクセスエントリがない'),
        text('The public endpoint blocks their address', 'パブリックエンドポイントが接続元を拒否している'),
      ],
      answer: 1,
      explanation: text(
        'They are known, but not allowed to list pods there: the entry exists and names the user, but no access policy scoped to shop (or RBAC binding) allows list. An expired token or a missing entry would be Unauthorized.',
        '誰かはわかっているが、そこで Pod の一覧は許されていない、が正解です。エントリはありユーザーも特定されていますが、shop を対象にしたアクセスポリシー（または RBAC のバインディング）が list を許していません。トークン切れやエントリなしなら Unauthorized です。',
      ),
      nudge: text(
        'The message names the user. Which of the two questions, who and what, did Kubernetes already answer?',
        'メッセージにはユーザー名が出ています。「誰か」と「何をしてよいか」のうち、Kubernetes がすでに答えたのはどちらでしょう。',
      ),
    },
    {
      question: text(
        'Your cluster is in API mode. A deploy tool still adds its role to the aws-auth ConfigMap, and gets Unauthorized. What do you do?',
        'クラスターは API モードです。デプロイツールはいまも aws-auth ConfigMap に自分のロールを追加していて、Unauthorized になります。どうしますか。',
      ),
      choices: [
        text('Switch the cluster back to CONFIG_MAP', 'クラスターを CONFIG_MAP に戻す'),
        text('Switch it back to API_AND_CONFIG_MAP', 'API_AND_CONFIG_MAP に戻す'),
        text('Give the tool’s role an access entry', 'ツールのロールにアクセスエントリを作る'),
        text('Recreate aws-auth in the default namespace', 'aws-auth を default 名前空間に作り直す'),
      ],
      answer: 2,
      explanation: text(
        'Give the tool’s role an access entry: in API mode EKS no longer reads aws-auth, and modes only move forward (CONFIG_MAP, API_AND_CONFIG_MAP, API), so neither switch back is possible.',
        'ツールのロールにアクセスエントリを作る、が正解です。API モードでは EKS は aws-auth を読まず、モードは CONFIG_MAP、API_AND_CONFIG_MAP、API の順にしか進めないので、戻すことはできません。',
      ),
      nudge: text(
        'Recall which way authentication modes may change, and what API mode still reads.',
        '認証モードがどちら向きに変えられるか、そして API モードが何を読むかを思い出しましょう。',
      ),
    },
  ],
  readMore: [DOCS.accessEntries, DOCS.grantAccess, DOCS.migrateAccessEntries],
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
  ...LESSON_HEADS['wrapup-cross-account'],
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
ためのネットワークインターフェイスをご自身のサブネットに作ります
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
    {
      title: text('Run it here', 'ここで試す'),
      body: text(
        `day-two accounts needs no second account: it only reads. It asks
STS which account you are in, then shows the account in the cluster's
ARN, the node group's and the node role's (always the same one), the
OwnerId of the node subnets (another account's when they are shared
through RAM), and the control plane's network interfaces in your
VPC, requested by EKS from its own account.`,
        `day-two accounts に 2 つ目のアカウントは要りません。読み取るだけです。
STS で今のアカウントを確かめ、クラスターの ARN、ノードグループと
ノードロールのアカウント（常に同じ）、ノードサブネットの OwnerId
（RAM で共有されていれば相手のアカウント）、そして EKS が自分の
アカウントから VPC に置いたコントロールプレーンのネットワーク
インターフェイスを示します。`,
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
        text('In your account, inside the cluster’s VPC', 'ご自身のアカウントの、クラスターの VPC 内'),
        text('In the network account that shares the subnets', 'サブネットを共有するネットワーク用アカウント'),
        text('On the first node of each node group', '各ノードグループの最初のノード'),
        text('In an account AWS owns', 'AWS が所有するアカウント'),
      ],
      answer: 3,
      explanation: text(
        'In an account AWS owns; it reaches your VPC through cross-account ENIs in your subnets.',
        'AWS が所有するアカウントです。サブネットにあるクロスアカウント ENI を通って VPC に入ります。',
      ),
      nudge: text(
        'Look at the ENIs described as "Amazon EKS <name>" in your subnets: whose machines are on their far side?',
        'サブネットにある "Amazon EKS <name>" という説明の ENI を思い出しましょう。その向こう側にあるのは誰のマシンでしょう。',
      ),
    },
    {
      question: text(
        'A network team owns the VPC in another account. How does your cluster use it?',
        '別アカウントのネットワークチームが VPC を持っています。クラスターからはどう使いますか。',
      ),
      choices: [
        text('A node group created in their account', '相手のアカウントに作ったノードグループ'),
        text('Subnets shared with you through AWS RAM', 'AWS RAM で共有されたサブネット'),
        text('Peering your own cluster VPC with theirs', '自分のクラスター VPC と相手の VPC のピアリング'),
        text('A second control plane in their account', '相手のアカウントに置く 2 つ目のコントロールプレーン'),
      ],
      answer: 1,
      explanation: text(
        'Subnets shared with you through AWS RAM: your account creates the cluster and node groups in the shared subnets, and owns their roles. Peering would leave the cluster in a VPC of your own.',
        'AWS RAM で共有されたサブネットです。ご自身のアカウントが共有サブネットにクラスターとノードグループを作り、そのロールも持ちます。ピアリングではクラスターは自分の VPC に置いたままです。',
      ),
      nudge: text(
        'The cluster’s subnets must be in the VPC it lives in; how can another account’s subnets become usable from yours?',
        'クラスターのサブネットは、そのクラスターの VPC にある必要があります。別アカウントのサブネットを自分のアカウントから使えるようにするには。',
      ),
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
