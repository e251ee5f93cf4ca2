import {
  AssociateAccessPolicyCommand,
  CreateClusterCommand,
  DeleteAccessEntryCommand,
  DisassociateAccessPolicyCommand,
  ListAccessEntriesCommand,
} from '@aws-sdk/client-eks';
import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxChildEnv } from '../../src/sandbox/index.js';
import { createNetwork, createRole, ManualClock, MINUTES, sandboxClients, useSandbox, useTempDir } from '../support/sandbox.js';

/** The Kubernetes API maps the caller's IAM principal to its access entry, as EKS does in the API authentication mode. */

const clock = new ManualClock();
const run = useSandbox({ timeScale: 1, now: clock.now, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
const temp = useTempDir();
const name = 'entries';
const POLICIES = 'arn:aws:eks::aws:cluster-access-policy';

const kubeEnv = () => ({ ...sandboxChildEnv(run.sandbox), KUBECONFIG: join(temp.path, 'config'), KUBECACHEDIR: join(temp.path, 'cache') });
const kubectl = (args: string[]) => execa('kubectl', args, { env: kubeEnv(), extendEnv: false, reject: false });
let principalArn = '';

describe('access entries in the sandbox Kubernetes API', () => {
  it("lets the cluster's creator in through the admin entry EKS made for it", async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2);
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: await createRole(iam, 'eks.amazonaws.com'),
        resourcesVpcConfig: { subnetIds: network.subnetIds },
        accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
      }),
    );
    clock.advance(10 * MINUTES);
    await execa('aws', ['eks', 'update-kubeconfig', '--name', name, '--region', 'us-east-1'], { env: kubeEnv(), extendEnv: false });
    const entries = (await eks.send(new ListAccessEntriesCommand({ clusterName: name }))).accessEntries ?? [];
    expect(entries).toHaveLength(1);
    principalArn = entries[0]!;
    const namespaces = await kubectl(['get', 'namespaces']);
    expect(namespaces.stderr).toBe('');
    expect(namespaces.stdout).toMatch(/^kube-system\s+Active/m);
  });

  it('answers 403 Forbidden, in RBAC words, to what the entry’s policies do not allow', async () => {
    const { eks } = sandboxClients(run.sandbox);
    await eks.send(
      new DisassociateAccessPolicyCommand({ clusterName: name, principalArn, policyArn: `${POLICIES}/AmazonEKSClusterAdminPolicy` }),
    );
    await eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: name,
        principalArn,
        policyArn: `${POLICIES}/AmazonEKSViewPolicy`,
        accessScope: { type: 'namespace', namespaces: ['default'] },
      }),
    );
    const allowed = await kubectl(['get', 'pods']);
    expect(allowed.stderr).toMatch(/No resources found in default namespace/);
    const otherNamespace = await kubectl(['get', 'pods', '-n', 'kube-system']);
    expect(otherNamespace.stderr).toMatch(
      /^Error from server \(Forbidden\): pods is forbidden: User "(.+)" cannot list resource "pods" in API group "" in the namespace "kube-system"$/m,
    );
    expect(otherNamespace.stderr).toContain(principalArn.split(':').pop()!.split('/').pop()!);
    const write = await kubectl(['create', 'deployment', 'web', '--image=nginx']);
    expect(write.stderr).toMatch(
      /deployments\.apps is forbidden: User ".+" cannot create resource "deployments" in API group "apps" in the namespace "default"/,
    );
    const nodes = await kubectl(['get', 'nodes']);
    expect(nodes.stderr).toMatch(/nodes is forbidden: User ".+" cannot list resource "nodes" in API group "" at the cluster scope/);
  });

  it('answers 401 Unauthorized once the principal has no access entry', async () => {
    const { eks } = sandboxClients(run.sandbox);
    await eks.send(new DeleteAccessEntryCommand({ clusterName: name, principalArn }));
    const locked = await kubectl(['get', 'pods']);
    expect(locked.stderr).toMatch(/error: You must be logged in to the server \(Unauthorized\)/);
  });
});
