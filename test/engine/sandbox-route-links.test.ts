import { AssociateRouteTableCommand, CreateRouteTableCommand, DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { linkSubnet } from '../../src/aws/route-links.js';
import { createNetwork, outcome, sandboxClients, useSandbox } from '../support/sandbox.js';

/** A subnet has one explicit route table: the sandbox refuses a second link as EC2 does, and the tutor's link survives it. */

const run = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });

describe('route table links', () => {
  it('a second link is Resource.AlreadyAssociated; done when it is to the same table, explained and left alone when it is not', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const { vpcId, subnetIds } = await createNetwork(ec2, ['us-east-1a']);
    const subnetId = subnetIds[0]!;
    const [build, other] = await Promise.all(
      [1, 2].map(async () => (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!),
    );
    const associate = (routeTableId: string) => () =>
      ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }));

    expect(await linkSubnet(ec2, 'us-east-1', { routeTableId: build!, subnetId }, associate(build!))).toBe('linked');
    // moto would hand back the existing link; EC2 refuses, to either table.
    expect(await outcome(associate(build!)())).toBe(
      `Resource.AlreadyAssociated: the specified association for route table ${build} conflicts with an existing association`,
    );
    expect(await outcome(associate(other!)())).toMatch(/^Resource\.AlreadyAssociated: /);

    // A run that asks again (its Describe did not list the link yet) finds it done.
    expect(await linkSubnet(ec2, 'us-east-1', { routeTableId: build!, subnetId }, associate(build!))).toBe('already');

    // Linked elsewhere: one explanation with the command that would move it, and the link as it was.
    const [held] = (
      await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }))
    ).RouteTables!.flatMap((t) => t.Associations ?? []);
    const refused = linkSubnet(ec2, 'us-east-1', { routeTableId: other!, subnetId }, associate(other!));
    await expect(refused).rejects.toMatchObject({
      code: 'AWS',
      text: {
        en: `The subnet ${subnetId} already uses the route table ${build}, not the build's ${other}. The tutor leaves that link as it is. To give the subnet back to the build: aws ec2 replace-route-table-association --association-id ${held!.RouteTableAssociationId} --route-table-id ${other} --region us-east-1 — then run this again; or remove the build with down.`,
      },
    });
    const after = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [build!, other!] }));
    expect(after.RouteTables!.flatMap((t) => (t.Associations ?? []).map((a) => [t.RouteTableId, a.SubnetId]))).toEqual([[build, subnetId]]);
  });
});
