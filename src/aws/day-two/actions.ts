import type { TutorConfig } from '../../config.js';
import type { LessonId } from '../../lessons/types.js';
import { text, type Text } from '../../text.js';
import { explainAwsError } from '../errors.js';
import type { DayTwoContext, Outcome } from './context.js';
import { secondClusterCost } from './second-cluster-names.js';
import { thirdAzCost } from './third-az-names.js';

/** Choices a day-two action may take from the command line; each action names the ones it accepts. */
export interface DayTwoOptions {
  /** workload: remove the elb role tag first and see a new Service stay pending. */
  withoutElbTag?: boolean;
}

/**
 * One thing to do after step 5, as both front ends offer it:
 * - `runs`: it makes calls and checks what they did with the real kubectl;
 * - `explains`: it shows the rule (or the refusal AWS gives) and builds nothing that lasts.
 */
export interface DayTwoAction {
  /** The `day-two <id>` subcommand, and the TUI's key for it. */
  id: string;
  title: Text;
  /** The lesson whose pages give the reasoning. */
  lesson: LessonId;
  /** Which of the seven day-two questions it answers, if one. */
  question?: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  kind: 'runs' | 'explains';
  /** Its command-line options, if any (`withoutElbTag` is `--without-elb-tag`). */
  options?: readonly (keyof DayTwoOptions)[];
  /** In a real account, said before it runs, and the learner asked to go ahead: what it costs. */
  asksFirst?: (config: TutorConfig) => Text;
  /** Loaded when it runs, so that neither front end loads every module at start. */
  run: (ctx: DayTwoContext, options: DayTwoOptions) => Promise<Outcome>;
}

/** The day-two actions, in the order the course takes them. */
const ACTIONS: readonly DayTwoAction[] = [
  {
    id: 'addons',
    title: text('Add-ons and the VPC CNI at work', 'アドオンと、動いている VPC CNI'),
    lesson: 'day-two-addons',
    kind: 'runs',
    run: async (ctx) => (await import('./addons.js')).addonsAction(ctx),
  },
  {
    id: 'workload',
    title: text('A first workload behind a load balancer', 'ロードバランサーの後ろに最初のワークロード'),
    lesson: 'day-two-workload',
    kind: 'runs',
    options: ['withoutElbTag'],
    run: async (ctx, options) => (await import('./workload.js')).workloadAction(ctx, options),
  },
  {
    id: 'upgrade',
    title: text('Upgrade one minor: the cluster, then the node group', '1 マイナー上げる: クラスター、次にノードグループ'),
    lesson: 'wrapup-upgrade',
    question: 1,
    kind: 'runs',
    run: async (ctx) => (await import('./upgrade.js')).upgradeAction(ctx),
  },
  {
    id: 'access',
    title: text('More people: an access entry for a second principal', '利用者を増やす: 2 人目のプリンシパルのアクセスエントリー'),
    lesson: 'wrapup-access',
    question: 2,
    kind: 'runs',
    run: async (ctx) => (await import('./access.js')).accessAction(ctx),
  },
  {
    id: 'second-cluster',
    title: text('Another cluster in the same VPC (blue/green)', '同じ VPC にもう 1 つのクラスター(Blue/Green)'),
    lesson: 'wrapup-shared-vpc',
    question: 3,
    kind: 'runs',
    asksFirst: (config) => secondClusterCost(config),
    run: async (ctx) => (await import('./second-cluster.js')).secondClusterAction(ctx),
  },
  {
    id: 'other-vpc',
    title: text('Node groups in another VPC: the refusal EKS gives', '別の VPC にノードグループ: EKS が返す拒否'),
    lesson: 'wrapup-multi-vpc',
    question: 4,
    kind: 'explains',
    run: async (ctx) => (await import('./other-vpc.js')).otherVpcAction(ctx),
  },
  {
    id: 'no-nat',
    title: text('IGW only, no NAT: nodes with public IPs, cost compared', 'IGW だけで NAT なし: パブリック IP のノードと費用の比較'),
    lesson: 'wrapup-no-nat',
    question: 5,
    kind: 'runs',
    run: async (ctx) => (await import('./no-nat.js')).noNatAction(ctx),
  },
  {
    id: 'accounts',
    title: text('Control plane and nodes in different accounts: the rule', 'コントロールプレーンとノードを別アカウントに: そのルール'),
    lesson: 'wrapup-cross-account',
    question: 6,
    kind: 'explains',
    run: async (ctx) => (await import('./accounts.js')).accountsAction(ctx),
  },
  {
    id: 'third-az',
    title: text(
      'Two AZs to three: a subnet and a node group in a third zone',
      '2 AZ から 3 AZ へ: 3 つ目の AZ にサブネットとノードグループ',
    ),
    lesson: 'wrapup-third-az',
    question: 7,
    kind: 'runs',
    asksFirst: (config) => thirdAzCost(config),
    run: async (ctx) => (await import('./third-az.js')).thirdAzAction(ctx),
  },
];

/** An action whose run rejects only with an explained TutorError, as the engine's methods do. */
function explained(action: DayTwoAction): DayTwoAction {
  return {
    ...action,
    run: (ctx, options) =>
      action.run(ctx, options).catch((error: unknown) => {
        throw explainAwsError(error);
      }),
  };
}

export const DAY_TWO_ACTIONS: readonly DayTwoAction[] = ACTIONS.map(explained);

/** The action with this id, or undefined when there is none. */
export function dayTwoAction(id: string): DayTwoAction | undefined {
  return DAY_TWO_ACTIONS.find((action) => action.id === id);
}
