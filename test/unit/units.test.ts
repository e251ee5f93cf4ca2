import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../../src/aws/cli-command.js';
import { Engine } from '../../src/aws/engine.js';
import { subnetCidr } from '../../src/aws/network.js';
import { roleName } from '../../src/aws/roles.js';
import { createClients } from '../../src/aws/clients.js';
import { realClock } from '../../src/aws/wait.js';
import { mask } from '../../src/mask.js';
import { resolveConfig } from '../../src/options.js';
import { Ledger, ledgerPath } from '../../src/state/ledger.js';
import { acquireLock } from '../../src/state/lock.js';
import { detectLang } from '../../src/text.js';
import { TEST_CREDENTIALS, tempDir, testConfig } from '../support/engine.js';

function planEngine(overrides = {}) {
  const config = testConfig('/nonexistent', overrides);
  return new Engine({
    config,
    clients: createClients({ region: config.region, credentials: TEST_CREDENTIALS }),
    ledger: Ledger.inMemory({ clusterName: config.clusterName, mode: 'real', region: config.region }),
    clock: realClock,
    kubectl: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
  });
}

describe('plans', () => {
  it('step 1 trusts eks.amazonaws.com and attaches AmazonEKSClusterPolicy, shown as aws CLI commands', () => {
    const plan = planEngine().plan(1);
    const create = plan.calls[0]!;
    expect(create.action).toBe('CreateRole');
    expect(JSON.parse(String(create.input.AssumeRolePolicyDocument)).Statement[0].Principal.Service).toBe('eks.amazonaws.com');
    expect(plan.calls[1]!.cli).toBe(
      'aws iam attach-role-policy --role-name tutor-test-cluster-role --policy-arn arn:aws:iam::aws:policy/AmazonEKSClusterPolicy --region us-east-1',
    );
    expect(create.cli).toContain("--assume-role-policy-document '{");
  });

  it('step 2 makes one NAT for single, one per AZ for ha, none for none, and tags the subnets for load balancers', () => {
    const count = (nat: 'single' | 'ha' | 'none', azs: 2 | 3) =>
      planEngine({ nat, azs })
        .plan(2)
        .calls.filter((c) => c.action === 'CreateNatGateway').length;
    expect([count('single', 2), count('ha', 2), count('ha', 3), count('none', 3)]).toEqual([1, 2, 3, 0]);
    const subnets = planEngine()
      .plan(2)
      .calls.filter((c) => c.action === 'CreateSubnet');
    const tags = subnets.map((c) => JSON.stringify(c.input.TagSpecifications));
    expect(tags.filter((t) => t.includes('"kubernetes.io/role/elb","Value":"1"'))).toHaveLength(2);
    expect(tags.filter((t) => t.includes('"kubernetes.io/role/internal-elb","Value":"1"'))).toHaveLength(2);
    expect(subnets.map((c) => c.input.CidrBlock)).toEqual(['192.168.0.0/19', '192.168.96.0/19', '192.168.32.0/19', '192.168.128.0/19']);
  });

  it('step 3 sets what the API defaults would get wrong', () => {
    const input = planEngine({ logging: true }).plan(3).calls[0]!.input as Record<string, any>;
    expect(input.accessConfig).toEqual({ authenticationMode: 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true });
    expect(input.upgradePolicy).toEqual({ supportType: 'STANDARD' });
    expect(input.resourcesVpcConfig).toMatchObject({ endpointPublicAccess: true, endpointPrivateAccess: true });
    expect(input.resourcesVpcConfig.subnetIds).toHaveLength(4);
    expect(input.logging.clusterLogging[0].enabled).toBe(true);
    expect(planEngine().plan(3).calls[0]!.cli).toContain('--kubernetes-version');
  });

  it('step 5 uses PullOnly by default, ReadOnly on request, and public subnets when there is no NAT', () => {
    const arns = (o = {}) =>
      planEngine(o)
        .plan(5)
        .calls.filter((c) => c.action === 'AttachRolePolicy')
        .map((c) => String(c.input.PolicyArn).split('/').pop());
    expect(arns()).toEqual(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly']);
    expect(arns({ registryPolicy: 'readonly' })).toContain('AmazonEC2ContainerRegistryReadOnly');
    const group = (o = {}) =>
      planEngine(o)
        .plan(5)
        .calls.find((c) => c.action === 'CreateNodegroup')!.input as Record<string, any>;
    expect(group().subnets).toEqual(['<subnet-private-0>', '<subnet-private-1>']);
    expect(group({ nat: 'none' }).subnets).toEqual(['<subnet-public-0>', '<subnet-public-1>']);
    expect(group({ nodes: 4 }).scalingConfig).toEqual({ minSize: 1, maxSize: 4, desiredSize: 4 });
    expect(group()).toMatchObject({ amiType: 'AL2023_x86_64_STANDARD', diskSize: 20, instanceTypes: ['t3.medium'] });
  });

  it('prices what runs: a NAT and its address in step 2, the control plane in step 3, the nodes in step 5', () => {
    const engine = planEngine();
    expect(engine.plan(1).hourlyCost).toBe(0);
    expect(engine.plan(2).hourlyCost).toBeCloseTo(0.05, 5);
    expect(engine.plan(3).hourlyCost).toBe(0.1);
    expect(engine.plan(5).hourlyCost).toBeCloseTo(2 * 0.0416, 5);
  });
});

describe('small pieces', () => {
  it('turns requests into aws CLI commands', () => {
    expect(cliCommand('ec2', 'ModifySubnetAttribute', { SubnetId: 'subnet-1', MapPublicIpOnLaunch: { Value: true } }, 'us-east-1')).toBe(
      'aws ec2 modify-subnet-attribute --subnet-id subnet-1 --map-public-ip-on-launch --region us-east-1',
    );
    expect(cliCommand('eks', 'CreateCluster', { name: 'x', version: '1.33' }, 'ap-northeast-1')).toBe(
      'aws eks create-cluster --name x --kubernetes-version 1.33 --region ap-northeast-1',
    );
  });

  it('cuts the VPC into slots, leaving room for a third AZ', () => {
    expect(subnetCidr('10.0.0.0/16', 'public', 2)).toBe('10.0.64.0/19');
    expect(subnetCidr('10.1.0.0/24', 'private', 0)).toBe('10.1.0.96/27');
  });

  it('keeps role names within IAM’s 64 characters', () => {
    const long = 'a'.repeat(100);
    expect(roleName(long, 'cluster-role').length).toBeLessThanOrEqual(64);
    expect(roleName(long, 'cluster-role')).not.toBe(roleName(`${'a'.repeat(99)}b`, 'cluster-role'));
    expect(roleName('demo', 'node-role')).toBe('demo-node-role');
  });

  it('masks account ids, access keys and public addresses, and keeps private ones', () => {
    const line = 'arn:aws:iam::123456789012:role/x AKIAABCDEFGHIJKLMNOP 54.12.3.4 192.168.1.5 10.100.0.1';
    const masked = mask(line);
    expect(masked).not.toContain('123456789012');
    expect(masked).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(masked).not.toContain('54.12.3.4');
    expect(masked).toContain('192.168.1.5');
    expect(masked).toContain('10.100.0.1');
  });

  it('speaks Japanese when the locale is Japanese', () => {
    expect(detectLang({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(detectLang({ LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(detectLang({})).toBe('en');
    expect(resolveConfig({}, { LANG: 'ja_JP.UTF-8' }).lang).toBe('ja');
  });

  it('resolves defaults as documented', () => {
    const config = resolveConfig({ region: 'ap-northeast-1' }, {});
    expect(config).toMatchObject({
      mode: 'real',
      clusterName: 'eks-basics-tutor',
      vpcCidr: '192.168.0.0/16',
      azs: 2,
      nat: 'single',
      nodes: 2,
      instanceType: 't3.medium',
      registryPolicy: 'pullonly',
      timeScale: 1 / 60,
    });
    expect(resolveConfig({ timeScale: '0' }, {}).timeScale).toBe(0);
    expect(resolveConfig({}, { EKS_BASICS_TUTOR_STATE_DIR: '/tmp/x' }).stateDir).toBe('/tmp/x');
  });
});

describe('the ledger', () => {
  it('is written atomically, versioned, and readable again', async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, { clusterName: 'c', mode: 'real', region: 'us-east-1' });
    await ledger.intend('vpc', 'vpc', 2);
    await ledger.created('vpc', 'vpc-123', { cidr: '192.168.0.0/16' });
    const again = await Ledger.open(dir, { clusterName: 'c', mode: 'real', region: 'us-east-1' });
    expect(again.opening).toBe('loaded');
    expect(again.get('vpc')).toMatchObject({ state: 'created', id: 'vpc-123', details: { cidr: '192.168.0.0/16' } });
    const raw = JSON.parse(await readFile(ledgerPath(dir, 'real', 'c'), 'utf8'));
    expect(raw).toMatchObject({ format: 'eks-basics-tutor-ledger', version: 1 });
  });

  it('keeps a corrupted ledger as a backup instead of discarding it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'real'), { recursive: true });
    await writeFile(ledgerPath(dir, 'real', 'c'), '{"format":"eks-basics-tutor-ledger","vers');
    const ledger = await Ledger.open(dir, { clusterName: 'c', mode: 'real', region: 'us-east-1' });
    expect(typeof ledger.opening).toBe('object');
    const files = await readdir(join(dir, 'real'));
    expect(files.some((f) => f.startsWith('c.json.corrupt-'))).toBe(true);
  });

  it('keeps sandbox and real ledgers apart', () => {
    expect(ledgerPath('/s', 'sandbox', 'c')).not.toBe(ledgerPath('/s', 'real', 'c'));
  });

  it('lets one process at a time work on a cluster name, and takes over a stale lock', async () => {
    const dir = await tempDir();
    const path = join(dir, 'c.lock');
    const release = await acquireLock(path, 'c');
    await writeFile(path, '1\n');
    await expect(acquireLock(path, 'c')).rejects.toMatchObject({ code: 'LOCKED' });
    await writeFile(path, '999999999\n');
    const again = await acquireLock(path, 'c');
    await again();
    await release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process that started later', async () => {
    const dir = await tempDir();
    const path = join(dir, 'c.lock');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const stat = await readFile(`/proc/${other.pid}/stat`, 'utf8');
      const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      // The live process that wrote this lock: refused.
      await writeFile(path, `${other.pid}\n${started}\n`);
      await expect(acquireLock(path, 'c')).rejects.toMatchObject({ code: 'LOCKED' });
      // The same pid, but the lock was written by a process that started at another time: taken over.
      await writeFile(path, `${other.pid}\n${Number(started) - 1}\n`);
      const release = await acquireLock(path, 'c');
      expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(String(process.pid));
      await release();
    } finally {
      other.kill();
    }
  });
});
