import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeAddonCommand, EKSClient } from '@aws-sdk/client-eks';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { inCidr, tableRows } from '../../src/aws/day-two/context.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { loadBalancers } from '../support/census.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

/** After `up --through 5` in the sandbox: the day-two actions, checked with the real kubectl and against moto. */

const learners = useLearners();
let learner: Learner;
let moto: { endpoint: string; region: string; credentials: typeof SANDBOX_CREDENTIALS };

function kubectl(args: string[]) {
  return execa('kubectl', args, {
    reject: false,
    extendEnv: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
  });
}

const nodeSubnetCidrs = async (): Promise<string[]> => {
  const ec2 = new EC2Client(moto);
  const subnets =
    (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:kubernetes.io/role/internal-elb', Values: ['1'] }] }))).Subnets ??
    [];
  ec2.destroy();
  return subnets.map((s) => s.CidrBlock ?? '');
};

describe('day-two in the sandbox', () => {
  it(
    'addons: four EKS add-ons ACTIVE; kube-system shows aws-node and kube-proxy on each node and CoreDNS inside the node subnets',
    { timeout: 300_000 },
    async () => {
      learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0', '--kubernetes-version', '1.35'], {
        timeoutMs: 240_000,
      });
      expect(up.exitCode, up.stderr).toBe(0);
      const record = await learner.sandbox();
      moto = { endpoint: record!.motoUrl, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };

      const addons = await learner.run(['day-two', 'addons', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
      expect(addons.exitCode, addons.stdout + addons.stderr).toBe(0);
      for (const name of ['vpc-cni', 'kube-proxy', 'coredns', 'eks-pod-identity-agent']) {
        // Each call is shown as the learner could type it.
        expect(addons.stdout).toMatch(
          new RegExp(
            `\\$ aws eks create-addon --cluster-name eks-basics-tutor --addon-name ${name} --addon-version \\S+ --resolve-conflicts OVERWRITE `,
          ),
        );
        expect(addons.stdout).toContain(`✓ ${name} is an EKS add-on, ACTIVE`);
      }
      const eks = new EKSClient({ ...moto, endpoint: record!.endpointUrl });
      const cni = (await eks.send(new DescribeAddonCommand({ clusterName: 'eks-basics-tutor', addonName: 'vpc-cni' }))).addon;
      eks.destroy();
      expect(cni?.status).toBe('ACTIVE');

      // A second run finds the four add-ons the first made: none is made or reported again, and all are still checked ACTIVE.
      const again = await learner.run(['day-two', 'addons', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
      expect(again.exitCode, again.stdout + again.stderr).toBe(0);
      expect(again.stdout).not.toMatch(/\$ aws eks create-addon/);
      expect(again.stdout).not.toMatch(/^ {2}\+ eks-addon /m);
      expect(again.stdout.match(/✓ \S+ is an EKS add-on, ACTIVE/g)).toHaveLength(4);

      // The learner's own kubectl, with the kubeconfig the tutor wrote.
      const nodes = await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}']);
      const nodeNames = nodes.stdout.split(' ').filter(Boolean);
      expect(nodeNames).toHaveLength(2);
      const pods = await kubectl(['get', 'pods', '-n', 'kube-system', '-o', 'wide']);
      expect(pods.stderr).toBe('');
      const rows = tableRows(pods.stdout);
      const of = (prefix: string) => rows.filter((r) => r.NAME!.startsWith(`${prefix}-`));
      const cidrs = await nodeSubnetCidrs();
      expect(cidrs).toHaveLength(2);
      const inNodeSubnets = (ip: string) => cidrs.some((cidr) => inCidr(ip, cidr));
      for (const daemon of ['aws-node', 'kube-proxy']) {
        expect(
          of(daemon)
            .map((r) => r.NODE)
            .sort(),
        ).toEqual([...nodeNames].sort());
        expect(of(daemon).every((r) => r.STATUS === 'Running' && inNodeSubnets(r.IP!))).toBe(true);
      }
      const coredns = of('coredns');
      expect(coredns).toHaveLength(2);
      expect(coredns.every((r) => r.STATUS === 'Running' && inNodeSubnets(r.IP!))).toBe(true);
    },
  );

  it(
    'workload: the Service gets an address from a load balancer in the tagged public subnets; without the tag a new one stays pending and says why',
    { timeout: 300_000 },
    async () => {
      const workload = await learner.run(['day-two', 'workload', '--without-elb-tag', '--sandbox', '--time-scale', '0'], {
        timeoutMs: 180_000,
      });
      expect(workload.exitCode, workload.stdout + workload.stderr).toBe(0);
      const service = await kubectl(['get', 'service', 'hello', '-o', 'jsonpath={.status.loadBalancer.ingress[0].hostname}']);
      expect(service.stdout).toMatch(/\.elb\.amazonaws\.com$/);
      const made = await loadBalancers(moto);
      expect(made).toHaveLength(1);
      expect(workload.stdout).toContain('could not find any suitable subnets');
      // The tag is back on both public subnets, and the pending Service is gone.
      const ec2 = new EC2Client(moto);
      const tagged =
        (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:kubernetes.io/role/elb', Values: ['1'] }] }))).Subnets ?? [];
      ec2.destroy();
      expect(tagged).toHaveLength(2);
      expect((await kubectl(['get', 'service', 'hello-no-elb-tag'])).stderr).toMatch(/NotFound/);
    },
  );

  it('upgrade: control plane then nodes one minor up, kubectl shows the skew between and none after', { timeout: 300_000 }, async () => {
    const upgrade = await learner.run(['day-two', 'upgrade', '--sandbox', '--time-scale', '0'], { timeoutMs: 180_000 });
    expect(upgrade.exitCode, upgrade.stdout + upgrade.stderr).toBe(0);
    const version = await kubectl(['version']);
    expect(version.stdout).toMatch(/Server Version: v1\.36\./);
    const kubelets = await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].status.nodeInfo.kubeletVersion}']);
    const list = kubelets.stdout.split(' ').filter(Boolean);
    expect(list).toHaveLength(2);
    expect(list.every((v) => v.startsWith('v1.36.'))).toBe(true);
    // In between, the nodes were one minor behind the control plane: the run showed it.
    expect(upgrade.stdout).toMatch(/Server Version: v1\.36\.[\s\S]*v1\.35\.[\s\S]*update-nodegroup-version/);
  });

  it('down leaves no load balancer, and no add-on in what status reports', { timeout: 300_000 }, async () => {
    const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
    expect(down.exitCode, down.stdout + down.stderr).toBe(0);
    expect(await loadBalancers(moto)).toEqual([]);
    const status = await learner.run(['status', '--sandbox', '--json']);
    expect(status.stdout).not.toMatch(/eks-addon|addon\//);
  });

  it('an unknown action is one line naming the allowed ones, exit 2', async () => {
    const bad = await learner.run(['day-two', 'sideways', '--sandbox']);
    expect(bad.exitCode).toBe(2);
    const { DAY_TWO_ACTIONS } = await import('../../src/aws/day-two/actions.js');
    const allowed = DAY_TWO_ACTIONS.map((a) => a.id);
    expect(allowed.slice(0, 5)).toEqual(['addons', 'workload', 'upgrade', 'access', 'second-cluster']);
    expect(bad.stderr.trim()).toBe(`day-two action "sideways" is not allowed: use one of ${allowed.join(', ')}.`);
  });
});
