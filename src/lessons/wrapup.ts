import type { Lesson } from './types.js';
import { wrapupAccess, wrapupCrossAccount, wrapupUpgrade } from './wrapupCluster.js';
import { wrapupNoNat, wrapupThirdAz } from './wrapupNetwork.js';
import { wrapupMultiVpc, wrapupSharedVpc } from './wrapupVpc.js';

/** The seven day-two questions, in the order the menu shows them. */
export const wrapupLessons: readonly Lesson[] = [
  wrapupUpgrade,
  wrapupAccess,
  wrapupSharedVpc,
  wrapupMultiVpc,
  wrapupNoNat,
  wrapupCrossAccount,
  wrapupThirdAz,
];
