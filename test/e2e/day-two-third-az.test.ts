import { DescribeRouteTablesCommand, DescribeSubnetsCommand, DisassociateRouteTableCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../src/aws/day-two/context.js';
import { census } from '../support/census.js';
import { learnerKubectl, sandboxMoto, type SandboxMoto } from '../support/learner-tools.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

/** Question 7 (and 6) after `up` in the sandbox with the default single NAT: checked with the real kubectl and against moto. */

const learners = useLearners();
let learner: Learner;
let moto: SandboxMoto;
const NAME = 'eks-basics-tutor';

const kubectl = (args: string[]) => learnerKubectl(learner, args);

const tagsOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

describe('day-two third-az in the sandbox', () => {
  it(
    'a private subnet in a zone the build does not use, routed to the NAT gateway, and a node group whose node kubectl sees in that zone',
    { timeout: 360_000 },
    async () => {
      learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
      expect(up.exitCode, up.stderr).toBe(0);
      moto = await sandboxMoto(learner);
      const zonesBefore = new Set(
        tableRows((await kubectl(['get', 'nodes', '-L', 'topology.kubernetes.io/zone'])).stdout).map((r) => r.ZONE),
      );
      expect(zonesBefore.size).toBe(2);

      const run = await learner.run(['day-two', 'third-az', '--sandbox', '--time-scale', '0'], { timeoutMs: 240_000 });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      // Every call is shown as the learner could type it.
      expect(run.stdout).toMatch(/\$ aws ec2 describe-availability-zones /);
      expect(run.stdout).toMatch(
        /\$ aws ec2 create-subnet --vpc-id vpc-\w+ --cidr-block 192\.168\.160\.0\/19 --availability-zone us-east-1\w /,
      );
      expect(run.stdout).toMatch(/\$ aws ec2 associate-route-table --route-table-id rtb-\w+ --subnet-id subnet-\w+/);
      expect(run.stdout).toMatch(/\$ aws eks create-nodegroup --cluster-name eks-basics-tutor --nodegroup-name eks-basics-tutor-az3 /);

      // The learner's own kubectl: a node of the new group, in a third zone.
      const rows = tableRows(
        (await kubectl(['get', 'nodes', '-L', 'topology.kubernetes.io/zone', '-L', 'eks.amazonaws.com/nodegroup'])).stdout,
      );
      expect(rows).toHaveLength(3);
      const added = rows.filter((r) => r.NODEGROUP === `${NAME}-az3`);
      expect(added).toHaveLength(1);
      expect(added[0]!.STATUS).toBe('Ready');
      expect(zonesBefore.has(added[0]!.ZONE!)).toBe(false);

      // In moto: the subnet is in that zone, tagged as the private subnets are, and its route table goes out through the NAT gateway.
      const ec2 = new EC2Client(moto);
      const eks = new EKSClient(moto);
      try {
        const group = (await eks.send(new DescribeNodegroupCommand({ clusterName: NAME, nodegroupName: `${NAME}-az3` }))).nodegroup!;
        expect(group.tags?.['eks-basics-tutor/cluster']).toBe(NAME);
        const [subnet] = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: group.subnets }))).Subnets ?? [];
        expect(subnet?.AvailabilityZone).toBe(added[0]!.ZONE);
        expect(subnet?.CidrBlock).toBe('192.168.160.0/19');
        const tags = tagsOf(subnet?.Tags);
        expect(tags['kubernetes.io/role/internal-elb']).toBe('1');
        expect(tags['eks-basics-tutor/cluster']).toBe(NAME);
        const [table] =
          (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet!.SubnetId!] }] })))
            .RouteTables ?? [];
        expect(table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')?.NatGatewayId).toMatch(/^nat-/);
        const association = table?.Associations?.find((a) => a.SubnetId === subnet!.SubnetId)?.RouteTableAssociationId;
        // As if the first run had stopped between making the subnet and linking it to its route table.
        await ec2.send(new DisassociateRouteTableCommand({ AssociationId: association }));

        // A second run finds what the first made and makes nothing more, but links the subnet again.
        const again = await learner.run(['day-two', 'third-az', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
        expect(again.exitCode, again.stdout + again.stderr).toBe(0);
        expect(again.stdout).not.toMatch(/\$ aws (ec2 create-subnet|eks create-nodegroup)/);
        expect(again.stdout).toMatch(/\$ aws ec2 associate-route-table --route-table-id rtb-\w+ --subnet-id subnet-\w+/);
        // Nor reported again: the ledger knows both.
        expect(again.stdout).not.toMatch(/^ {2}\+ (subnet|eks-nodegroup) /m);
        const [relinked] =
          (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet!.SubnetId!] }] })))
            .RouteTables ?? [];
        expect(relinked?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')?.NatGatewayId).toMatch(/^nat-/);
      } finally {
        ec2.destroy();
        eks.destroy();
      }
    },
  );

  it(
    'no-nat on a build with NAT: the costs side by side, the nodes private with no EXTERNAL-IP, and the way to build it without',
    { timeout: 120_000 },
    async () => {
      const run = await learner.run(['day-two', 'no-nat', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/--nat single +1 NAT gateway \$0\.045 \+ its Elastic IP \$0\.005 = \$0\.050\/hour .*◀/);
      expect(run.stdout).toMatch(/--nat none +no NAT; 2 public IPv4 addresses/);
      expect(run.stdout).toContain('`eks-basics-tutor up --nat none`');
      const wide = tableRows((await kubectl(['get', 'nodes', '-o', 'wide'])).stdout);
      expect(wide.map((r) => r['EXTERNAL-IP'])).toEqual(['<none>', '<none>', '<none>']);
    },
  );

  it('accounts: the rule, from reads alone', { timeout: 120_000 }, async () => {
    const run = await learner.run(['day-two', 'accounts', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("✓ The node group is in the cluster's account");
    expect(run.stdout).toMatch(/AWS RAM/);
    expect(run.stdout).not.toMatch(/\$ aws \S+ (create|delete)-/);
  });

  it('down removes the extra node group and subnet with the rest', { timeout: 300_000 }, async () => {
    const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
    expect(down.exitCode, down.stdout + down.stderr).toBe(0);
    expect(down.stdout).toMatch(/- eks-nodegroup eks-basics-tutor-az3/);
    expect(await census(NAME, moto)).toEqual([]);
  });
});
