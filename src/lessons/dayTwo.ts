import { text } from '../text.js';
import { DOCS } from './docs.js';
import { LESSON_HEADS } from './heads.js';
import type { Lesson, ReadMore } from './types.js';

const GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide/';
const ADDONS_DOC: ReadMore = { title: text('Amazon EKS add-ons', 'Amazon EKS アドオン'), url: `${GUIDE}eks-add-ons.html` };
const NLB_DOC: ReadMore = {
  title: text(
    'Route TCP and UDP traffic with Network Load Balancers',
    'Network Load Balancer を使用して TCP および UDP トラフィックをルーティングする',
  ),
  url: `${GUIDE}network-load-balancing.html`,
};

/** After step 5: `eks-basics-tutor day-two addons`. */
export const addonsLesson = {
  ...LESSON_HEADS['day-two-addons'],
  pages: [
    {
      title: text('What the API installed for you', 'API が入れておいたもの'),
      body: text(
        `Your cluster already runs three things in kube-system: aws-node
(the VPC CNI), kube-proxy and CoreDNS. CreateCluster installed them
because bootstrapSelfManagedAddons defaults to true.

They are self-managed add-ons: plain Kubernetes objects. EKS put them
there once and does not track, update or report on them. Upgrading
the cluster leaves them at the version they were.

Set bootstrapSelfManagedAddons to false and the cluster starts with
none: then you must install a CNI before any pod gets an address.`,
        `クラスターの kube-system では、すでに 3 つが動いています。
aws-node(VPC CNI)、kube-proxy、CoreDNS です。CreateCluster は
bootstrapSelfManagedAddons が既定で true なので、これらを入れます。

これらはセルフマネージドのアドオン、つまりただの Kubernetes
オブジェクトです。EKS は一度入れたきりで、バージョンの管理も
更新も状態の報告もしません。クラスターを上げても、そのまま
残ります。

false にするとクラスターは何もない状態で始まり、CNI を入れる
まで Pod にアドレスが付きません。`,
      ),
    },
    {
      title: text('EKS add-ons: what the console and eksctl make', 'EKS アドオン: コンソールと eksctl が作るもの'),
      body: text(
        `The console and eksctl create the same components as EKS add-ons
(CreateAddon). Then EKS knows their version, lists the versions that
fit each Kubernetes version (DescribeAddonVersions), updates them on
request (UpdateAddon) and reports their health.

day-two addons makes vpc-cni, kube-proxy, coredns and
eks-pod-identity-agent EKS add-ons. resolveConflicts OVERWRITE lets
EKS take over the objects the self-managed copies left; without it,
CreateAddon stops at the first field they disagree on.`,
        `コンソールと eksctl は同じコンポーネントを EKS アドオンとして
作ります(CreateAddon)。すると EKS がバージョンを把握し、
Kubernetes のバージョンに合うものを示し(DescribeAddonVersions)、
求めに応じて更新し(UpdateAddon)、状態を報告します。

day-two addons は vpc-cni・kube-proxy・coredns・
eks-pod-identity-agent を EKS アドオンにします。resolveConflicts
の OVERWRITE で、セルフマネージドのものが残したオブジェクトを
EKS が引き継ぎます。指定しないと、食い違う項目があった時点で
CreateAddon が止まります。`,
      ),
    },
    {
      title: text('The CNI at work', '動いている CNI'),
      body: text(
        'kubectl get pods -n kube-system -o wide, beside the node subnets:\n' +
          `- aws-node and kube-proxy: one per node, with the node's own
  address (they use the host network)
- coredns: two pods, each with its own address, taken from a node
  subnet by the VPC CNI

Every pod address is a VPC address in a node subnet: a security group
or a route table sees the pod itself. A /19 subnet holds about 8,000
addresses, shared by the nodes and all of their pods.`,
        'kubectl get pods -n kube-system -o wide をノードのサブネットと\n並べると:\n' +
          `- aws-node と kube-proxy: ノードごとに 1 つ。ノード自身の
  アドレス(ホストネットワークを使うため)
- coredns: 2 つの Pod にそれぞれのアドレス。VPC CNI がノードの
  サブネットから取ったもの

Pod のアドレスはどれもノードのサブネット内の VPC アドレスで、
セキュリティグループやルートテーブルから Pod そのものが見えます。
/19 のサブネットには約 8,000 のアドレスがあり、ノードとその
Pod すべてで分け合います。`,
      ),
    },
  ],
  hint: text(
    'Ask who keeps each component up to date: you, or EKS.',
    '各コンポーネントを最新に保つのは誰か(自分か EKS か)を考えてみてください。',
  ),
  quiz: [
    {
      question: text(
        'A cluster made with CreateCluster and the default settings runs CoreDNS. What is it?',
        '既定の設定で CreateCluster から作ったクラスターで CoreDNS が動いています。これは何ですか?',
      ),
      choices: [
        text('An EKS add-on that EKS keeps updated', 'EKS が更新し続ける EKS アドオン'),
        text('A self-managed add-on', 'セルフマネージドのアドオン'),
        text('Part of the control plane, invisible to kubectl', 'コントロールプレーンの一部で、kubectl からは見えない'),
        text('Nothing: CoreDNS must be installed by hand', '何もない。CoreDNS は手で入れる必要がある'),
      ],
      answer: 1,
      explanation: text(
        'A self-managed add-on: bootstrapSelfManagedAddons (true by default) installs it as plain Kubernetes objects that EKS does not track or update.',
        'セルフマネージドのアドオン です。bootstrapSelfManagedAddons(既定値 true)がただの Kubernetes オブジェクトとして入れ、EKS は管理も更新もしません。',
      ),
      nudge: text(
        'Think of the setting whose default installs the three components.',
        '3 つのコンポーネントを既定で入れる設定を思い出してください。',
      ),
    },
    {
      question: text(
        'CreateAddon for vpc-cni fails because the running aws-node DaemonSet has a field set differently. What lets EKS take it over?',
        'vpc-cni の CreateAddon が、動いている aws-node DaemonSet の項目の違いで失敗します。EKS に引き継がせるには?',
      ),
      choices: [
        text('Delete the cluster and create it again', 'クラスターを削除して作り直す'),
        text('Set bootstrapSelfManagedAddons to false now', 'いまから bootstrapSelfManagedAddons を false にする'),
        text('resolveConflicts OVERWRITE', 'resolveConflicts の OVERWRITE'),
      ],
      answer: 2,
      explanation: text(
        'resolveConflicts OVERWRITE: EKS replaces the conflicting fields with its own. bootstrapSelfManagedAddons only counts at creation.',
        'resolveConflicts の OVERWRITE です。食い違う項目を EKS が自分の値で置き換えます。bootstrapSelfManagedAddons は作成時にしか効きません。',
      ),
      nudge: text(
        'CreateAddon has a parameter for what to do with fields already set.',
        'CreateAddon には、すでに設定された項目の扱いを決めるパラメーターがあります。',
      ),
    },
    {
      question: text(
        'kubectl get pods -o wide shows a coredns pod at 192.168.99.20. The node subnets are 192.168.96.0/19 and 192.168.128.0/19. What gave it that address?',
        'kubectl get pods -o wide で coredns の Pod が 192.168.99.20 です。ノードのサブネットは 192.168.96.0/19 と 192.168.128.0/19。このアドレスを渡したのは?',
      ),
      choices: [
        text('The VPC CNI, from the node subnet', 'VPC CNI がノードのサブネットから'),
        text('kube-proxy, from the Service range', 'kube-proxy が Service の範囲から'),
        text('An overlay network inside the node', 'ノード内のオーバーレイネットワーク'),
        text('The NAT gateway', 'NAT ゲートウェイ'),
      ],
      answer: 0,
      explanation: text(
        'The VPC CNI, from the node subnet: 192.168.99.20 lies in 192.168.96.0/19; aws-node reserved it on an ENI of the node.',
        'VPC CNI がノードのサブネットから 渡しました。192.168.99.20 は 192.168.96.0/19 の中で、aws-node がノードの ENI に確保したものです。',
      ),
      nudge: text('Compare the address with the two ranges.', 'アドレスを 2 つの範囲と比べてみてください。'),
    },
  ],
  readMore: [ADDONS_DOC, DOCS.vpcCni],
} satisfies Lesson;

/** After the add-ons: `eks-basics-tutor day-two workload`. */
export const workloadLesson = {
  ...LESSON_HEADS['day-two-workload'],
  pages: [
    {
      title: text('Deploy and expose', 'デプロイして公開する'),
      body: text(
        `day-two workload runs what a learner types on day one:
- kubectl create deployment hello --image=public.ecr.aws/nginx/nginx
  --replicas=2
- kubectl expose deployment hello --type LoadBalancer --port 80

The AWS cloud provider in the control plane sees a Service of type
LoadBalancer and creates a classic load balancer for it. Its DNS name
becomes the Service's EXTERNAL-IP, <pending> until then.`,
        `day-two workload は、初日に打つコマンドを実行します。
- kubectl create deployment hello --image=public.ecr.aws/nginx/nginx
  --replicas=2
- kubectl expose deployment hello --type LoadBalancer --port 80

コントロールプレーンの AWS クラウドプロバイダーが LoadBalancer
タイプの Service を見つけ、クラシックロードバランサーを作ります。
その DNS 名が Service の EXTERNAL-IP になり、それまでは
<pending> と表示されます。`,
      ),
    },
    {
      title: text('Where it goes: the tags of step 2', '置き場所: ステップ 2 のタグ'),
      body: text(
        `The cloud provider needs subnets to put the load balancer in. It
takes one per zone among the subnets tagged kubernetes.io/role/elb
(kubernetes.io/role/internal-elb for an internal one). Step 2 tagged
the public subnets with the first and the private ones with the
second.

Take the tag away and a new Service stays <pending>; its events say
"could not find any suitable subnets for creating the ELB".
day-two workload --without-elb-tag shows it, then puts the tag back.`,
        `クラウドプロバイダーには、ロードバランサーを置くサブネットが
必要です。kubernetes.io/role/elb(内部向けなら
kubernetes.io/role/internal-elb)のタグが付いたサブネットから、
AZ ごとに 1 つ選びます。ステップ 2 ではパブリックサブネットに
前者、プライベートサブネットに後者を付けました。

タグを外すと新しい Service は <pending> のままで、イベントに
「could not find any suitable subnets for creating the ELB」と
出ます。day-two workload --without-elb-tag で確かめ、タグは
元に戻します。`,
      ),
    },
    {
      title: text('The teardown trap', '削除のわな'),
      body: text(
        `The load balancer bills by the hour, and Kubernetes made it, not
you. Delete the cluster first and it stays behind, with its security
group and network interfaces, and the VPC cannot be deleted.

So delete such Services while the cluster exists. eks-basics-tutor
down does it through kubectl before the node group, waits for the
load balancer to go, and afterwards looks again in the VPC.`,
        `ロードバランサーは時間単位で課金され、作ったのは自分ではなく
Kubernetes です。先にクラスターを削除すると、セキュリティ
グループやネットワークインターフェイスとともに残り、VPC を
削除できなくなります。

そのため、こうした Service はクラスターがあるうちに削除します。
eks-basics-tutor down はノードグループより先に kubectl で削除し、
ロードバランサーが消えるのを待ち、最後に VPC を見直します。`,
      ),
    },
  ],
  hint: text(
    'Ask who creates the load balancer, and how it chooses its subnets.',
    'ロードバランサーを作るのは誰か、どうやってサブネットを選ぶかを考えてみてください。',
  ),
  quiz: [
    {
      question: text(
        'A Service of type LoadBalancer stays <pending> and its event says no suitable subnets were found. What is missing?',
        'LoadBalancer タイプの Service が <pending> のままで、適したサブネットがないというイベントが出ます。足りないものは?',
      ),
      choices: [
        text('A NAT gateway in each zone', '各 AZ の NAT ゲートウェイ'),
        text('The kubernetes.io/role/elb tag on the public subnets', 'パブリックサブネットの kubernetes.io/role/elb タグ'),
        text('An Elastic IP for the Service', 'Service 用の Elastic IP'),
        text('A second node group', '2 つ目のノードグループ'),
      ],
      answer: 1,
      explanation: text(
        'The kubernetes.io/role/elb tag on the public subnets: the cloud provider only places an internet-facing load balancer in subnets with it.',
        'パブリックサブネットの kubernetes.io/role/elb タグ です。クラウドプロバイダーはインターネット向けのロードバランサーを、このタグのあるサブネットにしか置きません。',
      ),
      nudge: text('Think of how the controller finds its subnets.', 'コントローラーがサブネットを見つける方法を考えてみてください。'),
    },
    {
      question: text(
        'You delete the cluster while a LoadBalancer Service still exists. What happens to its load balancer?',
        'LoadBalancer の Service が残ったままクラスターを削除しました。そのロードバランサーは?',
      ),
      choices: [
        text('EKS deletes it with the cluster', 'EKS がクラスターと一緒に削除する'),
        text('It is moved to the default VPC', 'デフォルト VPC に移される'),
        text('It stays and keeps billing', '残って課金され続ける'),
      ],
      answer: 2,
      explanation: text(
        'It stays and keeps billing: Kubernetes made it, so nothing deletes it once the cluster is gone, and it holds the VPC.',
        '残って課金され続ける のです。作ったのは Kubernetes なので、クラスターがなくなると削除するものがなく、VPC も削除できなくなります。',
      ),
      nudge: text('Who made it, and who is left to remove it?', '作ったのは誰で、消す役は誰に残っていますか?'),
    },
  ],
  readMore: [DOCS.networkReqs, NLB_DOC],
} satisfies Lesson;
