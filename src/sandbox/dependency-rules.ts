import type { EksView } from './eks-view.js';
import { ec2Filters, type CallerScope } from './moto-client.js';
import type { NatGatewayClock } from './nat-gateways.js';
import { childText, items } from './xml.js';

/**
 * Dependency checks EC2 makes and moto does not. Each rule gets the request's
 * parameters and answers the DependencyViolation message, or undefined when
 * the call may go ahead. Facts come from moto and from the sandbox's memory of
 * things still being deleted.
 */
export interface RuleContext {
  view: EksView;
  nat: NatGatewayClock;
  scope: CallerScope;
  /** The caller's own Authorization header, so the questions are asked in the same account. */
  authorization: string;
}

type Rule = (context: RuleContext, params: URLSearchParams) => Promise<string | undefined>;

const notDeleted = (state: string): boolean => state !== 'deleted' && state !== 'failed';

const releaseAddress: Rule = async ({ view, nat, scope, authorization }, params) => {
  const allocationId = params.get('AllocationId');
  const publicIp = params.get('PublicIp');
  const gateways = await nat.describe(view.moto, scope, {}, authorization);
  const holder = gateways.find(
    (g) =>
      notDeleted(g.state) &&
      g.addresses.some((a) => (allocationId && a.allocationId === allocationId) || (publicIp && a.publicIp === publicIp)),
  );
  if (!holder) return undefined;
  const what = allocationId ? `allocation id [${allocationId}]` : `public IP [${publicIp}]`;
  return `The address with ${what} is still mapped to NAT gateway '${holder.id}' (${holder.state}); it cannot be released until the NAT gateway is deleted.`;
};

const detachInternetGateway: Rule = async ({ view, nat, scope, authorization }, params) => {
  const vpcId = params.get('VpcId');
  if (!vpcId) return undefined;
  const gateways = await nat.describe(view.moto, scope, { 'vpc-id': [vpcId] }, authorization);
  const mapped = gateways.some((g) => notDeleted(g.state) && g.addresses.some((a) => a.publicIp));
  return mapped
    ? `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`
    : undefined;
};

const deleteSubnet: Rule = async ({ view, nat, scope, authorization }, params) => {
  const subnetId = params.get('SubnetId');
  if (!subnetId) return undefined;
  const message = `The subnet '${subnetId}' has dependencies and cannot be deleted.`;
  const gateways = await nat.describe(view.moto, scope, { 'subnet-id': [subnetId] }, authorization);
  if (gateways.some((g) => notDeleted(g.state))) return message;
  for (const cluster of await view.clusters(scope)) {
    if ((cluster.resourcesVpcConfig?.subnetIds ?? []).includes(subnetId)) return message;
    for (const nodegroup of await view.nodegroups(scope, String(cluster.name))) {
      if ((nodegroup.subnets ?? []).includes(subnetId)) return message;
    }
  }
  return undefined;
};

const deleteVpc: Rule = async ({ view, scope, authorization }, params) => {
  const vpcId = params.get('VpcId');
  if (!vpcId) return undefined;
  const message = `The vpc '${vpcId}' has dependencies and cannot be deleted.`;
  const gateways = await view.moto.ec2(
    scope,
    { Action: 'DescribeInternetGateways', ...ec2Filters({ 'attachment.vpc-id': [vpcId] }) },
    authorization,
  );
  if (items(gateways.root, 'internetGatewaySet').length > 0) return message;
  const groups = await view.moto.ec2(scope, { Action: 'DescribeSecurityGroups', ...ec2Filters({ 'vpc-id': [vpcId] }) }, authorization);
  if (items(groups.root, 'securityGroupInfo').some((g) => childText(g, 'groupName') !== 'default')) return message;
  return undefined;
};

export const DEPENDENCY_RULES: Record<string, Rule> = {
  ReleaseAddress: releaseAddress,
  DetachInternetGateway: detachInternetGateway,
  DeleteSubnet: deleteSubnet,
  DeleteVpc: deleteVpc,
};
