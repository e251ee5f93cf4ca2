import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, DescribeClusterCommand, EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { execa } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { SECOND_CLUSTER_KEY, secondClusterName } from '../../src/aws/day-two/second-cluster-names.js';
import { CLUSTER_TAG, tagMap, tutorTags } from '../../src/aws/tags.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { census, loadBalancers } from '../support/census.js';
import { runCli } from '../support/cli.js';
import { TEST_CREDENTIALS, makeEngine } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

/** Question 3, another cluster in the same VPC: a second cluster on the same subnets, both in kubeconfig, with the real kubectl in the sandbox. */

const learners = useLearners();
let learner: Learner;
let moto: { endpoint: string; region: string; credentials: typeof SANDBOX_CREDENTIALS };

const BLUE = 'eks-basics-tutor';
const GREEN = 'eks-basics-tutor-green';

/** The learner's own kubeconfig, with comments, quoting and a layout kubectl would not write: it must come back byte for byte. */
const THEIRS = `# my clusters -- edited by hand
current-context: "home"   # the one I use
contexts:
-   context:
        cluster: home
        user: me
    name: 'home'
clusters:
- name: home
  cluster: {server: 'https://home.example.internal:6443'}
users:
- name: me
  user:
    token: not-a-real-token
apiVersion: v1
kind: Config
`;

function kubectl(args: string[]) {
  return execa('kubectl', args, {
    reject: false,
    extendEnv: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
  });
}

async function describeIn(name: string) {
  const eks = new EKSClient(moto);
  try {
    return (await eks.send(new DescribeClusterCommand({ name }))).cluster;
  } finally {
    eks.destroy();
  }
}

describe('day-two second-cluster in the sandbox', () => {
  it(
    'a second cluster on the same subnets and role, both contexts answer, the current context is put back',
    { timeout: 360_000 },
    async () => {
      learner = await learners.make();
      await mkdir(dirname(learner.kubeconfig), { recursive: true });
      await writeFile(learner.kubeconfig, THEIRS, { mode: 0o600 });
      const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
      expect(up.exitCode, up.stderr).toBe(0);
      const record = await learner.sandbox();
      moto = { endpoint: record!.motoUrl, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
      const currentBefore = (await kubectl(['config', 'current-context'])).stdout.trim();
      expect(currentBefore).toMatch(new RegExp(`cluster/${BLUE}$`));

      const run = await learner.run(['day-two', 'second-cluster', '--sandbox', '--time-scale', '0'], { timeoutMs: 180_000 });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      // The cost is said before anything is made, and each call is shown as the learner could type it.
      expect(run.stdout).toMatch(/second EKS control plane, eks-basics-tutor-green: about \$0\.100?\/hour[\s\S]*\$ aws eks create-cluster/);
      expect(run.stdout).toMatch(/\$ aws ec2 create-tags --resources '\["subnet-[^\]]+\]' --tags /);
      expect(run.stdout).toContain(
        `--tags '[{"Key":"kubernetes.io/cluster/${BLUE}","Value":"shared"},{"Key":"kubernetes.io/cluster/${GREEN}","Value":"shared"}]'`,
      );
      expect(run.stdout).toMatch(new RegExp(`\\$ aws eks create-cluster --name ${GREEN} `));
      expect(run.stdout).toContain(`$ aws eks update-kubeconfig --name ${GREEN} --region us-east-1`);
      expect(run.stdout).toContain(`$ kubectl config use-context ${currentBefore}`);
      for (const id of [
        'is ACTIVE',
        'same subnets',
        'same cluster role',
        'security group of its own',
        '= shared',
        'get-contexts lists both',
        'current context is the second',
        'second cluster’s own API endpoint',
        'current before is current again',
        'get namespaces answers',
      ]) {
        expect(run.stdout).toMatch(new RegExp(`✓ [^\\n]*${id}`));
      }

      // A second run finds the cluster and the kubeconfig entry the first made: nothing is made, and neither is news again.
      const again = await learner.run(['day-two', 'second-cluster', '--sandbox', '--time-scale', '0'], { timeoutMs: 180_000 });
      expect(again.exitCode, again.stdout + again.stderr).toBe(0);
      expect(again.stdout).not.toMatch(/\$ aws eks create-cluster/);
      expect(again.stdout).not.toMatch(/^ {2}\+ (eks-cluster|kubeconfig) /m);
      expect(again.stdout).toMatch(/✓ [^\n]*current before is current again/);

      // In AWS (moto, read directly): the same subnets, role and version, tagged as the tutor's build; both names on every subnet.
      const blue = await describeIn(BLUE);
      const green = await describeIn(GREEN);
      expect(green?.status).toBe('ACTIVE');
      expect([...(green?.resourcesVpcConfig?.subnetIds ?? [])].sort()).toEqual([...(blue?.resourcesVpcConfig?.subnetIds ?? [])].sort());
      expect(green?.roleArn).toBe(blue?.roleArn);
      expect(green?.tags?.[CLUSTER_TAG]).toBe(BLUE);
      const ec2 = new EC2Client(moto);
      const subnets = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: blue?.resourcesVpcConfig?.subnetIds ?? [] }))).Subnets ?? [];
      ec2.destroy();
      expect(subnets).toHaveLength(4);
      for (const s of subnets) {
        const tags = Object.fromEntries((s.Tags ?? []).map((t) => [t.Key, t.Value]));
        expect(tags[`kubernetes.io/cluster/${BLUE}`]).toBe('shared');
        expect(tags[`kubernetes.io/cluster/${GREEN}`]).toBe('shared');
      }

      // The learner's own kubectl: three contexts, each cluster answering on its own, and the current context where it was.
      const contexts = (await kubectl(['config', 'get-contexts', '-o', 'name'])).stdout.split('\n').sort();
      expect(contexts).toEqual(['home', blue!.arn!, green!.arn!].sort());
      expect((await kubectl(['config', 'current-context'])).stdout.trim()).toBe(currentBefore);
      const ns = await kubectl(['--context', green!.arn!, 'get', 'namespaces']);
      expect(ns.exitCode, ns.stderr).toBe(0);
      expect(ns.stdout).toMatch(/^kube-system\s+Active/m);
      const svc = await kubectl(['--context', green!.arn!, 'get', 'svc']);
      expect(svc.stdout).toMatch(/^kubernetes\s+ClusterIP\s/m);
      // Two clusters, not one seen twice: the first has its nodes, the second none.
      const blueNodes = await kubectl(['--context', blue!.arn!, 'get', 'nodes', '-o', 'name']);
      const greenNodes = await kubectl(['--context', green!.arn!, 'get', 'nodes', '-o', 'name']);
      expect(blueNodes.stdout.split('\n').filter(Boolean)).toHaveLength(2);
      expect(greenNodes.exitCode).toBe(0);
      expect(greenNodes.stdout.trim()).toBe('');

      // status shows it, and what it costs.
      const status = await learner.run(['status', '--sandbox', '--json']);
      const report = JSON.parse(status.stdout) as { resources: { kind: string; id: string | null; exists: boolean; hourlyUsd: number }[] };
      const clusters = report.resources.filter((r) => r.kind === 'eks-cluster');
      expect(clusters.map((r) => [r.id, r.exists, r.hourlyUsd]).sort()).toEqual([
        [blue!.arn, true, 0.1],
        [green!.arn, true, 0.1],
      ]);
    },
  );

  it(
    'down deletes both clusters and the tutor’s kubeconfig entries, and gives back the learner’s own kubeconfig byte for byte',
    { timeout: 300_000 },
    async () => {
      // Blue/green: the same app behind a LoadBalancer Service in each cluster, so two load balancers in the shared subnets.
      const blue = await describeIn(BLUE);
      const green = await describeIn(GREEN);
      for (const context of [blue!.arn!, green!.arn!]) {
        expect((await kubectl(['--context', context, 'create', 'deployment', 'web', '--image=nginx'])).exitCode).toBe(0);
        expect(
          (await kubectl(['--context', context, 'expose', 'deployment', 'web', '--type', 'LoadBalancer', '--port', '80'])).exitCode,
        ).toBe(0);
      }
      const hostname = (context: string) =>
        kubectl(['--context', context, 'get', 'service', 'web', '-o', 'jsonpath={.status.loadBalancer.ingress[0].hostname}']);
      for (let i = 0; i < 60 && (!(await hostname(blue!.arn!)).stdout || !(await hostname(green!.arn!)).stdout); i++)
        await new Promise((r) => setTimeout(r, 500));
      const addresses = [(await hostname(blue!.arn!)).stdout, (await hostname(green!.arn!)).stdout];
      expect(addresses.every((a) => a.endsWith('.elb.amazonaws.com'))).toBe(true);
      expect(new Set(addresses).size).toBe(2);
      expect(await loadBalancers(moto)).toHaveLength(2);

      const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
      expect(down.exitCode, down.stdout + down.stderr).toBe(0);
      // Each Service is deleted through its own cluster's kubectl before that cluster goes.
      expect(down.stdout).toMatch(
        /kubernetes-service default\/web[\s\S]*kubernetes-service eks-basics-tutor-green\/default\/web[\s\S]*eks-cluster eks-basics-tutor /,
      );
      expect(await loadBalancers(moto)).toEqual([]);
      const eks = new EKSClient(moto);
      const listed = (await eks.send(new ListClustersCommand({}))).clusters ?? [];
      eks.destroy();
      expect(listed).toEqual([]);
      expect(await census(BLUE, { endpoint: moto.endpoint, credentials: moto.credentials })).toEqual([]);
      expect(await readFile(learner.kubeconfig, 'utf8')).toBe(THEIRS);
      expect((await kubectl(['config', 'current-context'])).stdout.trim()).toBe('home');
    },
  );
});

/** The teardown's side on its own, in process against moto: which second clusters `down` finds, and which it leaves. */
describe('down and a second cluster in the same VPC (moto)', () => {
  const plain = useMoto();
  const aws = () => ({ region: 'us-east-1', endpoint: plain.url, credentials: TEST_CREDENTIALS });
  beforeEach(() => plain.reset());

  /** A cluster on the tutor's subnets, made straight in moto, tagged as the build's second cluster or not tagged at all. */
  async function beside(engine: Awaited<ReturnType<typeof makeEngine>>, name: string, ours: boolean): Promise<string> {
    const first = (await engine.inventory()).find((f) => f.kind === 'eks-cluster')!;
    const eks = new EKSClient(aws());
    const blue = (await eks.send(new DescribeClusterCommand({ name: first.id }))).cluster!;
    const made = await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: blue.roleArn!,
        resourcesVpcConfig: { subnetIds: blue.resourcesVpcConfig!.subnetIds! },
        ...(ours ? { tags: tagMap(tutorTags('tutor-test', SECOND_CLUSTER_KEY, name)) } : {}),
      }),
    );
    eks.destroy();
    return made.cluster!.arn!;
  }

  const clusters = async () => {
    const eks = new EKSClient(aws());
    const names = (await eks.send(new ListClustersCommand({}))).clusters ?? [];
    eks.destroy();
    return names.sort();
  };

  it(
    'with its ledger lost, down still finds the build’s second cluster by its name and tag, and deletes it with the first',
    { timeout: 120_000 },
    async () => {
      const engine = await makeEngine(plain.url);
      await engine.up(3);
      await beside(engine, secondClusterName('tutor-test'), true);
      // Another machine, or the ledger deleted: only the tags say what is the tutor's.
      const stranger = await makeEngine(plain.url);
      const plan = await stranger.teardownPlan();
      expect(
        plan.delete
          .filter((f) => f.kind === 'eks-cluster')
          .map((f) => f.id)
          .sort(),
      ).toEqual(['tutor-test', 'tutor-test-green']);
      const result = await stranger.down(plan.delete);
      expect(result.remaining).toEqual([]);
      expect(await clusters()).toEqual([]);
    },
  );

  it('a cluster of that name that is not the tutor’s is left alone', { timeout: 120_000 }, async () => {
    const engine = await makeEngine(plain.url);
    await engine.up(3);
    await beside(engine, secondClusterName('tutor-test'), false);
    const stranger = await makeEngine(plain.url);
    const plan = await stranger.teardownPlan();
    expect(plan.delete.filter((f) => f.kind === 'eks-cluster').map((f) => f.id)).toEqual(['tutor-test']);
    expect(plan.leave.filter((f) => f.kind === 'eks-cluster').map((f) => f.id)).toEqual(['tutor-test-green']);
    await engine.down((await engine.teardownPlan()).delete);
    expect(await clusters()).toEqual(['tutor-test-green']);
  });
});

describe('day-two second-cluster in an AWS account', () => {
  it('says what the second control plane costs before anything is sent, and without a terminal or --yes stops there', async () => {
    const run = await runCli(['day-two', 'second-cluster', '--region', 'us-east-1']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatch(/second EKS control plane, eks-basics-tutor-green: about \$0\.100\/hour while it exists/);
    expect(run.stderr.trim()).toBe('This would ask for confirmation, but standard input is not a terminal: add --yes to go ahead.');
  });
});
