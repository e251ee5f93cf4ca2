import { describe, expect, it } from 'vitest';
import { roleName } from '../../src/aws/roles.js';
import { nodegroupName } from '../../src/aws/steps/nodegroup.js';
import { subnetCidr } from '../../src/aws/network.js';
import { PLACEHOLDERS, commandValues, fillCommand, freeCidr, placeholdersIn, thirdAz } from '../../src/lessons/placeholders.js';
import { Ledger } from '../../src/state/ledger.js';

const config = { clusterName: 'demo', region: 'ap-northeast-1', vpcCidr: '10.0.0.0/16', azs: 2 as const };
const ZONES = ['ap-northeast-1d', 'ap-northeast-1a', 'ap-northeast-1c'];

async function builtLedger(): Promise<Ledger> {
  const ledger = Ledger.inMemory({ clusterName: 'demo', mode: 'real', region: 'ap-northeast-1' });
  await ledger.intend('vpc', 'vpc', 2, { cidr: config.vpcCidr });
  await ledger.created('vpc', 'vpc-0123');
  for (const [tier, index, az] of [
    ['public', 0, 'ap-northeast-1a'],
    ['public', 1, 'ap-northeast-1c'],
    ['private', 0, 'ap-northeast-1a'],
    ['private', 1, 'ap-northeast-1c'],
  ] as const) {
    const key = `subnet/${tier}/${index}`;
    await ledger.intend(key, 'subnet', 2, { az, cidr: subnetCidr(config.vpcCidr, tier, index), tier });
    await ledger.created(key, `subnet-${tier}${index}`);
  }
  await ledger.setFacts({ availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'] });
  return ledger;
}

describe('command placeholders', () => {
  it('before anything is built: names the tutor decides, nothing AWS has not given yet', () => {
    const ledger = Ledger.inMemory({ clusterName: 'demo', mode: 'real', region: 'ap-northeast-1' });
    const values = commandValues({ ledger, config, accountId: '111122223333' });
    expect(values).toEqual({
      cluster: 'demo',
      region: 'ap-northeast-1',
      clusterRoleName: roleName('demo', 'cluster-role'),
      clusterRoleArn: `arn:aws:iam::111122223333:role/${roleName('demo', 'cluster-role')}`,
      nodeRoleName: roleName('demo', 'node-role'),
      nodeRoleArn: `arn:aws:iam::111122223333:role/${roleName('demo', 'node-role')}`,
      nodegroup: nodegroupName('demo'),
      freeCidr: '10.0.160.0/19',
    });
    expect(fillCommand('aws ec2 describe-vpcs --vpc-ids {vpcId} --region {region}', values)).toBe(
      'aws ec2 describe-vpcs --vpc-ids {vpcId} --region ap-northeast-1',
    );
  });

  it('after the VPC: ids from the ledger, the third AZ from the zones, a free range of the VPC', async () => {
    const ledger = await builtLedger();
    const values = commandValues({ ledger, config, zones: ZONES });
    expect(values).toMatchObject({ vpcId: 'vpc-0123', publicSubnetId: 'subnet-public0', privateSubnetId: 'subnet-private0' });
    expect(values.thirdAz).toBe('ap-northeast-1d');
    expect(values.freeCidr).toBe('10.0.160.0/19');
    expect(values.clusterRoleArn, 'no account and no role yet').toBeUndefined();
  });

  it('the third AZ is an availability zone of the region, never a Local Zone', async () => {
    const ledger = await builtLedger();
    const zones = ['ap-northeast-1-tpe-1a', ...ZONES, 'ap-northeast-1-wl1-kix-wlz-1'];
    expect(commandValues({ ledger, config, zones }).thirdAz).toBe('ap-northeast-1d');
  });

  it('a deleted subnet frees its zone and range again', async () => {
    const ledger = await builtLedger();
    await ledger.deleted('subnet/private/1');
    await ledger.deleted('subnet/public/1');
    await ledger.setFacts({ availabilityZones: [] });
    const values = commandValues({ ledger, config, zones: ZONES });
    expect(values.thirdAz).toBe('ap-northeast-1c');
  });

  it('the third AZ is the first zone, by name, that the build does not use', () => {
    expect(thirdAz(['us-east-1f', 'us-east-1b', 'us-east-1a', 'us-east-1d'], ['us-east-1a', 'us-east-1b'])).toBe('us-east-1d');
    expect(thirdAz(['us-east-1a', 'us-east-1b'], ['us-east-1a', 'us-east-1b'])).toBeUndefined();
    expect(thirdAz(undefined, [])).toBeUndefined();
  });

  it('a free range is an eighth of the VPC that overlaps nothing in use', () => {
    const used2 = ['public', 'private'].flatMap((tier) => [0, 1].map((i) => subnetCidr('192.168.0.0/16', tier as 'public', i)));
    expect(freeCidr('192.168.0.0/16', used2)).toBe('192.168.160.0/19');
    const used3 = ['public', 'private'].flatMap((tier) => [0, 1, 2].map((i) => subnetCidr('10.1.0.0/20', tier as 'public', i)));
    expect(freeCidr('10.1.0.0/20', used3)).toBe('10.1.12.0/23');
    // A learner's own /24 inside slot 5 takes that slot out.
    expect(freeCidr('192.168.0.0/16', [...used2, '192.168.170.0/24'])).toBe('192.168.64.0/19');
    expect(freeCidr('192.168.0.0/16', ['192.168.0.0/16'])).toBeUndefined();
    expect(freeCidr('not a cidr', [])).toBeUndefined();
  });

  it('fills every placeholder it knows and leaves the others visibly unfilled', () => {
    const cli = `aws x y ${PLACEHOLDERS.map((name) => `{${name}}`).join(' ')} {notAPlaceholder}`;
    const values = Object.fromEntries(PLACEHOLDERS.map((name) => [name, `v-${name}`]));
    const filled = fillCommand(cli, values);
    expect(placeholdersIn(filled)).toEqual(['notAPlaceholder']);
    for (const name of PLACEHOLDERS) expect(filled).toContain(`v-${name}`);
    expect(fillCommand(cli, {})).toBe(cli);
  });
});
