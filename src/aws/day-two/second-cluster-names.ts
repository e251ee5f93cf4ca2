import type { TutorConfig } from '../../config.js';
import { text, type Text } from '../../text.js';
import { clusterHour, formatUsd } from '../cost.js';

/**
 * The names and the price of question 3's second cluster, kept apart from its
 * module so that the resource registry and the table of actions can use them
 * without loading the action.
 */

/** Ledger keys: the second cluster and its kubeconfig entry (no step makes them, so no step's prefix). */
export const SECOND_CLUSTER_KEY = 'green/cluster';
export const SECOND_KUBECONFIG_KEY = 'green/kubeconfig';

const EKS_NAME_MAX = 100;
const SUFFIX = '-green';

/** `<name>-green`, within EKS's 100 characters. */
export function secondClusterName(clusterName: string): string {
  return `${clusterName.slice(0, EKS_NAME_MAX - SUFFIX.length)}${SUFFIX}`;
}

/** What the second cluster costs, said before it is made (the CLI asks in a real account). */
export function secondClusterCost(config: Pick<TutorConfig, 'clusterName'>): Text {
  const hour = formatUsd(clusterHour());
  const name = secondClusterName(config.clusterName);
  return text(
    `This makes a second EKS control plane, ${name}: about ${hour}/hour while it exists (list price, an estimate), with no nodes. down removes it with the rest.`,
    `2 つ目の EKS コントロールプレーン ${name} を作ります。存在する間は 1 時間あたり約 ${hour}(定価による見積もり)で、ノードはありません。down で他と一緒に削除します。`,
  );
}
