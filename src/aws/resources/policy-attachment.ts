import type { KindDeclaration } from './types.js';

/** A managed policy attached to one of the tutor's roles: it goes with its role (iam-role.ts). */
export const policyAttachmentKind: KindDeclaration<'policy-attachment'> = {
  kind: 'policy-attachment',
  keys: [],
  deleteRank: 91,
  inventoried: false,
};
