import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { VpcShape } from '../../../src/aws/live-types.js';
import { authPath, vpcDiagram } from '../../../src/screens/state/diagrams.js';
import { LANGS } from '../../../src/text.js';

const BOX = /[─│┌┐└┘├┤┬┴┼═║]/;

function shape(azs: string[], natPerAz: boolean): VpcShape {
  const subnets: VpcShape['subnets'] = [];
  const nats: VpcShape['nats'] = [];
  azs.forEach((az, i) => {
    subnets.push({
      id: `subnet-0pub${i}0123456789abc`,
      tier: 'public',
      az,
      cidr: `192.168.${i * 32}.0/19`,
      tags: [
        ['kubernetes.io/role/elb', '1'],
        ['Name', 'x'],
      ],
      defaultRoute: 'igw-0123456789abcdef0',
    });
    if (natPerAz || i === 0) nats.push({ id: `nat-0${i}23456789abcdef0`, state: 'available', subnet: `subnet-0pub${i}0123456789abc` });
    subnets.push({
      id: `subnet-0prv${i}0123456789abc`,
      tier: 'private',
      az,
      cidr: `192.168.${96 + i * 32}.0/19`,
      tags: [['kubernetes.io/role/internal-elb', '1']],
      defaultRoute: `nat-0${natPerAz ? i : 0}23456789abcdef0`,
    });
  });
  return { vpc: { id: 'vpc-0123456789abcdef0', cidr: '192.168.0.0/16' }, igw: 'igw-0123456789abcdef0', subnets, nats };
}

describe('the VPC diagram', () => {
  for (const lang of LANGS) {
    for (const azs of [
      ['us-east-1a', 'us-east-1b'],
      ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
    ]) {
      it(`draws ${azs.length} AZs side by side within 80 columns (${lang})`, () => {
        const lines = vpcDiagram(shape(azs, azs.length === 2), lang);
        for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
        expect(lines.some((line) => BOX.test(line))).toBe(false);
        // The AZ headings share one row: side by side.
        const headings = lines.filter((line) => azs.every((az) => line.includes(az)));
        expect(headings).toHaveLength(1);
        const all = lines.join('\n');
        for (const cidr of ['192.168.0.0/19', '192.168.96.0/19', '192.168.0.0/16']) expect(all).toContain(cidr);
        expect(all).toContain('igw-0123456789abcdef0');
        expect(all).toContain('role/elb=1');
        expect(all).toContain('role/internal-elb=1');
        // The first AZ's column, read top to bottom: its NAT, and where its private subnet's default route goes.
        const heading = headings[0]!;
        const column = lines
          .slice(lines.indexOf(heading) + 1)
          .map((line) =>
            line
              .slice(0, heading.indexOf('+', 1) + 1)
              .replace(/^[|+]-*\s?|\s?-*[|+]$/g, '')
              .trim(),
          )
          .join(' ')
          .replace(/\s+/g, ' ');
        expect(column).toContain('NAT nat-0023456789abcdef0 (available)');
        expect(column).toMatch(/private 192\.168\.96\.0\/19 .*0\.0\.0\.0\/0 -> nat-0023456789abcdef0/);
        expect(column).toMatch(/public 192\.168\.0\.0\/19 .*0\.0\.0\.0\/0 -> igw-0123456789abcdef0/);
      });
    }
  }

  it('stacks the AZs when the panel is narrower than two columns', () => {
    const lines = vpcDiagram(shape(['us-east-1a', 'us-east-1b'], true), 'en', 40);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines.filter((line) => line.includes('us-east-1a') && line.includes('us-east-1b'))).toHaveLength(0);
  });
});

describe('the authentication path', () => {
  for (const lang of LANGS) {
    it(`goes kubectl → get-token → STS → EKS → access entry → RBAC with this build's names (${lang})`, () => {
      const lines = authPath(
        {
          cluster: 'demo-cluster',
          region: 'eu-west-1',
          user: 'arn:aws:eks:eu-west-1:123456789012:cluster/demo-cluster',
          endpoint: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
        },
        lang,
      );
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      const all = lines.join('\n');
      const order = [
        'kubectl',
        'aws eks get-token --cluster-name demo-cluster --region eu-west-1',
        'STS GetCallerIdentity',
        'EKS API server',
        'access entry',
        'Kubernetes RBAC',
      ].map((s) => all.indexOf(s));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(all.replace(/\s*\|\s*/g, '')).toContain('arn:aws:eks:eu-west-1:123456789012:cluster/demo-cluster');
      expect(all).toContain('x-k8s-aws-id: demo-cluster');
    });
  }
});
