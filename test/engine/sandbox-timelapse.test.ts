import { AllocateAddressCommand, CreateNatGatewayCommand, DeleteNatGatewayCommand, DescribeNatGatewaysCommand } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DeleteClusterCommand,
  DeleteNodegroupCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createNetwork, createRole, errorName, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';

// IAM propagation and eventual consistency have their own tests (sandbox-strict-*).
const behaviours = { 'iam-propagation': false, 'eventual-consistency': false };

/** The distinct states `read` goes through until `done` holds. */
async function statesUntil(read: () => Promise<string>, done: (state: string) => boolean): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await read();
    if (seen[seen.length - 1] !== state) seen.push(state);
    if (done(state)) return seen;
    if (Date.now() > deadline) throw new Error(`still ${state} after 30 s (seen ${seen.join(' -> ')})`);
    await sleep(40);
  }
}

async function statusOrGone(call: Promise<{ status?: string | undefined }>): Promise<string> {
  try {
    return (await call).status ?? 'none';
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return 'gone';
    throw error;
  }
}

describe('NAT gateway time-lapse', () => {
  // Real durations divided by 30: 3 s pending and 2 s deleting, long enough to be seen on a busy machine.
  const run = useSandbox({ timeScale: 1 / 30, behaviours });

  it('goes pending -> available, then deleting -> deleted', async () => {
    const { ec2 } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2, ['us-east-1a']);
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const created = await ec2.send(new CreateNatGatewayCommand({ SubnetId: network.subnetIds[0], AllocationId: eip.AllocationId }));
    const id = created.NatGateway!.NatGatewayId!;
    expect(created.NatGateway!.State).toBe('pending');
    const state = async () => (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))).NatGateways?.[0]?.State ?? 'none';
    expect(await statesUntil(state, (s) => s === 'available')).toEqual(['pending', 'available']);
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: id }));
    expect(await statesUntil(state, (s) => s === 'deleted')).toEqual(['deleting', 'deleted']);
  });
});

describe('EKS time-lapse', () => {
  // Real durations divided by 60, as elsewhere: a cluster takes 9 s to make and 3 s to delete, a node group 4 s
  // each way, so the calls made while one is DELETING land inside that window on a busy machine too.
  const run = useSandbox({ timeScale: 1 / 60, behaviours });
  const name = uniqueName('lapse');
  const setup = { subnetIds: [] as string[], nodeRole: '' };

  it('shows the cluster CREATING before ACTIVE, and refuses node groups until then', async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const network = await createNetwork(ec2);
    setup.subnetIds = network.subnetIds;
    setup.nodeRole = await createRole(iam, 'ec2.amazonaws.com');
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: await createRole(iam, 'eks.amazonaws.com'),
        resourcesVpcConfig: { subnetIds: network.subnetIds },
      }),
    );
    const early = eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'too-early',
        nodeRole: setup.nodeRole,
        subnets: setup.subnetIds,
        scalingConfig: { minSize: 1, maxSize: 1, desiredSize: 1 },
      }),
    );
    expect(await errorName(early)).toBe('InvalidRequestException');
    const states = await statesUntil(
      () => statusOrGone(eks.send(new DescribeClusterCommand({ name })).then((r) => r.cluster!)),
      (s) => s === 'ACTIVE',
    );
    expect(states).toEqual(['CREATING', 'ACTIVE']);
  });

  it('shows the node group CREATING before ACTIVE, DELETING before gone, and keeps the cluster meanwhile', async () => {
    const { eks } = sandboxClients(run.sandbox);
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: name,
        nodegroupName: 'workers',
        nodeRole: setup.nodeRole,
        subnets: setup.subnetIds,
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      }),
    );
    const describe = () =>
      statusOrGone(eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: 'workers' })).then((r) => r.nodegroup!));
    expect(await statesUntil(describe, (s) => s === 'ACTIVE')).toEqual(['CREATING', 'ACTIVE']);

    expect(await errorName(eks.send(new DeleteClusterCommand({ name })))).toBe('ResourceInUseException');
    const deleted = await eks.send(new DeleteNodegroupCommand({ clusterName: name, nodegroupName: 'workers' }));
    expect(deleted.nodegroup?.status).toBe('DELETING');
    expect((await eks.send(new ListNodegroupsCommand({ clusterName: name }))).nodegroups).toEqual(['workers']);
    expect(await errorName(eks.send(new DeleteClusterCommand({ name })))).toBe('ResourceInUseException');
    expect(await statesUntil(describe, (s) => s === 'gone')).toEqual(['DELETING', 'gone']);
    expect((await eks.send(new ListNodegroupsCommand({ clusterName: name }))).nodegroups).toEqual([]);
  });

  it('shows the cluster DELETING, still listed, until it is gone', async () => {
    const { eks } = sandboxClients(run.sandbox);
    const deleted = await eks.send(new DeleteClusterCommand({ name }));
    expect(deleted.cluster?.status).toBe('DELETING');
    expect((await eks.send(new ListClustersCommand({}))).clusters).toContain(name);
    const states = await statesUntil(
      () => statusOrGone(eks.send(new DescribeClusterCommand({ name })).then((r) => r.cluster!)),
      (s) => s === 'gone',
    );
    expect(states).toEqual(['DELETING', 'gone']);
    expect((await eks.send(new ListClustersCommand({}))).clusters).not.toContain(name);
  });
});
