import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListNodegroupsCommand, EKSClient } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../src/aws/day-two/context.js';
import { census } from '../support/census.js';
import { learnerKubectl, sandboxMoto, type SandboxMoto } from '../support/learner-tools.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

/** Questions 5 and 4 on a build made with `up --nat none` in the sandbox, checked with the real kubectl and against moto. */

const learners = useLearners();
let learner: Learner;
let moto: SandboxMoto;
const NAME = 'eks-basics-tutor';

const kubectl = (args: string[]) => learnerKubectl(learner, args);

describe('a build with no NAT gateway', () => {
  it('no-nat: nodes in public subnets, each with an EXTERNAL-IP, and what NAT would have cost', { timeout: 300_000 }, async () => {
    learner = await learners.make();
    const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0', '--nat', 'none'], { timeoutMs: 240_000 });
    expect(up.exitCode, up.stderr).toBe(0);
    moto = await sandboxMoto(learner);
    expect((await census(NAME, moto)).filter((t) => t.kind === 'nat-gateway' || t.kind === 'elastic-ip')).toEqual([]);

    // day-two runs with the default options (--nat single): it reads what the build is from the build.
    const run = await learner.run(['day-two', 'no-nat', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/--nat single +1 NAT gateway \$0\.045 \+ its Elastic IP \$0\.005 = \$0\.050\/hour \(~\$36\.50\/month\)\n/);
    expect(run.stdout).toMatch(/--nat none +no NAT; 2 public IPv4 addresses on the nodes = \$0\.010\/hour .*◀/);
    expect(run.stdout).toContain('✓ kubectl get nodes -o wide shows an EXTERNAL-IP on every node');

    // The learner's own kubectl: every node has a public address besides its address in the public subnet.
    const rows = tableRows((await kubectl(['get', 'nodes', '-o', 'wide'])).stdout);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row['EXTERNAL-IP']).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(row['INTERNAL-IP']).toMatch(/^192\.168\.(\d|[1-5]\d|6[0-3])\./);
    }
  });

  it(
    'other-vpc: CreateNodegroup naming a subnet of another VPC is refused as EKS refuses it, and the scratch VPC is gone again',
    { timeout: 120_000 },
    async () => {
      const run = await learner.run(['day-two', 'other-vpc', '--sandbox', '--time-scale', '0'], { timeoutMs: 120_000 });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /\$ aws eks create-nodegroup --cluster-name eks-basics-tutor --nodegroup-name eks-basics-tutor-other-vpc .*--subnets '\["subnet-\w+"\]'/,
      );
      expect(run.stdout).toMatch(
        /An error occurred \(InvalidParameterException\) when calling the CreateNodegroup operation: Specified subnets must belong to cluster's vpc vpc-\w+/,
      );
      expect(run.stdout).toMatch(/\$ aws ec2 delete-vpc --vpc-id vpc-\w+/);
      const ec2 = new EC2Client(moto);
      const eks = new EKSClient(moto);
      try {
        const scratch =
          (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:eks-basics-tutor/key', Values: ['vpc/scratch'] }] }))).Vpcs ??
          [];
        expect(scratch).toEqual([]);
        expect((await eks.send(new ListNodegroupsCommand({ clusterName: NAME }))).nodegroups).toEqual([`${NAME}-nodes`]);
      } finally {
        ec2.destroy();
        eks.destroy();
      }
    },
  );

  it('down leaves nothing', { timeout: 300_000 }, async () => {
    const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
    expect(down.exitCode, down.stdout + down.stderr).toBe(0);
    expect(await census(NAME, moto)).toEqual([]);
  });
});
