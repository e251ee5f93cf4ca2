import { CreateTagsCommand, DeleteTagsCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DescribeAddonVersionsCommand,
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
} from '@aws-sdk/client-eks';
import { DescribeLoadBalancersCommand, DescribeTagsCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeLoadBalancersCommand as DescribeLoadBalancersV2Command,
  DescribeTagsCommand as DescribeTagsV2Command,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { execa } from 'execa';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxChildEnv } from '../../src/sandbox/index.js';
import { createNetwork, createRole, ManualClock, MINUTES, sandboxClients, useSandbox, useTempDir } from '../support/sandbox.js';

/** What a learner does with kubectl on day one, against a sandbox cluster with two t3.medium nodes. */

const clock = new ManualClock();
const run = useSandbox({ timeScale: 1, now: clock.now, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
const temp = useTempDir();
const name = 'dayone';
const ELB_TAG = 'kubernetes.io/role/elb';

const kubeEnv = () => ({ ...sandboxChildEnv(run.sandbox), KUBECONFIG: join(temp.path, 'config'), KUBECACHEDIR: join(temp.path, 'cache') });
const kubectl = (args: string[], input?: string) =>
  execa('kubectl', args, { env: kubeEnv(), extendEnv: false, reject: false, ...(input ? { input } : {}) });
const elb = () =>
  new ElasticLoadBalancingClient({
    region: 'us-east-1',
    endpoint: run.sandbox.endpointUrl,
    credentials: run.sandbox.credentials,
    maxAttempts: 1,
  });

/** 192.168.0.0/18 and 192.168.64.0/18: the two subnets the node group uses. */
const inNodeSubnets = (ip: string) => /^192\.168\.(\d+)\.\d+$/.test(ip) && Number(ip.split('.')[2]) < 128;

const rows = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s{2,}|\s+(?=\S)/).filter(Boolean));
const facts = { subnetIds: [] as string[], nodeIps: [] as string[], endpoint: '', ca: '' };

describe('day one with kubectl against a sandbox cluster', () => {
  it('lists aws-node and kube-proxy on each node with its address, and coredns with addresses the VPC CNI took from the node subnets', async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2);
    facts.subnetIds = network.subnetIds;
    await ec2.send(new CreateTagsCommand({ Resources: network.subnetIds, Tags: [{ Key: ELB_TAG, Value: '1' }] }));
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: await createRole(iam, 'eks.amazonaws.com'),
        resourcesVpcConfig: { subnetIds: network.subnetIds },
      }),
    );
    clock.advance(10 * MINUTES);
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'workers',
        nodeRole: await createRole(iam, 'ec2.amazonaws.com'),
        subnets: network.subnetIds,
        instanceTypes: ['t3.medium'],
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      }),
    );
    await execa('aws', ['eks', 'update-kubeconfig', '--name', name, '--region', 'us-east-1'], { env: kubeEnv(), extendEnv: false });
    // Before the nodes join, CoreDNS has nowhere to run.
    const before = await kubectl(['get', 'pods', '-n', 'kube-system']);
    expect(rows(before.stdout).map((r) => [r[0]!.replace(/-[a-z0-9]+-[a-z0-9]+$/, ''), r[2]])).toEqual([
      ['coredns', 'Pending'],
      ['coredns', 'Pending'],
    ]);

    clock.advance(5 * MINUTES);
    const nodes = await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[0].address}']);
    facts.nodeIps = nodes.stdout.split(' ');
    expect(facts.nodeIps).toHaveLength(2);
    const pods = await kubectl(['get', 'pods', '-A', '-o', 'wide']);
    expect(pods.stderr).toBe('');
    expect(pods.stdout.split('\n')[0]).toMatch(
      /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/,
    );
    const table = rows(pods.stdout).map(([namespace, pod, ready, status, , , ip, node]) => ({
      namespace,
      pod: pod!,
      ready,
      status,
      ip: ip!,
      node: node!,
    }));
    const of = (prefix: string) => table.filter((p) => p.pod.startsWith(`${prefix}-`));
    expect(table.every((p) => p.namespace === 'kube-system' && p.status === 'Running')).toBe(true);
    for (const daemon of ['aws-node', 'kube-proxy']) {
      // Host network: each pod has the address of the node it runs on, one per node.
      expect(
        of(daemon)
          .map((p) => p.ip)
          .sort(),
      ).toEqual([...facts.nodeIps].sort());
      for (const p of of(daemon)) expect(p.node).toBe(`ip-${p.ip.replace(/\./g, '-')}.ec2.internal`);
    }
    expect(of('aws-node').every((p) => p.ready === '2/2')).toBe(true);
    const coredns = of('coredns');
    expect(coredns).toHaveLength(2);
    for (const p of coredns) {
      expect(inNodeSubnets(p.ip)).toBe(true);
      expect(facts.nodeIps).not.toContain(p.ip);
    }
    expect(new Set(coredns.map((p) => p.ip)).size).toBe(2);
  });

  it('describes a t3.medium node as holding 17 pods, from its ENI and address limits', async () => {
    const described = await kubectl(['describe', 'node', `ip-${facts.nodeIps[0]!.replace(/\./g, '-')}.ec2.internal`]);
    expect(described.stderr).toBe('');
    const section = (title: string) => described.stdout.split(`${title}:\n`)[1]!.split(/\n\S/)[0]!;
    expect(section('Capacity')).toMatch(/^\s+pods:\s+17$/m);
    expect(section('Allocatable')).toMatch(/^\s+pods:\s+17$/m);
    expect(section('Capacity')).toMatch(/^\s+cpu:\s+2$/m);
    expect(described.stdout).toMatch(/Ready\s+True\s+.*KubeletReady/);
    expect(described.stdout).toMatch(/InternalIP:\s+192\.168\./);
    expect(described.stdout).toMatch(/Lease:\n\s+HolderIdentity:\s+ip-192-168-/);
  });

  it('shows one set of versions: kubelets, kube-proxy and the API server agree with DescribeClusterVersions and DescribeAddonVersions', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const version = (await eks.send(new DescribeClusterCommand({ name }))).cluster!.version!;
    const patch = (await eks.send(new DescribeClusterVersionsCommand({ clusterVersions: [version] }))).clusterVersions![0]!
      .kubernetesPatchVersion!;
    const addon = (await eks.send(new DescribeAddonVersionsCommand({ addonName: 'kube-proxy', kubernetesVersion: version }))).addons![0]!;
    const kubeProxy = addon.addonVersions![0]!.addonVersion!;
    expect(kubeProxy.startsWith(`v${patch}-eksbuild.`)).toBe(true);
    const kubelets = await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].status.nodeInfo.kubeletVersion}']);
    const proxies = await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[*].status.nodeInfo.kubeProxyVersion}']);
    for (const seen of [...kubelets.stdout.split(' '), ...proxies.stdout.split(' ')])
      expect(seen).toMatch(new RegExp(`^v${patch.replace(/\./g, '\\.')}-eks-`));
    const images = await kubectl([
      'get',
      'pods',
      '-n',
      'kube-system',
      '-l',
      'k8s-app=kube-proxy',
      '-o',
      'jsonpath={.items[*].spec.containers[0].image}',
    ]);
    // EKS's kube-proxy image is the add-on version's minimal build.
    const tag = kubeProxy.replace('-eksbuild.', '-minimal-eksbuild.');
    expect(images.stdout.split(' ').map((i) => i.split(':').pop())).toEqual([tag, tag]);
    const server = JSON.parse((await kubectl(['version', '-o', 'json'])).stdout) as { serverVersion: { gitVersion: string } };
    expect(server.serverVersion.gitVersion.startsWith(`v${patch}-eks-`)).toBe(true);
  });

  it('runs a Deployment: its pods go Pending, ContainerCreating, then Running with VPC addresses on both nodes', async () => {
    const created = await kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('deployment.apps/web created');
    const status = async () =>
      rows((await kubectl(['get', 'pods', '-l', 'app=web', '-o', 'wide'])).stdout).map((r) => ({ status: r[2], ip: r[5]!, node: r[6]! }));
    expect((await status()).map((p) => p.status)).toEqual(['Pending', 'Pending']);
    clock.advance(3_000);
    expect((await status()).map((p) => [p.status, p.ip])).toEqual([
      ['ContainerCreating', '<none>'],
      ['ContainerCreating', '<none>'],
    ]);
    clock.advance(10_000);
    const running = await status();
    expect(running.map((p) => p.status)).toEqual(['Running', 'Running']);
    expect(running.every((p) => inNodeSubnets(p.ip) && !facts.nodeIps.includes(p.ip))).toBe(true);
    expect(new Set(running.map((p) => p.node)).size).toBe(2);

    const all = await kubectl(['get', 'deploy,rs,pods', '-l', 'app=web']);
    expect(all.stdout).toMatch(/^deployment\.apps\/web\s+2\/2\s+2\s+2\s+\S+$/m);
    expect(all.stdout).toMatch(/^replicaset\.apps\/web-[a-z0-9]{10}\s+2\s+2\s+2\s+\S+$/m);

    const events = await kubectl(['get', 'events', '--field-selector', 'involvedObject.kind=Pod']);
    expect(events.stdout).toMatch(/Normal\s+Scheduled\s+pod\/web-\S+\s+Successfully assigned default\/web-\S+ to ip-192-168-/);
    expect(events.stdout).toMatch(/Normal\s+Started\s+pod\/web-\S+\s+Started container nginx/);
    expect((await kubectl(['scale', 'deployment', 'web', '--replicas=3'])).stdout).toBe('deployment.apps/web scaled');
    expect((await kubectl(['get', 'deployment', 'web'])).stdout).toMatch(/^web\s+2\/3\s+3\s+2\s+\S+$/m);
    clock.advance(10_000);
    expect((await kubectl(['get', 'deployment', 'web'])).stdout).toMatch(/^web\s+3\/3\s+3\s+3\s+\S+$/m);
  });

  it('exposes it as a LoadBalancer: a classic ELB in the tagged subnets, tagged for the cluster, its DNS name as EXTERNAL-IP', async () => {
    const exposed = await kubectl(['expose', 'deployment', 'web', '--type', 'LoadBalancer', '--port', '80']);
    expect(exposed.stdout).toBe('service/web exposed');
    const svc = await kubectl(['get', 'svc', 'web']);
    const [, type, , externalIp, ports] = rows(svc.stdout)[0]!;
    expect(type).toBe('LoadBalancer');
    expect(ports).toMatch(/^80:3\d{4}\/TCP$/);
    const { LoadBalancerDescriptions: lbs = [] } = await elb().send(new DescribeLoadBalancersCommand({}));
    expect(lbs).toHaveLength(1);
    const lb = lbs[0]!;
    expect(externalIp).toBe(lb.DNSName);
    expect(lb.LoadBalancerName).toMatch(/^a[0-9a-f]{31}$/);
    expect([...(lb.Subnets ?? [])].sort()).toEqual([...facts.subnetIds].sort());
    expect(lb.ListenerDescriptions?.[0]?.Listener).toMatchObject({
      Protocol: 'TCP',
      LoadBalancerPort: 80,
      InstancePort: Number(ports!.split(/[:/]/)[1]),
    });
    const tags =
      (await elb().send(new DescribeTagsCommand({ LoadBalancerNames: [lb.LoadBalancerName!] }))).TagDescriptions?.[0]?.Tags ?? [];
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({
      [`kubernetes.io/cluster/${name}`]: 'owned',
      'kubernetes.io/service-name': 'default/web',
    });
    const { ec2 } = sandboxClients(run.sandbox);
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: lb.SecurityGroups }))).SecurityGroups ?? [];
    expect(groups.map((g) => g.GroupName)).toEqual([`k8s-elb-${lb.LoadBalancerName}`]);
    expect(groups[0]!.Tags).toContainEqual({ Key: `kubernetes.io/cluster/${name}`, Value: 'owned' });
  });

  it('leaves a new LoadBalancer Service pending with the controller event when no subnet carries the elb tag', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    await ec2.send(new DeleteTagsCommand({ Resources: facts.subnetIds, Tags: [{ Key: ELB_TAG }] }));
    const manifest = join(temp.path, 'web-public.yaml');
    await writeFile(
      manifest,
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web-public',
        'spec:',
        '  type: LoadBalancer',
        '  selector:',
        '    app: web',
        '  ports:',
        '  - port: 80',
        '    targetPort: 80',
        '',
      ].join('\n'),
    );
    const applied = await kubectl(['apply', '-f', manifest]);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('service/web-public created');
    expect(rows((await kubectl(['get', 'svc', 'web-public'])).stdout)[0]![3]).toBe('<pending>');
    const message = 'Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB';
    const events = await kubectl(['get', 'events', '--field-selector', 'involvedObject.name=web-public']);
    expect(events.stdout).toContain('SyncLoadBalancerFailed');
    expect(events.stdout).toContain(message);
    const described = await kubectl(['describe', 'service', 'web-public']);
    expect(described.stdout).toMatch(new RegExp(`Warning\\s+SyncLoadBalancerFailed\\s+.*service-controller\\s+${message}`));
    expect(((await elb().send(new DescribeLoadBalancersCommand({}))).LoadBalancerDescriptions ?? []).length).toBe(1);
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: facts.subnetIds }))).Subnets ?? [];
    expect(subnets.flatMap((s) => s.Tags ?? []).some((t) => t.Key === ELB_TAG)).toBe(false);

    // The controller tries again: once a subnet carries the tag, the Service gets its load balancer.
    await ec2.send(new CreateTagsCommand({ Resources: facts.subnetIds, Tags: [{ Key: ELB_TAG, Value: '1' }] }));
    clock.advance(10_000);
    const retried = rows((await kubectl(['get', 'svc', 'web-public'])).stdout)[0]![3];
    expect(retried).toMatch(/^a[0-9a-f]{31}\..*elb\.amazonaws\.com$/);
    expect(((await elb().send(new DescribeLoadBalancersCommand({}))).LoadBalancerDescriptions ?? []).map((lb) => lb.DNSName)).toContain(
      retried,
    );
  });

  it('deletes the load balancer and its security group in AWS when the Service is deleted', async () => {
    const [lb] =
      (
        await elb().send(
          new DescribeLoadBalancersCommand({
            LoadBalancerNames: [
              `a${(await kubectl(['get', 'svc', 'web', '-o', 'jsonpath={.metadata.uid}'])).stdout.replace(/-/g, '')}`.slice(0, 32),
            ],
          }),
        )
      ).LoadBalancerDescriptions ?? [];
    const deleted = await kubectl(['delete', 'svc', 'web', 'web-public']);
    expect(deleted.stdout).toBe('service "web" deleted\nservice "web-public" deleted');
    expect((await elb().send(new DescribeLoadBalancersCommand({}))).LoadBalancerDescriptions ?? []).toEqual([]);
    const { ec2 } = sandboxClients(run.sandbox);
    const groups = (
      await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [`k8s-elb-${lb!.LoadBalancerName}`] }] }))
    ).SecurityGroups;
    expect(groups).toEqual([]);
    expect((await kubectl(['get', 'svc'])).stdout).not.toMatch(/^web/m);
    expect((await kubectl(['delete', 'deployment', 'web'])).stdout).toBe('deployment.apps "web" deleted');
    expect((await kubectl(['get', 'pods'])).stderr).toMatch(/No resources found/);
  });

  it('makes an internal NLB in the internal-elb subnets when the Service asks for one', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    await ec2.send(new CreateTagsCommand({ Resources: facts.subnetIds, Tags: [{ Key: 'kubernetes.io/role/internal-elb', Value: '1' }] }));
    const manifest = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web-internal',
      '  annotations:',
      '    service.beta.kubernetes.io/aws-load-balancer-type: nlb',
      '    service.beta.kubernetes.io/aws-load-balancer-internal: "true"',
      'spec:',
      '  type: LoadBalancer',
      '  selector: {app: web}',
      '  ports: [{port: 80}]',
      '',
    ].join('\n');
    const file = join(temp.path, 'web-internal.yaml');
    await writeFile(file, manifest);
    expect((await kubectl(['apply', '-f', file])).stdout).toBe('service/web-internal created');
    const externalIp = rows((await kubectl(['get', 'svc', 'web-internal'])).stdout)[0]![3];
    const elbv2 = new ElasticLoadBalancingV2Client({
      region: 'us-east-1',
      endpoint: run.sandbox.endpointUrl,
      credentials: run.sandbox.credentials,
      maxAttempts: 1,
    });
    const [nlb] = (await elbv2.send(new DescribeLoadBalancersV2Command({}))).LoadBalancers ?? [];
    expect(nlb).toMatchObject({ Type: 'network', Scheme: 'internal', DNSName: externalIp });
    const tags = (await elbv2.send(new DescribeTagsV2Command({ ResourceArns: [nlb!.LoadBalancerArn!] }))).TagDescriptions?.[0]?.Tags ?? [];
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({
      [`kubernetes.io/cluster/${name}`]: 'owned',
      'kubernetes.io/service-name': 'default/web-internal',
    });
    expect((await kubectl(['delete', 'svc', 'web-internal'])).stdout).toBe('service "web-internal" deleted');
    expect((await elbv2.send(new DescribeLoadBalancersV2Command({}))).LoadBalancers ?? []).toEqual([]);
  });

  it('answers what it does not serve as an API server would: a 404 or 405 Status', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const cluster = (await eks.send(new DescribeClusterCommand({ name }))).cluster!;
    const token = JSON.parse(
      (
        await execa('aws', ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', name, '--output', 'json'], {
          env: kubeEnv(),
          extendEnv: false,
        })
      ).stdout,
    ).status.token as string;
    const call = (method: string, path: string) =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const ca = Buffer.from(cluster.certificateAuthority!.data!, 'base64').toString('utf8');
        const req = request(
          `${cluster.endpoint}${path}`,
          { method, ca, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(method === 'GET' ? undefined : '{}');
      });
    const unknown = await call('GET', '/apis/networking.k8s.io/v1/namespaces/default/ingresses');
    expect(unknown).toEqual({
      status: 404,
      body: expect.objectContaining({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404 }),
    });
    const missing = await call('GET', '/apis/apps/v1/namespaces/default/deployments/nothing-here');
    expect(missing.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
      message: 'deployments.apps "nothing-here" not found',
    });
    const readOnly = await call('POST', '/api/v1/nodes');
    expect(readOnly).toEqual({ status: 405, body: expect.objectContaining({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 }) });
    expect((await kubectl(['get', 'ingresses'])).stderr).toMatch(/the server doesn't have a resource type "ingresses"/);
  });
});
