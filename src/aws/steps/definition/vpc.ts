import { elasticIpResource } from '../../resources/elastic-ip.js';
import { internetGatewayResource } from '../../resources/internet-gateway.js';
import { natGatewayResource } from '../../resources/nat-gateway.js';
import { routeTableResource } from '../../resources/route-table.js';
import { subnetResource } from '../../resources/subnet.js';
import { vpcResource } from '../../resources/vpc.js';

/** Step 2: the VPC, its subnets, gateways and route tables. */
export const VPC_STEP = {
  number: 2,
  id: 'vpc',
  kinds: [vpcResource, subnetResource, internetGatewayResource, routeTableResource, elasticIpResource, natGatewayResource],
  leftBehind: [],
  load: async () => (await import('../vpc.js')).vpcStep,
} as const;
