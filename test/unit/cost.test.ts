import { describe, expect, it } from 'vitest';
import { PRICES, estimateNotes, formatUsd, hourlyCost, instanceHour, instancePrice, priceFor, resourceHourly } from '../../src/aws/cost.js';

/** The commercial regions where EKS runs, 2026-12 (the SDK's partition data, less aws-global). */
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'mx-central-1',
  'sa-east-1',
];

const build = { region: 'us-east-1', instanceType: 't3.medium', nodes: 2, nat: 'single' };

describe('prices', () => {
  it('every region where EKS runs is priced, by its own row or by a named other region’s, and the estimate says which', () => {
    for (const region of REGIONS) {
      const prices = priceFor(region);
      expect(prices.natGatewayHour, region).toBeGreaterThan(0);
      expect(prices.instanceHour['t3.medium'], region).toBeGreaterThan(0);
      const notes = estimateNotes({ region, instanceType: 't3.medium' }).map((n) => n.en);
      if (prices.exact) {
        expect(prices.from).toBe(region);
        expect(notes).toEqual([]);
      } else {
        expect(REGIONS).toContain(prices.from);
        expect(priceFor(prices.from).exact).toBe(true);
        expect(notes.join()).toContain(`uses ${prices.from}'s`);
      }
    }
    expect(priceFor('ap-southeast-6').from).toBe('ap-southeast-2');
    expect(priceFor('eu-central-1').natGatewayHour).toBe(0.052);
    expect(priceFor('ap-northeast-1').natGatewayHour).toBe(0.062);
  });

  it('the control plane costs $0.10 an hour in standard support and $0.60 in extended support, everywhere', () => {
    for (const region of ['us-east-1', 'sa-east-1', 'ap-southeast-7']) {
      expect(resourceHourly({ kind: 'eks-cluster' }, { ...build, region })).toBe(0.1);
      expect(resourceHourly({ kind: 'eks-cluster', details: { versionStatus: 'EXTENDED_SUPPORT' } }, { ...build, region })).toBe(0.6);
    }
    expect(hourlyCost('us-east-1', { clusters: 2, extendedClusters: 1, natGateways: 0, publicIps: 0, nodes: [] })).toBeCloseTo(0.7);
  });

  it('prices the common families in every size, and says it does not know a type it does not', () => {
    expect(instancePrice('us-east-1', 't3.medium')).toBe(0.0416);
    expect(instancePrice('us-east-1', 'm5.large')).toBe(0.096);
    expect(instancePrice('us-east-1', 'm6i.xlarge')).toBe(0.192);
    expect(instancePrice('us-east-1', 'm7g.large')).toBe(0.0816);
    expect(instancePrice('us-east-1', 'c6g.large')).toBe(0.068);
    expect(instancePrice('eu-west-1', 't3.small')).toBe(0.0228);
    expect(instancePrice('ap-northeast-1', 'm5.2xlarge')).toBe(0.496);
    // Not t3.medium's price: unknown.
    expect(instancePrice('us-east-1', 'x2iedn.32xlarge')).toBeUndefined();
    expect(instancePrice('us-east-1', 'm5.medium')).toBeUndefined();
    expect(instanceHour('us-east-1', 'x2iedn.32xlarge')).toBe(0);
    expect(
      estimateNotes({ region: 'us-east-1', instanceType: 'x2iedn.32xlarge' })
        .map((n) => n.en)
        .join(),
    ).toContain('x2iedn.32xlarge is unknown');
  });

  it('counts each node’s gp3 disk, and a public IPv4 address per node without a NAT gateway', () => {
    const disk = (20 * 0.08) / 730;
    expect(resourceHourly({ kind: 'eks-nodegroup', details: { desired: '2', instanceType: 't3.medium' } }, build)).toBeCloseTo(
      2 * (0.0416 + disk),
      6,
    );
    expect(
      resourceHourly({ kind: 'eks-nodegroup', details: { desired: '2', instanceType: 't3.medium', diskSize: '100' } }, build),
    ).toBeCloseTo(2 * (0.0416 + (100 * 0.08) / 730), 6);
    expect(resourceHourly({ kind: 'eks-nodegroup' }, { ...build, nat: 'none' })).toBeCloseTo(
      2 * (0.0416 + disk + PRICES.publicIpv4Hour),
      6,
    );
    expect(
      hourlyCost('us-east-1', { clusters: 0, natGateways: 0, publicIps: 0, nodes: [{ instanceType: 't3.medium', count: 1 }] }),
    ).toBeCloseTo(0.0416 + disk, 6);
  });

  it('prices a load balancer by its type, with its public addresses when internet-facing', () => {
    expect(
      resourceHourly({ kind: 'load-balancer', details: { type: 'classic', zones: '2', scheme: 'internet-facing' } }, build),
    ).toBeCloseTo(0.025 + 2 * 0.005);
    expect(resourceHourly({ kind: 'load-balancer', details: { type: 'network', zones: '3', scheme: 'internal' } }, build)).toBeCloseTo(
      0.0225,
    );
    expect(
      resourceHourly({ kind: 'load-balancer', details: { type: 'application', zones: '2' } }, { ...build, region: 'eu-central-1' }),
    ).toBeCloseTo(0.027 + 0.01);
    expect(resourceHourly({ kind: 'network-interface', details: { publicIp: '1.2.3.4' } }, build)).toBe(0.005);
    expect(resourceHourly({ kind: 'security-group' }, build)).toBe(0);
    expect(formatUsd(0.035)).toBe('$0.035');
  });
});
