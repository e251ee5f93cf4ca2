import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { accessAction } from '../../src/aws/day-two/access.js';
import { secondClusterAction } from '../../src/aws/day-two/second-cluster.js';
import { SECOND_CLUSTER_KEY } from '../../src/aws/day-two/second-cluster-names.js';
import { useSandbox } from '../support/sandbox.js';
import { nameTakenError, restoreKubeEnvAfterAll, sandboxDayTwo } from '../support/sandbox-day-two.js';

/** A day-two action whose resource's name is someone else's: the steps' NAME_TAKEN, in both languages, and nothing recorded for it. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
restoreKubeEnvAfterAll();

describe('day-two and names already taken', () => {
  it('second-cluster and access leave another’s cluster and role alone, and record neither', { timeout: 180_000 }, async () => {
    const { engine, ctx } = await sandboxDayTwo(box.sandbox, { clusterName: 'taken', kubectl: true });
    await engine.up(4);
    const { clients, ledger } = ctx;

    // Someone else's cluster of the second cluster's name, on the same subnets, without the tutor's tags.
    const first = (await clients.eks.send(new DescribeClusterCommand({ name: 'taken' }))).cluster!;
    const subnetIds = first.resourcesVpcConfig!.subnetIds!;
    await clients.eks.send(new CreateClusterCommand({ name: 'taken-green', roleArn: first.roleArn!, resourcesVpcConfig: { subnetIds } }));
    await expect(secondClusterAction(ctx)).rejects.toMatchObject(
      nameTakenError('An EKS cluster named taken-green', 'EKS クラスター taken-green'),
    );
    expect(ledger.get(SECOND_CLUSTER_KEY)).toBeUndefined();
    // The shared subnets do not name the other cluster: its load balancers are not offered them.
    const subnets = (await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets ?? [];
    expect(subnets.flatMap((s) => (s.Tags ?? []).map((t) => t.Key))).not.toContain('kubernetes.io/cluster/taken-green');

    // Someone else's role of the viewer role's name.
    const document = '{"Version":"2012-10-17","Statement":[]}';
    await clients.iam.send(new CreateRoleCommand({ RoleName: 'taken-viewer', AssumeRolePolicyDocument: document }));
    await expect(accessAction(ctx)).rejects.toMatchObject(nameTakenError('An IAM role named taken-viewer', 'IAM ロール taken-viewer'));
    expect(ledger.get('role/viewer')).toBeUndefined();
    expect((await clients.iam.send(new GetRoleCommand({ RoleName: 'taken-viewer' }))).Role?.Tags ?? []).toEqual([]);
  });
});
