import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/aws/engine.js';
import type { EngineEvent, StepNumber } from '../../src/aws/types.js';
import { useMoto } from '../support/moto.js';
import { TEST_CREDENTIALS, makeEngine, tempDir } from '../support/engine.js';
import { awsError } from '../support/inject.js';
import { nameTakenError } from '../support/sandbox-day-two.js';

const moto = useMoto();
const client = <T>(C: new (config: object) => T) => new C({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

/** Left out: a policy attachment is no resource of its own. */
const NOT_COUNTED = new Set(['policy-attachment']);

/** The resources a run reports as news (what the CLI prints with "+"), as `key change`. */
function news(engine: Engine): string[] {
  const lines: string[] = [];
  engine.on((event: EngineEvent) => {
    if (event.type === 'resource' && !NOT_COUNTED.has(event.kind)) lines.push(`${event.key} ${event.change}`);
  });
  return lines;
}

function failedChecks(results: Map<StepNumber, { id: string; ok: boolean; unknown?: boolean }[]>): string[] {
  return [...results.values()]
    .flat()
    .filter((c) => !c.ok && !c.unknown)
    .map((c) => c.id);
}

const nameTaken = nameTakenError;

describe('resources found by name: the roles, the cluster and the node group', () => {
  const savedKubeconfig = process.env.KUBECONFIG;
  beforeEach(async () => {
    await moto.reset();
    // Step 4 writes the kubeconfig: a file of the test's own, never the machine's.
    process.env.KUBECONFIG = join(await tempDir(), 'kubeconfig');
  });
  afterEach(() => {
    if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = savedKubeconfig;
  });

  it('a run that finds what its ledger holds reports nothing again; with the ledger gone, each is adopted once', async () => {
    const stateDir = await tempDir();
    await (await makeEngine(moto.url, {}, { stateDir })).up(5);

    const again = await makeEngine(moto.url, {}, { stateDir });
    const repeated = news(again);
    const results = await again.up(5);
    expect(repeated).toEqual([]);
    // The steps still count as done: every check passes.
    expect(failedChecks(results)).toEqual([]);

    const lost = await makeEngine(moto.url);
    const adopted = news(lost);
    expect(failedChecks(await lost.up(5))).toEqual([]);
    expect(adopted.filter((line) => !line.endsWith(' adopted'))).toEqual([]);
    // Step 4's entry is in the kubeconfig as the first run wrote it: found there, not written again.
    expect(adopted).toEqual(
      expect.arrayContaining(['role/cluster adopted', 'cluster adopted', 'kubeconfig adopted', 'role/node adopted', 'nodegroup adopted']),
    );
    expect(new Set(adopted).size).toBe(adopted.length);
  });

  it('a cluster of the name that is not the tutor’s is left alone: NAME_TAKEN in both languages, nothing recorded for it', async () => {
    await client(EKSClient).send(
      new CreateClusterCommand({
        name: 'tutor-test',
        roleArn: 'arn:aws:iam::123456789012:role/someone-else',
        resourcesVpcConfig: { subnetIds: [] },
      }),
    );
    const engine = await makeEngine(moto.url);
    await expect(engine.up(3)).rejects.toMatchObject(nameTaken('An EKS cluster named tutor-test', 'EKS クラスター tutor-test'));
    expect(engine.ledger.get('cluster')).toBeUndefined();
    const still = await client(EKSClient).send(new DescribeClusterCommand({ name: 'tutor-test' }));
    expect(still.cluster?.roleArn).toBe('arn:aws:iam::123456789012:role/someone-else');
  });

  it('a node group of the name that is not the tutor’s is left alone: NAME_TAKEN, nothing recorded for it', async () => {
    const engine = await makeEngine(moto.url);
    await engine.up(3);
    await client(EKSClient).send(
      new CreateNodegroupCommand({
        clusterName: 'tutor-test',
        nodegroupName: 'tutor-test-nodes',
        nodeRole: 'arn:aws:iam::123456789012:role/someone-else',
        subnets: [engine.ledger.get('subnet/private/0')!.id!],
      }),
    );
    await expect(engine.run(5)).rejects.toMatchObject(nameTaken('A node group named tutor-test-nodes', 'ノードグループ tutor-test-nodes'));
    expect(engine.ledger.get('nodegroup')).toBeUndefined();
    const still = await client(EKSClient).send(
      new DescribeNodegroupCommand({ clusterName: 'tutor-test', nodegroupName: 'tutor-test-nodes' }),
    );
    expect(still.nodegroup?.nodeRole).toBe('arn:aws:iam::123456789012:role/someone-else');
  });

  it('a role of the name that is not the tutor’s is left alone: NAME_TAKEN, nothing recorded for it', async () => {
    const document = '{"Version":"2012-10-17","Statement":[]}';
    await client(IAMClient).send(new CreateRoleCommand({ RoleName: 'tutor-test-cluster-role', AssumeRolePolicyDocument: document }));
    const engine = await makeEngine(moto.url);
    await expect(engine.run(1)).rejects.toMatchObject(
      nameTaken('An IAM role named tutor-test-cluster-role', 'IAM ロール tutor-test-cluster-role'),
    );
    expect(engine.ledger.get('role/cluster')).toBeUndefined();
    const still = await client(IAMClient).send(new GetRoleCommand({ RoleName: 'tutor-test-cluster-role' }));
    expect(still.Role?.Tags ?? []).toEqual([]);
  });

  it('a CreateRole sent again after its first answer was lost, refused as EntityAlreadyExists, adopts the role it made', async () => {
    const engine = await makeEngine(moto.url);
    const stack = (engine.clients.iam as unknown as { middlewareStack: { add: (m: unknown, o: object) => void } }).middlewareStack;
    let lost = 0;
    // The first CreateRole reaches IAM, and its answer is that of a second try: the name is in use.
    stack.add(
      (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const answer = await next(args);
        if (context.commandName !== 'CreateRoleCommand' || lost++ > 0) return answer;
        throw awsError('EntityAlreadyExistsException', 'Role with name tutor-test-cluster-role already exists.');
      },
      { step: 'initialize', name: 'lostCreateRoleAnswer' },
    );
    const reported = news(engine);
    const checks = await engine.run(1);
    expect(checks.filter((c) => !c.ok && !c.unknown)).toEqual([]);
    const role = await client(IAMClient).send(new GetRoleCommand({ RoleName: 'tutor-test-cluster-role' }));
    expect(engine.ledger.get('role/cluster')).toMatchObject({ state: 'created', id: role.Role?.Arn });
    expect(reported).toEqual(['role/cluster creating', 'role/cluster created']);
  });
});
