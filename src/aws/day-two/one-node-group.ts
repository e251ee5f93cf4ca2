import { NODE_ROLE_KEY, createNodegroupRequest } from '../steps/nodegroup.js';
import { tagMap, tutorTags } from '../tags.js';
import type { DayTwoContext } from './context.js';

/**
 * The CreateNodegroup request of a day-two action's extra node group: step 5's
 * request, with the node role step 5 made, one node in one subnet, and the
 * tutor's tags under its own ledger key.
 */
export function oneNodeGroupRequest(
  ctx: DayTwoContext,
  group: { key: string; name: string; subnetId: string; clientRequestToken: string; instanceType?: string },
) {
  const base = createNodegroupRequest({ config: ctx.config, ledger: ctx.ledger });
  return {
    ...base,
    nodegroupName: group.name,
    nodeRole: ctx.ledger.get(NODE_ROLE_KEY)?.id ?? base.nodeRole,
    subnets: [group.subnetId],
    ...(group.instanceType ? { instanceTypes: [group.instanceType] } : {}),
    scalingConfig: { minSize: 1, maxSize: 1, desiredSize: 1 },
    tags: tagMap(tutorTags(ctx.config.clusterName, group.key, group.name)),
    clientRequestToken: group.clientRequestToken,
  };
}
