import { addonsLesson, workloadLesson } from './dayTwo.js';
import type { Lesson } from './types.js';
import { wrapupAccess, wrapupCrossAccount, wrapupUpgrade } from './wrapupCluster.js';
import { wrapupNoNat, wrapupThirdAz } from './wrapupNetwork.js';
import { wrapupMultiVpc, wrapupSharedVpc } from './wrapupVpc.js';

/** After step 5: the add-ons and a first workload, then the seven day-two questions, in the order the menu shows them. */
export const wrapupLessons: readonly Lesson[] = [
  addonsLesson,
  workloadLesson,
  wrapupUpgrade,
  wrapupAccess,
  wrapupSharedVpc,
  wrapupMultiVpc,
  wrapupNoNat,
  wrapupCrossAccount,
  wrapupThirdAz,
];
