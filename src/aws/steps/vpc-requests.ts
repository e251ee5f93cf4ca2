/**
 * The requests of step 2, built from the config and whatever ids are known.
 * The plan builds them with `<placeholders>`, apply with the real ids: the same
 * functions, so what the learner is shown is what is sent.
 */
import type { TutorConfig } from '../../config.js';
import { natCount, subnetCidr } from '../network.js';
import { tutorTags } from '../tags.js';

export type Tier = 'public' | 'private';

export const VPC_KEY = 'vpc';
export const IGW_KEY = 'igw';
export const PUBLIC_RTB_KEY = 'rtb/public';
export const subnetKey = (tier: Tier, index: number) => `subnet/${tier}/${index}`;
export const privateRtbKey = (index: number) => `rtb/private/${index}`;
export const eipKey = (index: number) => `eip/${index}`;
export const natKey = (index: number) => `nat/${index}`;

/** The tag that tells the AWS Load Balancer Controller which subnets take which load balancers. */
export const ELB_TAG = { public: 'kubernetes.io/role/elb', private: 'kubernetes.io/role/internal-elb' } as const;

const azLetter = (az: string) => az.slice(-1);

export function createVpcRequest(config: TutorConfig) {
  const name = `${config.clusterName}-vpc`;
  return {
    CidrBlock: config.vpcCidr,
    TagSpecifications: [{ ResourceType: 'vpc' as const, Tags: tutorTags(config.clusterName, VPC_KEY, name) }],
  };
}

export function enableDnsHostnamesRequest(vpcId: string) {
  return { VpcId: vpcId, EnableDnsHostnames: { Value: true } };
}

export function createInternetGatewayRequest(config: TutorConfig) {
  return {
    TagSpecifications: [
      { ResourceType: 'internet-gateway' as const, Tags: tutorTags(config.clusterName, IGW_KEY, `${config.clusterName}-igw`) },
    ],
  };
}

export function attachInternetGatewayRequest(vpcId: string, igwId: string) {
  return { VpcId: vpcId, InternetGatewayId: igwId };
}

export function createSubnetRequest(config: TutorConfig, vpcId: string, tier: Tier, index: number, az: string) {
  const key = subnetKey(tier, index);
  return {
    VpcId: vpcId,
    CidrBlock: subnetCidr(config.vpcCidr, tier, index),
    AvailabilityZone: az,
    TagSpecifications: [
      {
        ResourceType: 'subnet' as const,
        Tags: [...tutorTags(config.clusterName, key, `${config.clusterName}-${tier}-${azLetter(az)}`), { Key: ELB_TAG[tier], Value: '1' }],
      },
    ],
  };
}

export function mapPublicIpRequest(subnetId: string) {
  return { SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } };
}

export function createRouteTableRequest(config: TutorConfig, vpcId: string, key: string, name: string) {
  return {
    VpcId: vpcId,
    TagSpecifications: [{ ResourceType: 'route-table' as const, Tags: tutorTags(config.clusterName, key, name) }],
  };
}

export function defaultRouteRequest(routeTableId: string, target: { GatewayId: string } | { NatGatewayId: string }) {
  return { RouteTableId: routeTableId, DestinationCidrBlock: '0.0.0.0/0', ...target };
}

export function associateRouteTableRequest(routeTableId: string, subnetId: string) {
  return { RouteTableId: routeTableId, SubnetId: subnetId };
}

export function allocateAddressRequest(config: TutorConfig, index: number) {
  return {
    Domain: 'vpc' as const,
    TagSpecifications: [
      { ResourceType: 'elastic-ip' as const, Tags: tutorTags(config.clusterName, eipKey(index), `${config.clusterName}-nat-eip-${index}`) },
    ],
  };
}

export function createNatGatewayRequest(config: TutorConfig, subnetId: string, allocationId: string, index: number, clientToken: string) {
  return {
    SubnetId: subnetId,
    AllocationId: allocationId,
    ConnectivityType: 'public' as const,
    ClientToken: clientToken,
    TagSpecifications: [
      { ResourceType: 'natgateway' as const, Tags: tutorTags(config.clusterName, natKey(index), `${config.clusterName}-nat-${index}`) },
    ],
  };
}

/** Which NAT gateway the private route table of an AZ sends its outbound traffic to. */
export function natForAz(config: TutorConfig, azIndex: number): number | undefined {
  const count = natCount(config);
  if (count === 0) return undefined;
  return count === 1 ? 0 : azIndex;
}
