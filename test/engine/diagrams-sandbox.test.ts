import { DescribeNatGatewaysCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/aws/engine.js';
import { vpcDiagramView } from '../../src/aws/live-diagrams.js';
import { scaledClock } from '../../src/aws/wait.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import { cellsOf } from '../../src/screens/components/cells.js';
import { vpcDiagram } from '../../src/screens/state/diagrams.js';
import { tempDir, testConfig } from '../support/engine.js';
import { useSandbox } from '../support/sandbox.js';
import { sandboxEngineParts } from '../support/sandbox-engine.js';

const box = useSandbox({ timeScale: 0 });

describe('the VPC diagram of a sandbox build', () => {
  it(
    'draws the real VPC, subnets, CIDRs, role tags, IGW, NAT and default routes, at 80 columns in both languages',
    { timeout: 180_000 },
    async () => {
      const stateDir = await tempDir();
      const config = testConfig(stateDir, { mode: 'sandbox', clusterName: 'diagram', timeScale: 0 });
      const { clients, ledger } = await sandboxEngineParts(box.sandbox, config);
      const engine = new Engine({ config, clients, ledger, clock: scaledClock(0), kubectl: runKubectl });
      await engine.up(2);

      const view = await vpcDiagramView({ config, engine, ledger, sandbox: undefined });
      expect(view.kind).toBe('vpc-diagram');
      if (view.kind !== 'vpc-diagram') return;
      const vpcId = ledger.get('vpc')!.id!;
      const subnets =
        (await clients.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).Subnets ?? [];
      const nat = (
        (await clients.ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NatGateways ?? []
      ).find((g) => g.State !== 'deleted');
      expect(subnets).toHaveLength(4);
      expect(nat?.NatGatewayId).toMatch(/^nat-/);

      for (const lang of ['en', 'ja'] as const) {
        const lines = vpcDiagram(view.shape, lang, 80);
        for (const line of lines) expect(cellsOf(line), line).toBeLessThanOrEqual(80);
        const drawn = lines.join('\n');
        expect(drawn).toContain(vpcId);
        expect(drawn).toContain('192.168.0.0/16');
        expect(drawn).toMatch(/IGW igw-/);
        for (const subnet of subnets) {
          expect(drawn).toContain(subnet.SubnetId!);
          expect(drawn).toContain(subnet.CidrBlock!);
          expect(drawn).toContain(subnet.AvailabilityZone!);
        }
        expect(drawn.match(/role\/elb=1/g)).toHaveLength(2);
        expect(drawn.match(/role\/internal-elb=1/g)).toHaveLength(2);
        // Public subnets route to the internet gateway, private ones to the NAT gateway.
        expect(drawn.match(/0\.0\.0\.0\/0 -> igw-/g)).toHaveLength(2);
        expect(drawn.match(new RegExp(`0\\.0\\.0\\.0/0 -> ${nat!.NatGatewayId}`, 'g'))).toHaveLength(2);
        expect(drawn).toContain(lang === 'ja' ? 'インターネット' : 'Internet');
      }
    },
  );
});
