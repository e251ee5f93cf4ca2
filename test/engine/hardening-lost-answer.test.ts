import { DescribeAddressesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { NO_FAULTS, startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { TEST_CREDENTIALS, makeEngine } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(moto.url, NO_FAULTS);
});
afterAll(async () => {
  await proxy.close();
});

describe('a create whose answer is lost', () => {
  it('is looked up by its tags before anything is sent again: no duplicate', async () => {
    proxy.setPlan({
      ...NO_FAULTS,
      once: {
        'ec2:CreateVpc': 'lost-answer',
        'ec2:CreateSubnet': 'lost-answer',
        'ec2:AllocateAddress': 'lost-answer',
        'ec2:CreateRouteTable': 'lost-answer',
        'iam:CreateRole': 'lost-answer',
      },
    });
    const engine = await makeEngine(proxy.url, { clusterName: 'lost' });
    const results = await engine.up(2);
    expect(proxy.stats.faults['lost-answer']).toBe(5);
    expect([...results.values()].flat().filter((c) => !c.ok && !c.unknown)).toEqual([]);
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    const filter = [{ Name: `tag:${CLUSTER_TAG}`, Values: ['lost'] }];
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: filter }))).Vpcs).toHaveLength(1);
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: filter }))).Subnets).toHaveLength(4);
    expect((await ec2.send(new DescribeAddressesCommand({ Filters: filter }))).Addresses).toHaveLength(1);
    const roles =
      (await new IAMClient({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS }).send(new ListRolesCommand({})))
        .Roles ?? [];
    expect(roles.map((r) => r.RoleName)).toEqual(['lost-cluster-role']);
    const down = await engine.down();
    expect(down.remaining).toEqual([]);
  });
});
