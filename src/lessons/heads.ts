import { text } from '../text.js';
import type { LessonHead, LessonId } from './types.js';

/**
 * Every lesson's id, step, title and one-line summary, in the order of the menu:
 * all that the welcome screen and the lesson list show. This file loads with the
 * first frame; the pages, quizzes and commands (the lesson files, gathered in
 * index.ts) load once the menu is drawn, and each lesson file starts from its head here.
 */
export const LESSON_HEADS = {
  intro: {
    id: 'intro',
    title: text('Before you start: what eksctl hides', 'はじめに: eksctl が隠しているもの'),
    summary: text('What AWS runs, what you own, and what eksctl builds', 'AWS が運用するもの、自分で持つもの、eksctl が作るもの'),
    presenter: true,
  },
  clusterRole: {
    id: 'clusterRole',
    step: 1,
    title: text('Step 1: The cluster IAM role', 'ステップ 1: クラスター IAM ロール'),
    summary: text('Why EKS needs a service role, and its policies today', 'EKS にサービスロールが要る理由と、いま付けるポリシー'),
    presenter: true,
  },
  vpc: {
    id: 'vpc',
    step: 2,
    title: text('Step 2: The cluster VPC', 'ステップ 2: クラスター VPC'),
    summary: text('Two AZs, public and private subnets, tags, NAT costs', '2 つの AZ、パブリックとプライベート、タグ、NAT の費用'),
    presenter: true,
  },
  cluster: {
    id: 'cluster',
    step: 3,
    title: text('Step 3: The cluster', 'ステップ 3: クラスター'),
    summary: text('Parameters, endpoint, logs, auth mode, upgrade policy', 'エンドポイント、ログ、認証モード、アップグレードポリシーなど'),
    presenter: true,
  },
  kubeconfig: {
    id: 'kubeconfig',
    step: 4,
    title: text('Step 4: kubeconfig', 'ステップ 4: kubeconfig'),
    summary: text('What update-kubeconfig writes, and how get-token works', 'update-kubeconfig が書くものと、get-token の仕組み'),
    presenter: true,
  },
  nodegroup: {
    id: 'nodegroup',
    step: 5,
    title: text('Step 5: The managed node group', 'ステップ 5: マネージド型ノードグループ'),
    summary: text('The node role, the VPC CNI, and nodes becoming Ready', 'ノードロール、VPC CNI、ノードが Ready になるまで'),
    presenter: true,
  },
  'day-two-addons': {
    id: 'day-two-addons',
    title: text('Add-ons and the VPC CNI at work', 'アドオンと、動いている VPC CNI'),
    summary: text('Self-managed or EKS add-ons; pods with VPC addresses', 'セルフマネージドか EKS アドオンか、VPC アドレスの Pod'),
  },
  'day-two-workload': {
    id: 'day-two-workload',
    title: text('A first workload and the subnet tags', '最初のワークロードとサブネットのタグ'),
    summary: text('A LoadBalancer Service, and why step 2 tagged the subnets', 'LoadBalancer の Service と、ステップ 2 のタグの意味'),
  },
  'wrapup-upgrade': {
    id: 'wrapup-upgrade',
    title: text('Day two: upgrading the cluster', '運用編: クラスターのアップグレード'),
    summary: text('In place, one minor version at a time, or blue/green beside it', 'インプレースで 1 つずつか、隣に立てる Blue/Green か'),
    presenter: true,
  },
  'wrapup-access': {
    id: 'wrapup-access',
    title: text('Day two: giving more people access', '運用編: クラスターを使える人を増やす'),
    summary: text('Access entries, aws-auth, and the mode that decides', 'アクセスエントリ、aws-auth ConfigMap、そして認証モード'),
  },
  'wrapup-shared-vpc': {
    id: 'wrapup-shared-vpc',
    title: text('Day two: another cluster in the same VPC', '運用編: 既存の VPC に別のクラスターを'),
    summary: text('What a second cluster needs from a VPC that already has one', 'すでにクラスターがある VPC に 2 つ目を置くには'),
  },
  'wrapup-multi-vpc': {
    id: 'wrapup-multi-vpc',
    title: text('Day two: node groups in more than one VPC', '運用編: ノードグループを複数の VPC に'),
    summary: text('Why a cluster’s nodes stay in one VPC, and what to do instead', 'ノードが 1 つの VPC にとどまる理由と、代わりの手段'),
  },
  'wrapup-no-nat': {
    id: 'wrapup-no-nat',
    title: text('Day two: NAT is expensive', '運用編: NAT は高い'),
    summary: text(
      'What NAT gateways cost, and running with public subnets only',
      'NAT ゲートウェイの費用と、パブリックサブネットだけで動かす方法',
    ),
  },
  'wrapup-cross-account': {
    id: 'wrapup-cross-account',
    title: text('Day two: control plane and nodes in different accounts', '運用編: コントロールプレーンとノードを別アカウントに'),
    summary: text('What already crosses accounts, and shapes that work', 'すでにまたいでいるものと、使える複数アカウント構成'),
  },
  'wrapup-third-az': {
    id: 'wrapup-third-az',
    title: text('Day two: from two AZs to three', '運用編: 2 AZ から 3 AZ へ'),
    summary: text(
      'New subnets, routes, tags, and a node group to use them',
      '新しいサブネット、そのルートとタグ、それを使うノードグループ',
    ),
  },
  cleanup: {
    id: 'cleanup',
    title: text('Clean up: deleting in the right order', '後片付け: 正しい順番で削除する'),
    summary: text(
      'What goes in which order, and the leftover load balancer',
      '何をどの順番で消すのか、そして削除を阻むロードバランサーの残骸',
    ),
  },
} satisfies Record<LessonId, LessonHead>;

/** The heads in menu order: the introduction, the five steps, the day-two questions, clean-up. */
export const LESSON_MENU: readonly LessonHead[] = Object.values(LESSON_HEADS);
