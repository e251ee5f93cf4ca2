import { isOurs } from '../tags.js';
import { KEYS } from './facts.js';
import type { Found } from './found.js';
import type { ResourceType } from './types.js';

/** Step 1's cluster role, step 5's node role, and the other roles the build made (day two's viewer role). */
export const iamRoleResource: ResourceType<'iam-role'> = {
  kind: 'iam-role',
  keys: [
    { prefix: KEYS.clusterRole, step: 1 },
    { prefix: KEYS.nodeRole, step: 5 },
  ],
  deleteRank: 90,
  inventoried: true,
  async find({ ctx }) {
    const { GetRoleCommand } = await import('@aws-sdk/client-iam');
    const [{ clusterRoleSpec }, { nodeRoleSpec }] = await Promise.all([
      import('../steps/cluster-role.js'),
      import('../steps/nodegroup.js'),
    ]);
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
    await (await import('../roles.js')).destroyRole(ctx, f.key, f.id);
  },
};
