import { DescribeRouteTablesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { TutorError } from '../errors.js';
import { text } from '../text.js';
import { cliCommand } from './cli-command.js';

/**
 * Links a subnet to a route table with `associate` (AssociateRouteTable, sent
 * as the caller shows it). EC2 refuses a second link for a subnet with
 * Resource.AlreadyAssociated: that is done when the link is to this table, or
 * when EC2 does not list it yet (a link made moments ago that the caller's
 * Describe missed). A link to another table is not the tutor's to move: it is
 * explained with the command that would move it, and nothing is changed.
 */
export async function linkSubnet(
  ec2: EC2Client,
  region: string,
  link: { routeTableId: string; subnetId: string },
  associate: () => Promise<unknown>,
): Promise<'linked' | 'already'> {
  try {
    await associate();
    return 'linked';
  } catch (error) {
    if ((error as { name?: string }).name !== 'Resource.AlreadyAssociated') throw error;
    const { routeTableId, subnetId } = link;
    const answer = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }));
    const held = (answer.RouteTables ?? [])
      .flatMap((t) => t.Associations ?? [])
      .find((a) => a.SubnetId === subnetId && a.RouteTableId !== routeTableId);
    if (!held) return 'already';
    const move = cliCommand(
      'ec2',
      'ReplaceRouteTableAssociation',
      { AssociationId: held.RouteTableAssociationId, RouteTableId: routeTableId },
      region,
    );
    throw new TutorError(
      'AWS',
      text(
        `The subnet ${subnetId} already uses the route table ${held.RouteTableId}, not the build's ${routeTableId}. The tutor leaves that link as it is. To give the subnet back to the build: ${move} — then run this again; or remove the build with down.`,
        `サブネット ${subnetId} は、ビルドの ${routeTableId} ではなくルートテーブル ${held.RouteTableId} を使っています。このリンクには触れません。ビルドに戻すには ${move} を実行してから、もう一度実行してください。ビルドを消すなら down です。`,
      ),
    );
  }
}
