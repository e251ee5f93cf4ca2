/** The words both front ends use for the steps and for what happens to a resource. */
import type { EngineEvent, StepNumber } from '../aws/types.js';
import { text, type Lang, type Text } from '../text.js';

/** Each step's name, as the command line's headings, the screens and the step lessons call it. */
export const STEP_TITLES: Record<StepNumber, Text> = {
  1: text('The cluster IAM role', 'クラスター IAM ロール'),
  2: text('The cluster VPC', 'クラスター VPC'),
  3: text('The cluster', 'クラスター'),
  4: text('kubeconfig', 'kubeconfig'),
  5: text('The managed node group', 'マネージド型ノードグループ'),
};

/** "Step 3: The cluster" (ステップ 3: クラスター), as a step lesson's title reads. */
export function stepHeading(step: StepNumber): Text {
  return text(`Step ${step}: ${STEP_TITLES[step].en}`, `ステップ ${step}: ${STEP_TITLES[step].ja}`);
}

/** "Step 3/5: The cluster", the heading of a step as it runs or is planned. */
export function stepOfFive(step: StepNumber): Text {
  return text(`Step ${step}/5: ${STEP_TITLES[step].en}`, `ステップ ${step}/5: ${STEP_TITLES[step].ja}`);
}

export type Change = Extract<EngineEvent, { type: 'resource' }>['change'];

const CHANGE: Record<Change, Text> = {
  creating: text('creating', '作成中'),
  created: text('created', '作成'),
  adopted: text('already there, adopted', '既存のものを引き継ぎ'),
  deleting: text('deleting', '削除中'),
  deleted: text('deleted', '削除'),
  kept: text('kept', '保持'),
};

/** What happened to a resource, in words. */
export function changeWord(change: Change, lang: Lang): string {
  return CHANGE[change][lang];
}

/** Whether a change is finished ('+' or '-' in the log) or still under way ('…'). */
export function changeDone(change: Change): boolean {
  return change === 'created' || change === 'adopted' || change === 'deleted' || change === 'kept';
}

/** Whether a change takes the resource away. */
export function changeRemoves(change: Change): boolean {
  return change === 'deleted' || change === 'deleting';
}
