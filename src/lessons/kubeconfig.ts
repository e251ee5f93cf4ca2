import { text } from '../text.js';
import { DOCS } from './docs.js';
import type { Lesson } from './types.js';

export const kubeconfig = {
  id: 'kubeconfig',
  step: 4,
  title: text('Step 4: kubeconfig', 'ステップ 4: kubeconfig'),
  summary: text(
    'What update-kubeconfig writes, and how get-token works',
    'update-kubeconfig が書くものと、get-token の仕組み',
  ),
  pages: [
    {
      title: text('Three lists and a pointer', '3 つのリストと 1 つのポインタ'),
      body: text(
        `kubectl reads ~/.kube/config, or the files listed in $KUBECONFIG:
- clusters: where an API server is (its URL) and which certificate
  authority to trust
- users: how to prove who you are: a token, a client certificate, or
  a command that prints a token
- contexts: named pairs of one cluster and one user (and optionally a
  default namespace)
- current-context: the context kubectl uses when you name none

None of this is specific to EKS. EKS only fills the entries in.`,
        `kubectl は ~/.kube/config（または $KUBECONFIG に並べたファイル）を
読みます。
- clusters: API サーバーの場所（URL）と、信頼する認証局
- users: 本人の証明方法。トークン、クライアント証明書、または
  トークンを出力するコマンド
- contexts: クラスター 1 つとユーザー 1 つの名前付きの組み合わせ
  （既定の名前空間も指定可）
- current-context: 指定がないときに kubectl が使うコンテキスト

どれも EKS 固有のものではありません。EKS は中身を埋めるだけです。`,
      ),
    },
    {
      title: text('What update-kubeconfig writes', 'update-kubeconfig が書き込むもの'),
      body: text(
        `aws eks update-kubeconfig --name <cluster> --region <region> calls
DescribeCluster and merges three entries into your kubeconfig:
- a cluster: the endpoint and certificateAuthority.data
- a user: its credentials come from running aws eks get-token
- a context joining the two, which becomes the current-context

All three are named by the cluster ARN, for example
arn:aws:eks:ap-northeast-1:111122223333:cluster/demo
(--alias gives the context a shorter name). The panel shows the
entries the tutor wrote.`,
        `aws eks update-kubeconfig --name <cluster> --region <region> は
DescribeCluster を呼び、kubeconfig に 3 つのエントリを追加します。
- cluster: エンドポイントと certificateAuthority.data
- user: 認証情報は aws eks get-token の実行結果から得る
- context: 上の 2 つを結び、current-context に設定される

名前はどれもクラスター ARN で、たとえば
arn:aws:eks:ap-northeast-1:111122223333:cluster/demo
になります（--alias でコンテキストに短い名前を付けられます）。
右側に、チューターが書き込んだエントリを表示しています。`,
      ),
      live: 'kubeconfig',
    },
    {
      title: text('The exec plugin', 'exec プラグイン'),
      body: text(
        `The user entry holds no secret. It tells kubectl to run a command:

  exec:
    apiVersion: client.authentication.k8s.io/v1beta1
    command: aws
    args: [--region, <region>, eks, get-token,
           --cluster-name, <cluster>, --output, json]

and, if you used a named profile, env AWS_PROFILE. Guides from 2020
show client.authentication.k8s.io/v1alpha1: kubectl 1.24 removed that
version, so such old entries fail until update-kubeconfig rewrites
them.`,
        `user エントリに秘密情報はありません。kubectl に実行させるコマンドが
書いてあるだけです。

  exec:
    apiVersion: client.authentication.k8s.io/v1beta1
    command: aws
    args: [--region, <region>, eks, get-token,
           --cluster-name, <cluster>, --output, json]

プロファイルを使った場合は env に AWS_PROFILE も入ります。
2020 年頃のガイドにある v1alpha1 は kubectl 1.24 で削除されたため、
古いエントリは update-kubeconfig で書き直すまでエラーになります。`,
      ),
    },
    {
      title: text('How get-token proves who you are', 'get-token はどう本人を証明するのか'),
      body: text(
        `aws eks get-token never calls EKS, and works offline. It presigns an
STS GetCallerIdentity request with your credentials, signing in the
header x-k8s-aws-id: <cluster>, and prints an ExecCredential whose
token is k8s-aws-v1. followed by the base64url of the presigned URL.

The API server hands the token to EKS's authenticator, which calls
that URL. STS answers with your IAM ARN, and EKS maps the ARN to
Kubernetes permissions (access entries or aws-auth). The signed
header keeps a token for one cluster from opening another, and the
token is good for about 15 minutes. The panel decodes a real one.`,
        `aws eks get-token は EKS を呼ばず、オフラインでも動きます。
認証情報で STS GetCallerIdentity のリクエストに事前署名し
（ヘッダー x-k8s-aws-id: <cluster> も署名対象）、署名付き URL を
base64url にして k8s-aws-v1. を前に付けたトークンを、
ExecCredential として出力します。

API サーバーはトークンを EKS の認証機構に渡し、認証機構がその
URL を呼びます。STS が IAM ARN を返し、EKS はその ARN を
Kubernetes の権限（アクセスエントリまたは aws-auth）に対応付けます。
署名済みヘッダーのおかげで、あるクラスター用のトークンは他の
クラスターでは使えません。有効期間は約 15 分。右側で実物をデコード
しています。`,
      ),
      live: 'token',
    },
    {
      title: text('First contact', '初めての接続'),
      body: text(
        `$ kubectl get svc
NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.100.0.1   <none>        443/TCP   5m
$ kubectl get nodes
No resources found

The kubernetes Service stands for the API server itself and exists
as soon as the control plane does. Nodes are EC2 instances that
register themselves when they boot, and there are none until step 5.
The control plane's own machines never show up as nodes: AWS runs
them outside your account.`,
        `$ kubectl get svc
NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.100.0.1   <none>        443/TCP   5m
$ kubectl get nodes
No resources found

kubernetes という Service は API サーバー自身を表すもので、
コントロールプレーンができた時点で存在します。ノードは起動時に
自分を登録する EC2 インスタンスで、ステップ 5 までは 1 台もありません。
コントロールプレーンのマシンがノードとして現れることもありません。
AWS があなたのアカウントの外で動かしているからです。`,
      ),
    },
  ],
  hint: text(
    'kubeconfig holds no password for EKS: the user entry runs aws eks get-token, so whoever your AWS credentials say you are is who Kubernetes sees.',
    'EKS 用の kubeconfig にパスワードはありません。user エントリが aws eks get-token を実行するので、AWS の認証情報が示す人物が、そのまま Kubernetes から見たあなたです。',
  ),
  quiz: [
    {
      question: text('What does aws eks get-token need the network for?', 'aws eks get-token はネットワークを何に使いますか。'),
      choices: [text('Calling EKS', 'EKS の呼び出し'), text('Calling STS', 'STS の呼び出し'), text('Nothing', '何にも使わない')],
      answer: 2,
      explanation: text(
        'Nothing: it only presigns an STS GetCallerIdentity URL. The EKS authenticator calls STS later, when the API server receives the token.',
        '何にも使わない、が正解です。STS GetCallerIdentity の URL に事前署名するだけで、STS を呼ぶのはトークンを受け取った API サーバー側の EKS 認証機構です。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'Which exec plugin apiVersion does update-kubeconfig write today?',
        'いまの update-kubeconfig が書く exec プラグインの apiVersion はどれですか。',
      ),
      choices: [text('v1alpha1', 'v1alpha1'), text('v1beta1', 'v1beta1')],
      answer: 1,
      explanation: text(
        'v1beta1 (client.authentication.k8s.io/v1beta1). v1alpha1, seen in guides from 2020, was removed in kubectl 1.24.',
        'v1beta1（client.authentication.k8s.io/v1beta1）です。2020 年頃のガイドにある v1alpha1 は kubectl 1.24 で削除されました。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
    {
      question: text(
        'After step 4, kubectl get nodes prints "No resources found". Why?',
        'ステップ 4 の後、kubectl get nodes が "No resources found" を返します。なぜですか。',
      ),
      choices: [
        text('No nodes exist yet', 'ノードがまだない'),
        text('The token is wrong', 'トークンが誤っている'),
        text('EKS hides the nodes', 'EKS がノードを隠している'),
      ],
      answer: 0,
      explanation: text(
        'No nodes exist yet: nodes come with the node group in step 5. A wrong token would give an Unauthorized error instead.',
        'ノードがまだないからです。ノードはステップ 5 のノードグループで作られます。トークンが誤っていれば Unauthorized エラーになります。',
      ),
      nudge: text('Think back to the pages of this lesson.', 'このレッスンのページを思い出しましょう。'),
    },
  ],
  readMore: [DOCS.kubeconfig, DOCS.grantAccess],
  commands: [
    {
      cli: 'aws eks update-kubeconfig --name {cluster} --region {region} --dry-run',
      what: text(
        'Prints the kubeconfig update-kubeconfig would write, without writing it.',
        'update-kubeconfig が書き込む内容を、書き込まずに表示します。',
      ),
    },
    {
      cli: 'aws eks get-token --cluster-name {cluster} --region {region}',
      what: text(
        'A fresh ExecCredential: the token kubectl sends, made offline.',
        '新しい ExecCredential。kubectl が送るトークンを、オフラインで生成します。',
      ),
    },
  ],
} satisfies Lesson;
