/**
 * The AWS documentation pages the lessons point to: each title as AWS titles the
 * page in English and in Japanese, and the page's English address.
 */
import { text } from '../text.js';
import type { ReadMore } from './types.js';

const GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide/';
const page = (en: string, ja: string, file: string): ReadMore => ({ title: text(en, ja), url: `${GUIDE}${file}` });

export const DOCS = {
  getStarted: page('Get started with Amazon EKS', 'Amazon EKS の使用を開始する', 'getting-started.html'),
  getStartedConsole: page(
    'Get started with Amazon EKS – AWS Management Console and AWS CLI',
    'Amazon EKS の使用を開始する – AWS マネジメントコンソール と AWS CLI',
    'getting-started-console.html',
  ),
  autoMode: page(
    'Automate cluster infrastructure with EKS Auto Mode',
    'EKS Auto Mode を使用してクラスターインフラストラクチャを自動化する',
    'automode.html',
  ),
  clusterRole: page('Amazon EKS cluster IAM role', 'Amazon EKS クラスター の IAM ロール', 'cluster-iam-role.html'),
  serviceLinkedRole: page(
    'Using roles for Amazon EKS clusters',
    'Amazon EKS クラスターのロールの使用',
    'using-service-linked-roles-eks.html',
  ),
  managedPolicies: page(
    'AWS managed policies for Amazon Elastic Kubernetes Service',
    'Amazon Elastic Kubernetes Service の AWS 管理ポリシー',
    'security-iam-awsmanpol.html',
  ),
  networkReqs: page(
    'View Amazon EKS networking requirements for VPC and subnets',
    'VPC とサブネットの Amazon EKS ネットワーキング要件を表示する',
    'network-reqs.html',
  ),
  createVpc: page(
    'Create an Amazon VPC for your Amazon EKS cluster',
    'Amazon EKS クラスターの Amazon VPC を作成する',
    'creating-a-vpc.html',
  ),
  createCluster: page('Create an Amazon EKS cluster', 'Amazon EKS クラスターを作成する', 'create-cluster.html'),
  endpoint: page('Cluster API server endpoint', 'クラスター API サーバーエンドポイント', 'cluster-endpoint.html'),
  logging: page(
    'Send control plane logs to CloudWatch Logs',
    'コントロールプレーンログを CloudWatch Logs に送信する',
    'control-plane-logs.html',
  ),
  securityGroups: page(
    'View Amazon EKS security group requirements for clusters',
    'クラスターの Amazon EKS セキュリティグループ要件を表示する',
    'sec-group-reqs.html',
  ),
  kubeconfig: page(
    'Connect kubectl to an EKS cluster by creating a kubeconfig file',
    'kubeconfig ファイルを作成して kubectl を EKS クラスターに接続する',
    'create-kubeconfig.html',
  ),
  grantAccess: page(
    'Grant IAM users and roles access to Kubernetes APIs',
    'IAM ユーザーとロールに Kubernetes API へのアクセスを付与する',
    'grant-k8s-access.html',
  ),
  accessEntries: page(
    'Grant IAM users access to Kubernetes with EKS access entries',
    'EKS アクセスエントリを使用して Kubernetes へのアクセスを IAM ユーザーに許可する',
    'access-entries.html',
  ),
  migrateAccessEntries: page(
    'Migrating existing aws-auth ConfigMap entries to access entries',
    '既存の aws-auth ConfigMap エントリをアクセスエントリに移行する',
    'migrating-access-entries.html',
  ),
  nodeRole: page('Amazon EKS node IAM role', 'Amazon EKS ノードの IAM ロール', 'create-node-role.html'),
  createNodegroup: page(
    'Create a managed node group for your cluster',
    'クラスターのマネージド型ノードグループを作成する',
    'create-managed-node-group.html',
  ),
  vpcCni: page('Assign IPs to Pods with the Amazon VPC CNI', 'Amazon VPC CNI を使用して Pod に IP を割り当てる', 'managing-vpc-cni.html'),
  cniIrsa: page(
    'Configure Amazon VPC CNI plugin to use IRSA',
    'IRSA を使用するように Amazon VPC CNI プラグインを設定する',
    'cni-iam-role.html',
  ),
  fargate: page('Simplify compute management with AWS Fargate', 'AWS Fargate を使用してコンピューティング管理を簡素化する', 'fargate.html'),
  podExecutionRole: page('Amazon EKS Pod execution IAM role', 'Amazon EKS Pod 実行 IAM ロール', 'pod-execution-role.html'),
  updateCluster: page(
    'Update existing cluster to new Kubernetes version',
    '既存のクラスターを新しい Kubernetes バージョンに更新する',
    'update-cluster.html',
  ),
  rollback: page(
    'Roll back a cluster to a previous Kubernetes version',
    'クラスターを以前の Kubernetes バージョンにロールバックする',
    'rollback-cluster.html',
  ),
  versions: page(
    'Understand the Kubernetes version lifecycle on EKS',
    'EKS での Kubernetes バージョンのライフサイクルを理解する',
    'kubernetes-versions.html',
  ),
  deleteCluster: page('Delete a cluster', 'クラスターの削除', 'delete-cluster.html'),
} satisfies Record<string, ReadMore>;
