import { ec2Filters, type CallerScope, type MotoClient } from './moto-client.js';
import type { Memory, Timeline } from './timeline.js';
import { childText, items, type XmlElement } from './xml.js';

export interface NatGatewayFacts {
  id: string;
  /** pending, available, deleting, deleted (or failed), as the learner should see it now. */
  state: string;
  subnetId: string;
  vpcId: string;
  addresses: { allocationId: string; publicIp: string; associationId: string; networkInterfaceId: string }[];
}

/**
 * NAT gateways on the sandbox's clock: moto makes them `available` at once and
 * `deleted` at once; AWS takes a minute or two each way.
 */
export class NatGatewayClock {
  constructor(
    readonly memory: Memory,
    readonly timeline: Timeline,
  ) {}

  state(region: string, id: string, motoState: string): string {
    const memo = this.memory.natGateway(region, id);
    if (!memo) return motoState;
    const lifecycle = this.timeline.lifecycle(memo, 'natGatewayCreate', 'natGatewayDelete');
    if (lifecycle === 'deleting') return 'deleting';
    if (lifecycle === 'gone') return 'deleted';
    if (lifecycle === 'creating' && motoState === 'available') return 'pending';
    return motoState;
  }

  sawCreated(scope: CallerScope, id: string): void {
    this.memory.setNatGateway({
      region: scope.region,
      id,
      accessKeyId: scope.accessKeyId,
      createdAt: this.timeline.now(),
      associationIds: [],
    });
  }

  sawDeleted(scope: CallerScope, id: string, associationIds: string[]): void {
    const memo = this.memory.natGateway(scope.region, id) ?? {
      region: scope.region,
      id,
      accessKeyId: scope.accessKeyId,
      associationIds: [],
    };
    if (memo.deletedAt !== undefined) return;
    memo.deletedAt = this.timeline.now();
    memo.associationIds = associationIds;
    this.memory.setNatGateway(memo);
  }

  /** Rewrites one `<item>` of a natGatewaySet (or a `<natGateway>`) in place; returns its new state. */
  patchItem(region: string, item: XmlElement): string {
    const id = childText(item, 'natGatewayId');
    const state = this.state(region, id, childText(item, 'state'));
    const stateElement = item.children.find((c) => c.name === 'state');
    if (stateElement) stateElement.text = state;
    const deletedAt = this.memory.natGateway(region, id)?.deletedAt;
    if ((state === 'deleting' || state === 'deleted') && deletedAt !== undefined && !item.children.some((c) => c.name === 'deleteTime')) {
      item.children.push({ name: 'deleteTime', attributes: '', children: [], text: new Date(deletedAt).toISOString() });
    }
    return state;
  }

  /** The NAT gateways moto knows matching `filters`, with their states on the sandbox's clock. */
  async describe(
    moto: MotoClient,
    scope: CallerScope,
    filters: Record<string, string[]>,
    authorization?: string,
  ): Promise<NatGatewayFacts[]> {
    const answer = await moto.ec2(scope, { Action: 'DescribeNatGateways', ...ec2Filters(filters) }, authorization);
    return items(answer.root, 'natGatewaySet').map((item) => ({
      id: childText(item, 'natGatewayId'),
      state: this.state(scope.region, childText(item, 'natGatewayId'), childText(item, 'state')),
      subnetId: childText(item, 'subnetId'),
      vpcId: childText(item, 'vpcId'),
      addresses: items(item, 'natGatewayAddressSet').map((address) => ({
        allocationId: childText(address, 'allocationId'),
        publicIp: childText(address, 'publicIp'),
        associationId: childText(address, 'associationId'),
        networkInterfaceId: childText(address, 'networkInterfaceId'),
      })),
    }));
  }
}
