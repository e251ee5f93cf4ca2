import { DescribeSubnetsCommand, ModifySubnetAttributeCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { thirdAzAction } from '../../src/aws/day-two/third-az.js';
import { thirdAzSubnetKey } from '../../src/aws/day-two/third-az-names.js';
import type { PlannedCall } from '../../src/aws/types.js';
import { useSandbox } from '../support/sandbox.js';
import { restoreKubeEnvAfterAll, sandboxDayTwo } from '../support/sandbox-day-two.js';

/** Question 7 on a build with public nodes (--nat none): the third zone's subnet gives public addresses, on a second run too. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
restoreKubeEnvAfterAll();

describe('day-two third-az with public nodes', () => {
  it('makes its public subnet give public addresses, and sets it again when a run stopped before it', { timeout: 240_000 }, async () => {
    const { engine, ctx } = await sandboxDayTwo(box.sandbox, { clusterName: 'az3-public', nat: 'none', kubectl: true });
    await engine.up(5);
    const shown: PlannedCall[] = [];
    ctx.show = (call) => shown.push(call);
    const mapsPublic = async (id: string) =>
      (await ctx.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id] }))).Subnets?.[0]?.MapPublicIpOnLaunch;

    await thirdAzAction(ctx);
    const id = ctx.ledger.get(thirdAzSubnetKey('public'))?.id ?? '';
    expect(id).toMatch(/^subnet-/);
    expect(await mapsPublic(id)).toBe(true);

    // As if the first run had stopped between CreateSubnet and ModifySubnetAttribute.
    await ctx.clients.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: false } }));
    shown.length = 0;
    await thirdAzAction(ctx);
    expect(shown.map((c) => c.action)).not.toContain('CreateSubnet');
    expect(shown.filter((c) => c.action === 'ModifySubnetAttribute').map((c) => c.input)).toEqual([
      { SubnetId: id, MapPublicIpOnLaunch: { Value: true } },
    ]);
    expect(await mapsPublic(id)).toBe(true);

    // Already right: a third run asks nothing of it.
    shown.length = 0;
    await thirdAzAction(ctx);
    expect(shown.map((c) => c.action)).not.toContain('ModifySubnetAttribute');
  });
});
