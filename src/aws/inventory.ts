import type { Found } from './resources/found.js';
import type { Kind } from './resources/kinds.js';
import { linkKubernetesToAws } from './resources/kubernetes.js';
import { RESOURCES } from './resources/registry.js';
import { newScan } from './resources/scan.js';
import type { StepContext } from './types.js';

export type { Found } from './resources/found.js';

/**
 * Everything of this cluster name that exists now: what the tags say is ours,
 * joined with what the ledger recorded; and what Kubernetes or EKS made for the
 * cluster (Services and Ingresses with load balancers, security groups, network
 * interfaces in the tutor's VPC). Used by teardown and by `status`.
 */
export async function inventory(ctx: StepContext, options: { kinds?: readonly Kind[] } = {}): Promise<Found[]> {
  const types = options.kinds ? RESOURCES.filter((r) => options.kinds!.includes(r.kind)) : RESOURCES;
  const scan = newScan(ctx);
  const found = (await Promise.all(types.map((r) => r.find(scan)))).flat();
  linkKubernetesToAws(found);
  return found;
}
