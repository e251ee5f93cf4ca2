import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson } from './types.js';

export const kubeconfig = {
  ...LESSON_HEADS.kubeconfig,
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
(--alias gives the context a shorter name). The live panel shows the
entries the tutor wrote.`,
        `aws eks update-kubeconfig --name <cluster> --region <region> は
DescribeCluster を呼び、kubeconfig に 3 つのエントリを追加します。
- cluster: エンドポイントと certificateAuthority.data
- user: 認証情報は aws eks get-token の実行結果から得る
- context: 上の 2 つを結び、current-context に設定される

名前はどれもクラスター ARN で、たとえば次のような形です。
arn:aws:eks:ap-northeast-1:111122223333:cluster/demo
--alias でコンテキストに短い名前を付けられます。ライブ表示に、
チューターが書き込んだエントリを表示しています。`,
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
      diagram: 'auth-path',
    },
    {
      title: text('How get-token proves who you are', 'get-token はどう本人を証明するのか'),
      presenter: true,
      body: text(
        `aws eks get-token never calls EKS. With the credentials you hold, it
presigns an STS GetCallerIdentity request, signing in the header
x-k8s-aws-id: <cluster>, and prints a token: k8s-aws-v1. and the
base64url of that URL. Getting the credentials may call AWS first:
an SSO or assume-role profile does, and that is where an expired SSO
session shows up.

The API server hands the token to EKS's authenticator, which calls
that URL. STS answers with your IAM ARN, and EKS maps it to Kubernetes
permissions (access entries or aws-auth). The signed header keeps a
token for one cluster from opening another; it lasts about 15 minutes.
The live panel decodes a real one.`,
        `aws eks get-token は EKS を呼びません。手元の認証情報で
STS GetCallerIdentity のリクエストに事前署名し（ヘッダー
x-k8s-aws-id: <cluster> も署名対象）、その URL を base64url にして
k8s-aws-v1. を前に付けたトークンを出力します。ただし認証情報の取得には
AWS を呼ぶことがあります。SSO やロールを引き受けるプロファイルが
そうで、SSO セッションの期限切れはここで表面化します。

API サーバーはトークンを EKS の認証機構に渡し、認証機構がその URL を
呼びます。STS が IAM ARN を返し、EKS はそれを Kubernetes の権限
（アクセスエントリまたは aws-auth）に対応付けます。署名済みヘッダーに
より、あるクラスター用のトークンは他では使えません。有効期間は
約 15 分です。ライブ表示で実物をデコードしています。`,
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
AWS がご自身のアカウントの外で動かしているからです。`,
      ),
    },
  ],
  hint: text(
    'kubeconfig holds no password for EKS: the user entry runs aws eks get-token, so whoever your AWS credentials say you are is who Kubernetes sees.',
    'EKS 用の kubeconfig にパスワードはありません。user エントリが aws eks get-token を実行するので、AWS の認証情報が表す IAM プリンシパルが、そのまま Kubernetes から見た利用者になります。',
  ),
  quiz: [
    {
      question: text(
        'Your profile signs in through IAM Identity Center (SSO). kubectl get nodes fails because aws eks get-token reports that the SSO session has expired. What happened?',
        'プロファイルは IAM Identity Center（SSO）でサインインします。kubectl get nodes が失敗し、aws eks get-token が SSO セッションの期限切れを報告しています。何が起きましたか。',
      ),
      choices: [
        text('The access entry of your role was deleted', 'ロールのアクセスエントリが削除された'),
        text('EKS refused a token older than 15 minutes', '15 分を過ぎたトークンを EKS が拒否した'),
        text('get-token could not get credentials to sign with', 'get-token が署名に使う認証情報を取得できなかった'),
        text('kubectl is more than one minor version behind', 'kubectl が 1 マイナーバージョン以上古い'),
      ],
      answer: 2,
      explanation: text(
        'get-token could not get credentials to sign with. The token is presigned locally, but an SSO or assume-role profile first fetches credentials from AWS; with the session expired that step fails before any token exists. aws sso login fixes it.',
        'get-token が署名に使う認証情報を取得できなかったからです。トークンの事前署名は手元で行いますが、SSO やロールを引き受けるプロファイルは、まず AWS から認証情報を取得します。セッションが切れているとトークンを作る前に失敗します。aws sso login で解決します。',
      ),
      nudge: text(
        'Signing happens on your machine, but it needs something first; ask where an SSO profile gets it.',
        '署名は手元で行われますが、その前に必要なものがあります。SSO プロファイルはそれをどこから得るのでしょう。',
      ),
    },
    {
      question: text(
        'kubectl prints: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1". The kubeconfig was written by following a 2020 guide. What fixes it?',
        'kubectl が exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1" と表示します。kubeconfig は 2020 年のガイドに沿って書いたものです。どう直しますか。',
      ),
      choices: [
        text('A current AWS CLI, then update-kubeconfig again', '新しい AWS CLI にして update-kubeconfig をやり直す'),
        text('Downgrade kubectl below 1.24 and keep the entry', 'kubectl を 1.24 より前に戻し、エントリはそのままにする'),
        text('Create an access entry for the IAM role you use', '使っている IAM ロールのアクセスエントリを作る'),
        text('Turn on the private endpoint so kubectl can reach it', 'kubectl が届くようにプライベートエンドポイントを有効にする'),
      ],
      answer: 0,
      explanation: text(
        'A current AWS CLI, then update-kubeconfig again: it rewrites the user entry with client.authentication.k8s.io/v1beta1. kubectl 1.24 removed v1alpha1; going back to an old kubectl only postpones the problem.',
        '新しい AWS CLI にして update-kubeconfig をやり直す、が正解です。user エントリが client.authentication.k8s.io/v1beta1 で書き直されます。kubectl 1.24 で v1alpha1 は削除されており、古い kubectl に戻しても問題を先送りするだけです。',
      ),
      nudge: text(
        'The message is about the format of the user entry, not about access; think about what wrote that entry.',
        'メッセージが指しているのはアクセス権ではなく user エントリの形式です。そのエントリを書いたものは何かを考えましょう。',
      ),
    },
    {
      question: text(
        'After step 4, kubectl get nodes prints "No resources found". Why?',
        'ステップ 4 の後、kubectl get nodes が "No resources found" を返します。なぜですか。',
      ),
      choices: [
        text('The token was made for another cluster', 'トークンが別のクラスター用に作られた'),
        text('No node exists yet', 'ノードがまだ 1 台もない'),
        text('EKS hides its nodes from kubectl', 'EKS がノードを kubectl から隠している'),
      ],
      answer: 1,
      explanation: text(
        'No node exists yet: nodes come with the node group in step 5. A token for another cluster would give an Unauthorized error instead.',
        'ノードがまだ 1 台もないからです。ノードはステップ 5 のノードグループで作られます。別のクラスター用のトークンなら Unauthorized エラーになります。',
      ),
      nudge: text(
        'kubectl got an answer, so signing in worked; recall which step brings the machines that register themselves.',
        'kubectl は応答を得ているので、認証は成功しています。自分を登録するマシンが現れるのはどのステップかを思い出しましょう。',
      ),
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
