import type { BehaviourName } from './behaviours.js';
import { EKS_INTERFACE_PREFIX } from './cluster-interfaces.js';
import type { EksView } from './eks-view.js';
import { ec2Filters, type CallerScope } from './moto-client.js';
import type { NatGatewayClock } from './nat-gateways.js';
import { childText, items } from './xml.js';

/**
 * Dependency checks EC2 makes and moto does not. Each rule gets the request's
 * parameters and answers EC2's refusal, or undefined when
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

/** EC2's refusal: its code and message, what holds the resource, and the behaviour it belongs to (logged when it fires). */
export interface Refusal {
  code: string;
  message: string;
  holder: string;
  behaviour?: BehaviourName;
}

type Rule = (context: RuleContext, params: URLSearchParams) => Promise<Refusal | undefined>;

const dependency = (message: string, holder: string, behaviour?: BehaviourName): Refusal => ({
  code: 'DependencyViolation',
  message,
  holder,
  ...(behaviour ? { behaviour } : {}),
});

/** The network interfaces moto holds that match `filters`, with whether EKS made them (lingering-enis). */
async function networkInterfaces(
  context: RuleContext,
  filters: Record<string, string[]>,
): Promise<{ id: string; eks: boolean; description: string }[]> {
  const answer = await context.view.moto.ec2(
    context.scope,
    { Action: 'DescribeNetworkInterfaces', ...ec2Filters(filters) },
    context.authorization,
  );
  // moto keeps a NAT gateway's interface after the gateway is deleted; AWS removes it, and a live NAT gateway is checked on its own.
  const natGateways = await context.nat.describe(context.view.moto, context.scope, {}, context.authorization);
  const natInterfaces = new Set(natGateways.flatMap((g) => g.addresses.map((a) => a.networkInterfaceId)));
  return items(answer.root, 'networkInterfaceSet')
    .map((item) => ({
      id: childText(item, 'networkInterfaceId'),
      eks: childText(item, 'description').startsWith(EKS_INTERFACE_PREFIX),
      description: childText(item, 'description'),
    }))
    .filter((eni) => !natInterfaces.has(eni.id));
}

async function interfaceHolder(context: RuleContext, filters: Record<string, string[]>, message: string): Promise<Refusal | undefined> {
  const held = (await networkInterfaces(context, filters))[0];
  return held ? dependency(message, `network interface ${held.id}`, held.eks ? 'lingering-enis' : undefined) : undefined;
}

const notDeleted = (state: string): boolean => state !== 'deleted' && state !== 'failed';

const releaseAddress: Rule = async ({ view, nat, scope, authorization }, params) => {
  if (!view.behaviours.on('nat-address')) return undefined;
  const allocationId = params.get('AllocationId');
  const publicIp = params.get('PublicIp');
  const gateways = await nat.describe(view.moto, scope, {}, authorization);
  const holder = gateways.find(
    (g) =>
      notDeleted(g.state) &&
      g.addresses.some((a) => (allocationId && a.allocationId === allocationId) || (publicIp && a.publicIp === publicIp)),
  );
  if (!holder) return undefined;
  // The association belongs to the NAT gateway's own interface, so EC2 answers as if the address were not the caller's.
  return {
    code: 'AuthFailure',
    message: 'You do not have permission to access the specified resource.',
    holder: `NAT gateway ${holder.id} (${holder.state})`,
    behaviour: 'nat-address',
  };
};

const detachInternetGateway: Rule = async ({ view, nat, scope, authorization }, params) => {
  const vpcId = params.get('VpcId');
  if (!vpcId || !view.behaviours.on('nat-address')) return undefined;
  const gateways = await nat.describe(view.moto, scope, { 'vpc-id': [vpcId] }, authorization);
  const mapped = gateways.find((g) => notDeleted(g.state) && g.addresses.some((a) => a.publicIp));
  return mapped
    ? dependency(
        `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
        `NAT gateway ${mapped.id} (${mapped.state})`,
        'nat-address',
      )
    : undefined;
};

const deleteSubnet: Rule = async (context, params) => {
  const { view, nat, scope, authorization } = context;
  const subnetId = params.get('SubnetId');
  if (!subnetId) return undefined;
  const message = `The subnet '${subnetId}' has dependencies and cannot be deleted.`;
  const gateways = await nat.describe(view.moto, scope, { 'subnet-id': [subnetId] }, authorization);
  const gateway = gateways.find((g) => notDeleted(g.state));
  if (gateway) return dependency(message, `NAT gateway ${gateway.id} (${gateway.state})`);
  for (const cluster of await view.clusters(scope)) {
    if ((cluster.resourcesVpcConfig?.subnetIds ?? []).includes(subnetId)) return dependency(message, `EKS cluster ${cluster.name}`);
    for (const nodegroup of await view.nodegroups(scope, String(cluster.name))) {
      if ((nodegroup.subnets ?? []).includes(subnetId)) return dependency(message, `node group ${cluster.name}/${nodegroup.nodegroupName}`);
    }
  }
  return interfaceHolder(context, { 'subnet-id': [subnetId] }, message);
};

const deleteSecurityGroup: Rule = async (context, params) => {
  const groupId = params.get('GroupId');
  if (!groupId) return undefined;
  return interfaceHolder(context, { 'group-id': [groupId] }, `resource ${groupId} has a dependent object`);
};

const deleteVpc: Rule = async (context, params) => {
  const { view, scope, authorization } = context;
  const vpcId = params.get('VpcId');
  if (!vpcId) return undefined;
  const message = `The vpc '${vpcId}' has dependencies and cannot be deleted.`;
  const gateways = await view.moto.ec2(
    scope,
    { Action: 'DescribeInternetGateways', ...ec2Filters({ 'attachment.vpc-id': [vpcId] }) },
    authorization,
  );
  const gateway = items(gateways.root, 'internetGatewaySet')[0];
  if (gateway) return dependency(message, `internet gateway ${childText(gateway, 'internetGatewayId')}`);
  const groups = await view.moto.ec2(scope, { Action: 'DescribeSecurityGroups', ...ec2Filters({ 'vpc-id': [vpcId] }) }, authorization);
  const group = items(groups.root, 'securityGroupInfo').find((g) => childText(g, 'groupName') !== 'default');
  if (group) {
    const eks = childText(group, 'groupName').startsWith('eks-cluster-sg-');
    return dependency(message, `security group ${childText(group, 'groupId')}`, eks ? 'lingering-enis' : undefined);
  }
  return interfaceHolder(context, { 'vpc-id': [vpcId] }, message);
};

/** EKS's own interfaces are attached to the control plane's instances, so EC2 will not delete them for the caller. */
const deleteNetworkInterface: Rule = async (context, params) => {
  const id = params.get('NetworkInterfaceId');
  if (!id) return undefined;
  const eks = (await networkInterfaces(context, { 'network-interface-id': [id] })).find((eni) => eni.eks);
  // Once its cluster is gone and done lingering (or was never seen), an interface left behind may be deleted.
  const clusterName = eks?.description.slice(EKS_INTERFACE_PREFIX.length);
  const memo = clusterName === undefined ? undefined : context.view.memory.cluster(context.scope.region, clusterName);
  const held =
    clusterName !== undefined &&
    (memo ? !memo.securityGroupRemoved : (await context.view.clusterNames(context.scope)).includes(clusterName));
  return held
    ? {
        code: 'InvalidNetworkInterface.InUse',
        message: `The network interface '${id}' is currently in use.`,
        holder: 'EKS',
        behaviour: 'lingering-enis',
      }
    : undefined;
};

/** A subnet has one explicit route table: EC2 refuses a second link, where moto answers with the link the subnet has. */
const associateRouteTable: Rule = async ({ view, scope, authorization }, params) => {
  const subnetId = params.get('SubnetId');
  if (!subnetId) return undefined;
  const tables = await view.moto.ec2(
    scope,
    { Action: 'DescribeRouteTables', ...ec2Filters({ 'association.subnet-id': [subnetId] }) },
    authorization,
  );
  const link = items(tables.root, 'routeTableSet')
    .flatMap((table) => items(table, 'associationSet'))
    .find((a) => childText(a, 'subnetId') === subnetId);
  return link
    ? {
        code: 'Resource.AlreadyAssociated',
        message: `the specified association for route table ${params.get('RouteTableId') ?? ''} conflicts with an existing association`,
        holder: `route table ${childText(link, 'routeTableId')}`,
      }
    : undefined;
};

export const DEPENDENCY_RULES: Record<string, Rule> = {
  AssociateRouteTable: associateRouteTable,
  ReleaseAddress: releaseAddress,
  DetachInternetGateway: detachInternetGateway,
  DeleteSubnet: deleteSubnet,
  DeleteSecurityGroup: deleteSecurityGroup,
  DeleteVpc: deleteVpc,
  DeleteNetworkInterface: deleteNetworkInterface,
};
