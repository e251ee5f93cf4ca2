import type { Behaviours } from './behaviours.js';
import type { CallerScope } from './moto-client.js';
import { ec2Error, type ProxyAnswer } from './proxy-types.js';
import type { Memory } from './timeline.js';
import { child, items, type XmlElement } from './xml.js';

/**
 * EC2's eventual consistency: for a few seconds after a create, other calls
 * may not see the new resource yet. The sandbox plays it out deterministically:
 * the first call naming a resource within its window answers the resource's
 * Invalid…ID.NotFound, and the first filtered Describe leaves it out; the next
 * call sees it.
 */

/** Creates whose new resource is missed once, and the element that carries its id. */
export const CREATED_ID: Record<string, string> = {
  CreateVpc: 'vpcId',
  CreateSubnet: 'subnetId',
  CreateInternetGateway: 'internetGatewayId',
  CreateRouteTable: 'routeTableId',
  AllocateAddress: 'allocationId',
  CreateNatGateway: 'natGatewayId',
};

/** Describe calls whose filtered answer may leave a new resource out: the set and the id element of its items. */
export const DESCRIBED_SET: Record<string, [string, string]> = {
  DescribeVpcs: ['vpcSet', 'vpcId'],
  DescribeSubnets: ['subnetSet', 'subnetId'],
  DescribeInternetGateways: ['internetGatewaySet', 'internetGatewayId'],
  DescribeRouteTables: ['routeTableSet', 'routeTableId'],
  DescribeAddresses: ['addressesSet', 'allocationId'],
  DescribeNatGateways: ['natGatewaySet', 'natGatewayId'],
};

const NOT_FOUND: [prefix: string, code: string, noun: string][] = [
  ['vpc-', 'InvalidVpcID.NotFound', 'vpc'],
  ['subnet-', 'InvalidSubnetID.NotFound', 'subnet'],
  ['igw-', 'InvalidInternetGatewayID.NotFound', 'internetGateway'],
  ['rtb-', 'InvalidRouteTableID.NotFound', 'routeTable'],
  ['eipalloc-', 'InvalidAllocationID.NotFound', 'allocation'],
  ['nat-', 'InvalidNatGatewayID.NotFound', 'natGateway'],
];

/** The code and message EC2 gives for an id it does not know (yet). */
export function notFound(action: string, id: string, param = ''): { code: string; message: string } | undefined {
  // A route's target is a "gateway" whatever its kind.
  if (param === 'GatewayId') return { code: 'InvalidGatewayID.NotFound', message: `The gateway ID '${id}' does not exist` };
  if (id.startsWith('nat-') && (action === 'DescribeNatGateways' || action === 'DeleteNatGateway')) {
    return { code: 'NatGatewayNotFound', message: `NAT gateway ${id} was not found` };
  }
  const kind = NOT_FOUND.find(([prefix]) => id.startsWith(prefix));
  return kind ? { code: kind[1], message: `The ${kind[2]} ID '${id}' does not exist` } : undefined;
}

/** The first element named `name` anywhere under `element`, depth first. */
export function findText(element: XmlElement | undefined, name: string): string {
  if (!element) return '';
  for (const c of element.children) {
    if (c.name === name) return c.text;
    const inner = findText(c, name);
    if (inner) return inner;
  }
  return '';
}

const isFilterValue = (key: string): boolean => /^Filter\.\d+\.Value\.\d+$/.test(key);
const SKIPPED = new Set(['Action', 'Version', 'ClientToken', 'DryRun']);

export class Ec2Consistency {
  constructor(
    private readonly behaviours: Behaviours,
    private readonly memory: Memory,
    private readonly now: () => number,
  ) {}

  sawCreated(scope: CallerScope, action: string, root: XmlElement | undefined): void {
    const field = CREATED_ID[action];
    const id = field ? findText(root, field) : '';
    if (id) this.memory.sawEc2Created(scope.region, id, this.now());
  }

  private unseen(scope: CallerScope, id: string): boolean {
    const fresh = this.memory.freshEc2(scope.region, id);
    return fresh !== undefined && !fresh.missed && this.behaviours.within('eventual-consistency', fresh.createdAt);
  }

  private miss(scope: CallerScope, id: string): void {
    const fresh = this.memory.freshEc2(scope.region, id);
    if (fresh) fresh.missed = true;
  }

  /** The NotFound answer for the first call naming a resource made moments ago (filters excepted: see `omitFresh`). */
  before(scope: CallerScope, action: string, params: URLSearchParams): ProxyAnswer | undefined {
    for (const [key, value] of params) {
      // A filter naming an unknown id matches nothing rather than failing; filtered answers are handled by omitFresh.
      if (SKIPPED.has(key) || /\.Name$/.test(key) || isFilterValue(key)) continue;
      if (!this.unseen(scope, value)) continue;
      const answer = notFound(action, value, key);
      if (!answer) continue;
      this.miss(scope, value);
      this.behaviours.fired('eventual-consistency', `${action} named ${value} moments after it was made`, answer.code, answer.message);
      return ec2Error(answer.code, answer.message);
    }
    return undefined;
  }

  /** Takes a new resource out of a filtered Describe answer once, as a Describe right after a create may not list it. */
  omitFresh(scope: CallerScope, action: string, params: URLSearchParams, root: XmlElement | undefined): boolean {
    const described = DESCRIBED_SET[action];
    if (!described || !root || ![...params.keys()].some((k) => k.startsWith('Filter.'))) return false;
    const [setName, idName] = described;
    const set = child(root, setName);
    if (!set) return false;
    let changed = false;
    const kept = items(root, setName).filter((item) => {
      const id = child(item, idName)?.text ?? '';
      if (!this.unseen(scope, id)) return true;
      this.miss(scope, id);
      this.behaviours.fired(
        'eventual-consistency',
        `${action} (filtered) moments after ${id} was made`,
        'left out',
        `${id} is not listed yet`,
      );
      changed = true;
      return false;
    });
    if (changed) set.children = kept;
    return changed;
  }
}
