import { CreateClusterCommand, CreateNodegroupCommand, DeleteNodegroupCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { execa } from 'execa';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sandboxChildEnv, sandboxExecEnv } from '../../src/sandbox/index.js';
import { createNetwork, createRole, ManualClock, MINUTES, sandboxClients, useSandbox, useTempDir } from '../support/sandbox.js';

const clock = new ManualClock();
// AWS's harsh moments have tests of their own (sandbox-strict-*); here the network and roles are made in one go.
const run = useSandbox({ timeScale: 1, now: clock.now, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
const temp = useTempDir();
const name = 'tutor';

/** Never the user's kubeconfig or discovery cache. */
function kubeEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { ...sandboxChildEnv(run.sandbox, base), KUBECONFIG: join(temp.path, 'config'), KUBECACHEDIR: join(temp.path, 'cache') };
}

async function kubectl(args: string[], env = kubeEnv()) {
  return execa('kubectl', args, { env, extendEnv: false, reject: false });
}

async function getToken(clusterName: string): Promise<string> {
  const { stdout } = await execa('aws', ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', clusterName, '--output', 'json'], {
    env: kubeEnv(),
    extendEnv: false,
  });
  return (JSON.parse(stdout) as { status: { token: string } }).status.token;
}

/** GET with the cluster's CA, as kubectl would, returning status and parsed body. */
async function apiGet(endpoint: string, ca: string, path: string, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${path}`, { ca, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cluster = { endpoint: '', ca: '', subnetIds: [] as string[], nodeRole: '' };

describe('kubectl against a sandbox cluster', () => {
  it('writes a kubeconfig with the real aws CLI and lists the kubernetes service', async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2);
    cluster.subnetIds = network.subnetIds;
    cluster.nodeRole = await createRole(iam, 'ec2.amazonaws.com');
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: await createRole(iam, 'eks.amazonaws.com'),
        resourcesVpcConfig: { subnetIds: network.subnetIds },
      }),
    );
    clock.advance(10 * MINUTES);
    const described = (await eks.send(new DescribeClusterCommand({ name }))).cluster!;
    cluster.endpoint = described.endpoint!;
    cluster.ca = Buffer.from(described.certificateAuthority!.data!, 'base64').toString('utf8');

    await execa('aws', ['eks', 'update-kubeconfig', '--name', name, '--region', 'us-east-1'], { env: kubeEnv(), extendEnv: false });
    const svc = await kubectl(['get', 'svc']);
    expect(svc.stderr).toBe('');
    expect(svc.stdout.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
    expect(svc.stdout).toMatch(/^kubernetes\s+ClusterIP\s+10\.100\.0\.1\s+<none>\s+443\/TCP\s+\S+$/m);
  });

  it('shows no nodes until the node group is ACTIVE, then one Ready node per desired node', async () => {
    const { eks } = sandboxClients(run.sandbox);
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'workers',
        nodeRole: cluster.nodeRole,
        subnets: cluster.subnetIds,
        scalingConfig: { minSize: 1, maxSize: 4, desiredSize: 3 },
      }),
    );
    const creating = await kubectl(['get', 'nodes']);
    expect(creating.stdout).toBe('');
    expect(creating.stderr).toMatch(/No resources found/);

    clock.advance(5 * MINUTES);
    const ready = await kubectl(['get', 'nodes']);
    expect(ready.stderr).toBe('');
    const [header, ...rows] = ready.stdout.split('\n');
    expect(header).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(row).toMatch(/^ip-192-168-\d+-\d+\.ec2\.internal\s+Ready\s+<none>\s+\S+\s+v1\.\d+\.\d+-eks-[0-9a-f]{7}$/);

    const json = JSON.parse((await kubectl(['get', 'nodes', '-o', 'json'])).stdout) as { kind: string; items: any[] };
    expect(json.kind).toBe('List');
    expect(json.items).toHaveLength(3);
    for (const node of json.items) {
      expect(node.metadata.labels['eks.amazonaws.com/nodegroup']).toBe('workers');
      const ip: string = node.status.addresses.find((a: { type: string }) => a.type === 'InternalIP').address;
      // Inside 192.168.0.0/18 or 192.168.64.0/18, the node group's subnets.
      expect(ip.startsWith('192.168.')).toBe(true);
      expect(Number(ip.split('.')[2])).toBeLessThan(128);
      expect(node.metadata.name).toBe(`ip-${ip.replace(/\./g, '-')}.ec2.internal`);
    }
  });

  it('drops the nodes of a node group being deleted', async () => {
    const { eks } = sandboxClients(run.sandbox);
    await eks.send(new DeleteNodegroupCommand({ clusterName: name, nodegroupName: 'workers' }));
    expect((await kubectl(['get', 'nodes'])).stderr).toMatch(/No resources found/);
  });

  it('answers 401 to a token for another cluster, to no token, and 200 to its own', async () => {
    const unauthorized = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    };
    const other = await apiGet(cluster.endpoint, cluster.ca, '/api/v1/namespaces', await getToken('some-other-cluster'));
    expect(other.status).toBe(401);
    expect(other.body).toMatchObject(unauthorized);
    const none = await apiGet(cluster.endpoint, cluster.ca, '/api/v1/namespaces');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject(unauthorized);
    const own = await apiGet(cluster.endpoint, cluster.ca, '/api/v1/namespaces', await getToken(name));
    expect(own.status).toBe(200);
    expect(own.body.items.map((ns: { metadata: { name: string } }) => ns.metadata.name)).toContain('kube-system');
  });

  it("keeps the parent's real keys and session token out of the token when the kubeconfig sets the exec env", async () => {
    const kubeconfig = join(temp.path, 'exec-env-config');
    await writeFile(
      kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name, cluster: { server: cluster.endpoint, 'certificate-authority-data': Buffer.from(cluster.ca).toString('base64') } },
        ],
        users: [
          {
            name,
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: 'aws',
                args: ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', name, '--output', 'json'],
                env: sandboxExecEnv(run.sandbox),
                interactiveMode: 'Never',
              },
            },
          },
        ],
        contexts: [{ name, context: { cluster: name, user: name } }],
        'current-context': name,
      }),
    );
    // A terminal holding other keys and a session token: without the exec env, `aws eks get-token`
    // would sign with them and put the session token in the URL (see sandbox-token.test.ts).
    const terminal: Record<string, string> = {
      ...sandboxChildEnv(run.sandbox),
      AWS_ACCESS_KEY_ID: 'AKIAREALLOOKINGKEY01',
      AWS_SECRET_ACCESS_KEY: 'real-looking-secret',
      AWS_SESSION_TOKEN: 'real-looking-session-token',
      AWS_SECURITY_TOKEN: 'real-looking-session-token',
      KUBECONFIG: kubeconfig,
      KUBECACHEDIR: join(temp.path, 'cache'),
    };
    // --raw sends the path as given: it works because each cluster has a port of its own, with no path prefix.
    const result = await kubectl(['get', '--raw', '/api/v1/namespaces'], terminal);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).kind).toBe('NamespaceList');
  });
});
