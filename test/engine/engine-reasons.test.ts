import { ReleaseAddressCommand } from '@aws-sdk/client-ec2';
import { DeleteClusterCommand } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { createClients } from '../../src/aws/clients.js';
import { explainAwsError } from '../../src/aws/errors.js';
import { clusterStep } from '../../src/aws/steps/cluster.js';
import { nodegroupStep } from '../../src/aws/steps/nodegroup.js';
import { vpcStep } from '../../src/aws/steps/vpc.js';
import type { StepContext } from '../../src/aws/types.js';
import { Ledger } from '../../src/state/ledger.js';
import { answerWith } from '../support/answer.js';
import { TEST_CREDENTIALS, tempDir, testConfig } from '../support/engine.js';
import { awsError, failNext } from '../support/inject.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();

async function context(): Promise<StepContext> {
  const clients = createClients({ region: 'us-east-1', endpointUrl: moto.url, credentials: TEST_CREDENTIALS });
  let now = 0;
  return {
    config: testConfig(await tempDir()),
    clients,
    ledger: Ledger.inMemory({ clusterName: 'tutor-test', mode: 'real', region: 'us-east-1' }),
    clock: { now: () => now, sleep: async (ms) => void (now += ms) },
    emit: () => undefined,
    kubectl: async () => ({ stdout: '', stderr: '', exitCode: 1 }),
  };
}

describe('a failed resource is reported with AWS’s own reason', () => {
  it('a node group CREATE_FAILED: its health issues', async () => {
    const ctx = await context();
    answerWith(ctx.clients, 'eks', 'DescribeNodegroup', () => ({
      nodegroup: {
        nodegroupName: 'tutor-test-nodes',
        status: 'CREATE_FAILED',
        health: {
          issues: [{ code: 'NodeCreationFailure', message: 'Instances failed to join the kubernetes cluster', resourceIds: ['i-0123'] }],
        },
      },
    }));
    await expect(nodegroupStep.settle!(ctx)).rejects.toMatchObject({
      text: {
        en: expect.stringContaining(
          'CREATE_FAILED instead of finishing. AWS says: NodeCreationFailure: Instances failed to join the kubernetes cluster',
        ),
      },
    });
  });

  it('a cluster FAILED: its health issues', async () => {
    const ctx = await context();
    answerWith(ctx.clients, 'eks', 'DescribeCluster', () => ({
      cluster: {
        name: 'tutor-test',
        status: 'FAILED',
        health: {
          issues: [
            {
              code: 'Ec2SubnetInvalidConfiguration',
              message: 'One or more Amazon EC2 Subnets of [subnet-1] for node group does not automatically assign public IP addresses',
            },
          ],
        },
      },
    }));
    await expect(clusterStep.settle!(ctx)).rejects.toMatchObject({
      text: { en: expect.stringContaining('AWS says: Ec2SubnetInvalidConfiguration: One or more Amazon EC2 Subnets') },
    });
  });

  it('a NAT gateway failed: its FailureCode and FailureMessage', async () => {
    const ctx = await context();
    await ctx.ledger.intend('nat/0', 'nat-gateway', 2);
    await ctx.ledger.created('nat/0', 'nat-0123456789abcdef0');
    answerWith(ctx.clients, 'ec2', 'DescribeNatGateways', () => ({
      NatGateways: [
        {
          NatGatewayId: 'nat-0123456789abcdef0',
          State: 'failed',
          FailureCode: 'Gateway.NotAttached',
          FailureMessage: 'Network vpc-1 has no Internet gateway attached',
        },
      ],
    }));
    await expect(vpcStep.settle!(ctx)).rejects.toMatchObject({
      text: { en: expect.stringContaining('AWS says: Gateway.NotAttached: Network vpc-1 has no Internet gateway attached') },
    });
  });
});

describe('error explanations chosen by operation', () => {
  it('ResourceInUse while deleting is not “choose another name”', async () => {
    const ctx = await context();
    failNext(ctx.clients, 'eks', 'DeleteCluster', () => awsError('ResourceInUseException', 'Cluster has nodegroups attached'));
    const error = await ctx.clients.eks.send(new DeleteClusterCommand({ name: 'tutor-test' })).catch((e: unknown) => e);
    const explained = explainAwsError(error);
    expect(explained.code).not.toBe('NAME_TAKEN');
    expect(explained.text.en).not.toContain('--cluster-name');
    expect(explained.text.en).toContain('run the same command again');
  });

  it('AuthFailure on ReleaseAddress is not “bad credentials”', async () => {
    const ctx = await context();
    failNext(ctx.clients, 'ec2', 'ReleaseAddress', () =>
      awsError('AuthFailure', 'You do not have permission to access the specified resource.'),
    );
    const error = await ctx.clients.ec2
      .send(new ReleaseAddressCommand({ AllocationId: 'eipalloc-0123456789abcdef0' }))
      .catch((e: unknown) => e);
    const explained = explainAwsError(error);
    expect(explained.code).not.toBe('NO_CREDENTIALS');
    expect(explained.text.en).toContain('NAT gateway');
  });

  it('ResourceInUse on a create still says the name is taken', async () => {
    const error = awsError('ResourceInUseException', 'Cluster already exists with name: tutor-test');
    expect(explainAwsError(error).code).toBe('NAME_TAKEN');
  });
});
