import { GetRoleCommand } from '@aws-sdk/client-iam';
import { destroyRole } from '../roles.js';
import { clusterRoleSpec } from '../steps/cluster-role.js';
import { nodeRoleSpec } from '../steps/nodegroup.js';
import { isOurs } from '../tags.js';
import type { Found } from './found.js';
import type { ResourceType } from './types.js';

export const iamRoleResource: ResourceType = {
  kind: 'iam-role',
  async find({ ctx }) {
    const name = ctx.config.clusterName;
    const found: Found[] = [];
    for (const spec of [nodeRoleSpec(ctx.config), clusterRoleSpec(name)]) {
      const role = await ctx.clients.iam.send(new GetRoleCommand({ RoleName: spec.name })).then(
        (r) => r.Role,
        () => undefined,
      );
      if (role)
        found.push({
          key: spec.key,
          kind: 'iam-role',
          id: spec.name,
          inLedger: Boolean(ctx.ledger.get(spec.key)),
          tagged: isOurs(role.Tags, name),
        });
    }
    // Other roles the tutor made (the day-two viewer role), found by their ledger key and kept only when tagged as the tutor's.
    const known = new Set(found.map((f) => f.key).concat([nodeRoleSpec(ctx.config).key, clusterRoleSpec(name).key]));
    for (const entry of ctx.ledger.live) {
      if (entry.kind !== 'iam-role' || known.has(entry.key) || entry.key.includes('/policy/')) continue;
      const roleName = entry.id ?? entry.details?.name;
      if (!roleName) continue;
      const role = await ctx.clients.iam.send(new GetRoleCommand({ RoleName: roleName })).then(
        (r) => r.Role,
        () => undefined,
      );
      if (role) found.push({ key: entry.key, kind: 'iam-role', id: roleName, inLedger: true, tagged: isOurs(role.Tags, name) });
    }
    return found;
  },
  async destroy(ctx, f) {
    await destroyRole(ctx, f.key, f.id);
  },
};
