import {
  AllocateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteNatGatewayCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  ReleaseAddressCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ManualClock, MINUTES, outcome, sandboxClients, useSandbox } from '../support/sandbox.js';

// Real time on a clock the tests move by hand.
const clock = new ManualClock();
const lines: string[] = [];
const run = useSandbox({ timeScale: 1, now: clock.now, log: (line) => lines.push(line) });
const SECONDS = 1000;

/** A VPC and one subnet, with time to settle after each. */
async function settledSubnet(ec2: EC2Client, cidr = '10.1.0.0/16', subnetCidr = '10.1.0.0/24') {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }));
  clock.advance(MINUTES);
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: subnetCidr, AvailabilityZone: 'us-east-1a' }));
  clock.advance(MINUTES);
  return { vpcId: vpc.Vpc!.VpcId!, subnetId: subnet.Subnet!.SubnetId! };
}

describe('eventual consistency', () => {
  it('answers the first call naming a resource made moments ago with its NotFound, the next one normally', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
    const vpcId = vpc.Vpc!.VpcId!;
    const createSubnet = () =>
      ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.2.0.0/24', AvailabilityZone: 'us-east-1a' }));

    expect(await outcome(createSubnet())).toBe(`InvalidVpcID.NotFound: The vpc ID '${vpcId}' does not exist`);
    expect(lines.at(-1)).toBe(
      `sandbox: eventual-consistency: CreateSubnet named ${vpcId} moments after it was made: InvalidVpcID.NotFound: The vpc ID '${vpcId}' does not exist`,
    );
    const subnet = await createSubnet();
    const subnetId = subnet.Subnet!.SubnetId!;

    // A Describe filtered by id leaves the new subnet out once.
    const describe = () => ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: [subnetId] }] }));
    expect((await describe()).Subnets).toEqual([]);
    expect((await describe()).Subnets?.map((s) => s.SubnetId)).toEqual([subnetId]);

    const igw = await ec2.send(new CreateInternetGatewayCommand({}));
    const igwId = igw.InternetGateway!.InternetGatewayId!;
    const attach = () => ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    expect(await outcome(attach())).toBe(`InvalidInternetGatewayID.NotFound: The internetGateway ID '${igwId}' does not exist`);
    expect(await outcome(attach())).toBe('ok');

    const table = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
    const tableId = table.RouteTable!.RouteTableId!;
    expect(await outcome(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [tableId] })))).toBe(
      `InvalidRouteTableID.NotFound: The routeTable ID '${tableId}' does not exist`,
    );
    const other = await ec2.send(new CreateInternetGatewayCommand({}));
    const otherId = other.InternetGateway!.InternetGatewayId!;
    const route = ec2.send(new CreateRouteCommand({ RouteTableId: tableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: otherId }));
    expect(await outcome(route)).toBe(`InvalidGatewayID.NotFound: The gateway ID '${otherId}' does not exist`);
  });

  it('misses nothing once its window has passed', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' }));
    clock.advance(6 * SECONDS);
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.3.0.0/24', AvailabilityZone: 'us-east-1a' }),
    );
    clock.advance(6 * SECONDS);
    const found = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: [subnet.Subnet!.SubnetId!] }] }));
    expect(found.Subnets).toHaveLength(1);
  });

  it('does not know a new NAT gateway or Elastic IP at once', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const { subnetId } = await settledSubnet(ec2, '10.4.0.0/16', '10.4.0.0/24');
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const allocationId = eip.AllocationId!;
    const createNat = () => ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: allocationId }));
    expect(await outcome(createNat())).toBe(`InvalidAllocationID.NotFound: The allocation ID '${allocationId}' does not exist`);
    const nat = await createNat();
    const natId = nat.NatGateway!.NatGatewayId!;
    const describe = () => ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [natId] }));
    expect(await outcome(describe())).toBe(`NatGatewayNotFound: NAT gateway ${natId} was not found`);
    expect((await describe()).NatGateways?.[0]?.State).toBe('pending');
  });
});

describe('client tokens', () => {
  it('make nothing new for the same request, and refuse the same token with other parameters', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const { vpcId, subnetId } = await settledSubnet(ec2, '10.5.0.0/16', '10.5.0.0/24');
    const other = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.5.1.0/24', AvailabilityZone: 'us-east-1b' }));
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    clock.advance(MINUTES);
    const token = 'tutor-nat-0001';
    const first = await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.AllocationId, ClientToken: token }));
    const again = await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.AllocationId, ClientToken: token }));
    expect(again.NatGateway?.NatGatewayId).toBe(first.NatGateway?.NatGatewayId);
    clock.advance(MINUTES);
    const listed = await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [vpcId] }] }));
    expect(listed.NatGateways?.map((g) => g.NatGatewayId)).toEqual([first.NatGateway?.NatGatewayId]);

    const mismatch = ec2.send(
      new CreateNatGatewayCommand({ SubnetId: other.Subnet!.SubnetId!, AllocationId: eip.AllocationId, ClientToken: token }),
    );
    expect(await outcome(mismatch)).toBe(
      'IdempotentParameterMismatch: Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
    );
    expect(lines.at(-1)).toMatch(
      /^sandbox: idempotency: CreateNatGateway reused client token tutor-nat-0001 with other parameters: IdempotentParameterMismatch/,
    );
  });
});

describe('NAT gateway and its address', () => {
  it('answers AuthFailure for releasing an address still mapped to a NAT gateway that is deleting, and logs it', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const { subnetId } = await settledSubnet(ec2, '10.6.0.0/16', '10.6.0.0/24');
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    clock.advance(MINUTES);
    const nat = await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.AllocationId }));
    clock.advance(2 * MINUTES);
    const natId = nat.NatGateway!.NatGatewayId!;
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: natId }));
    const release = () => ec2.send(new ReleaseAddressCommand({ AllocationId: eip.AllocationId }));
    expect(await outcome(release())).toBe('AuthFailure: You do not have permission to access the specified resource.');
    expect(lines.at(-1)).toBe(
      `sandbox: nat-address: ReleaseAddress refused: held by NAT gateway ${natId} (deleting): AuthFailure: You do not have permission to access the specified resource.`,
    );
    clock.advance(2 * MINUTES);
    expect(await outcome(release())).toBe('ok');
  });
});
