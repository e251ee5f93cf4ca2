import { CreateClusterCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessAction } from '../../src/aws/day-two/access.js';
import type { DayTwoContext } from '../../src/aws/day-two/context.js';
import { secondClusterAction } from '../../src/aws/day-two/second-cluster.js';
import { SECOND_CLUSTER_KEY } from '../../src/aws/day-two/second-cluster-names.js';
import { Engine } from '../../src/aws/engine.js';
import { scaledClock } from '../../src/aws/wait.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import { tempDir, testConfig } from '../support/engine.js';
import { useSandbox } from '../support/sandbox.js';
import { sandboxEngineParts } from '../support/sandbox-engine.js';

/** A day-two action whose resource's name is someone else's: the steps' NAME_TAKEN, in both languages, and nothing recorded for it. */

const box = useSandbox({ timeScale: 0, behaviours: { 'eventual-consistency': false, 'iam-propagation': false } });
const saved = { KUBECONFIG: process.env.KUBECONFIG, KUBECACHEDIR: process.env.KUBECACHEDIR };
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const nameTaken = (en: string, ja: string) => ({
  code: 'NAME_TAKEN',
  text: {
    en: `${en} already exists and was not made by eks-basics-tutor. The tutor will not touch it: choose another --cluster-name.`,
    ja: `${ja} はすでに存在し、eks-basics-tutor が作成したものではありません。触れずにおくので、別の --cluster-name を指定してください。`,
  },
});

describe('day-two and names already taken', () => {
  it('second-cluster and access leave another’s cluster and role alone, and record neither', { timeout: 180_000 }, async () => {
    const stateDir = await tempDir();
    // Step 4 writes a kubeconfig: the test's own, never the machine's.
    process.env.KUBECONFIG = join(stateDir, 'kubeconfig');
    process.env.KUBECACHEDIR = join(stateDir, 'kube-cache');
    const config = testConfig(stateDir, { mode: 'sandbox', clusterName: 'taken', timeScale: 0, kubectl: true });
    const { clients, ledger } = await sandboxEngineParts(box.sandbox, config);
    const kubeconfigEnv = {
      AWS_ACCESS_KEY_ID: box.sandbox.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: box.sandbox.credentials.secretAccessKey,
      AWS_SESSION_TOKEN: '',
      AWS_SECURITY_TOKEN: '',
    };
    const clock = scaledClock(0);
    const engine = new Engine({ config, clients, ledger, clock, kubectl: runKubectl, kubeconfigEnv });
    await engine.resolveVersion();
    await engine.up(4);
    const ctx: DayTwoContext = {
      config,
      clients,
      ledger,
      clock,
      kubectl: runKubectl,
      kubeconfigEnv,
      emit: () => undefined,
      show: () => undefined,
    };

    // Someone else's cluster of the second cluster's name, on the same subnets, without the tutor's tags.
    const first = (await clients.eks.send(new DescribeClusterCommand({ name: 'taken' }))).cluster!;
    await clients.eks.send(
      new CreateClusterCommand({
        name: 'taken-green',
        roleArn: first.roleArn!,
        resourcesVpcConfig: { subnetIds: first.resourcesVpcConfig!.subnetIds! },
      }),
    );
    await expect(secondClusterAction(ctx)).rejects.toMatchObject(
      nameTaken('An EKS cluster named taken-green', 'EKS クラスター taken-green'),
    );
    expect(ledger.get(SECOND_CLUSTER_KEY)).toBeUndefined();

    // Someone else's role of the viewer role's name.
    const document = '{"Version":"2012-10-17","Statement":[]}';
    await clients.iam.send(new CreateRoleCommand({ RoleName: 'taken-viewer', AssumeRolePolicyDocument: document }));
    await expect(accessAction(ctx)).rejects.toMatchObject(nameTaken('An IAM role named taken-viewer', 'IAM ロール taken-viewer'));
    expect(ledger.get('role/viewer')).toBeUndefined();
    expect((await clients.iam.send(new GetRoleCommand({ RoleName: 'taken-viewer' }))).Role?.Tags ?? []).toEqual([]);
  });
});
