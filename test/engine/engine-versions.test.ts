import { DescribeClusterCommand, DescribeClusterVersionsCommand, EKSClient } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { TutorError } from '../../src/errors.js';
import { awsError, failNext } from '../support/inject.js';
import { makeEngine } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { useSandbox } from '../support/sandbox.js';

const box = useSandbox();
const moto = useMoto();

const sandboxEngine = (overrides: Parameters<typeof makeEngine>[1] = {}) =>
  makeEngine(
    box.sandbox.endpointUrl,
    { clusterName: `v-${Math.random().toString(36).slice(2, 8)}`, ...overrides },
    { clientSettings: { credentials: box.sandbox.credentials } },
  );

/** What the endpoint itself offers, asked without the tutor. */
async function offered() {
  const eks = new EKSClient({ region: box.sandbox.region, endpoint: box.sandbox.endpointUrl, credentials: box.sandbox.credentials });
  return (await eks.send(new DescribeClusterVersionsCommand({ includeAll: true }))).clusterVersions ?? [];
}

describe('the Kubernetes version', () => {
  it('is EKS’s default, resolved before the plan, and the plan shows what CreateCluster sends', { timeout: 120_000 }, async () => {
    const versions = await offered();
    const expected = versions.find((v) => v.defaultVersion && v.versionStatus === 'STANDARD_SUPPORT')?.clusterVersion;
    expect(expected).toBeDefined();
    const engine = await sandboxEngine();
    expect(engine.plan(3).calls[0]!.input.version).toBe('<kubernetes-version>');
    const resolved = await engine.resolveVersion();
    expect(resolved).toMatchObject({ version: expected, support: 'standard', supportType: 'STANDARD', needsConfirmation: false });
    const planned = engine.plan(3).calls[0]!;
    expect(planned.input.version).toBe(expected);
    expect(planned.cli).toContain(`--kubernetes-version ${expected}`);
    await engine.up(3);
    const eks = new EKSClient({ region: box.sandbox.region, endpoint: box.sandbox.endpointUrl, credentials: box.sandbox.credentials });
    const cluster = (await eks.send(new DescribeClusterCommand({ name: engine.config.clusterName }))).cluster;
    expect(cluster?.version).toBe(expected);
    expect(cluster?.upgradePolicy?.supportType ?? 'STANDARD').toBe('STANDARD');
  });

  it('--kubernetes-version in extended support is said, priced at $0.60 an hour, and asks to be confirmed', async () => {
    const extended = (await offered()).find((v) => v.versionStatus === 'EXTENDED_SUPPORT')?.clusterVersion;
    expect(extended).toBeDefined();
    const engine = await sandboxEngine({ kubernetesVersion: extended! });
    const resolved = await engine.resolveVersion();
    expect(resolved).toMatchObject({
      version: extended,
      support: 'extended',
      supportType: 'EXTENDED',
      needsConfirmation: true,
      clusterHourUsd: 0.6,
    });
    expect(resolved.note?.en).toContain('extended support');
    expect(resolved.note?.en).toContain('$0.60/hour');
    expect(engine.plan(3).hourlyCost).toBe(0.6);
  });

  it('--kubernetes-version that EKS does not offer is bad input (exit 2), naming what it offers', async () => {
    const engine = await sandboxEngine({ kubernetesVersion: '1.20' });
    const error = await engine.resolveVersion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TutorError);
    expect((error as TutorError).code).toBe('BAD_INPUT');
    expect((error as TutorError).text.en).toMatch(/^--kubernetes-version 1\.20 .*use one of 1\.\d+/);
  });

  it('without eks:DescribeClusterVersions it stops with the permission to grant; nothing is created', async () => {
    const engine = await sandboxEngine();
    failNext(engine.clients, 'eks', 'DescribeClusterVersions', () =>
      awsError(
        'AccessDeniedException',
        'User: arn:aws:iam::123456789012:user/learner is not authorized to perform: eks:DescribeClusterVersions',
      ),
    );
    const error = await engine.resolveVersion().catch((e: unknown) => e);
    expect((error as TutorError).code).toBe('ACCESS_DENIED');
    expect((error as TutorError).text.en).toContain('grant eks:DescribeClusterVersions, or pass --kubernetes-version');
    expect(engine.ledger.live).toEqual([]);
  });

  it('without eks:DescribeClusterVersions, --kubernetes-version is used as given and said to be unchecked', async () => {
    const engine = await sandboxEngine({ kubernetesVersion: '1.35' });
    failNext(engine.clients, 'eks', 'DescribeClusterVersions', () =>
      awsError('AccessDeniedException', 'not authorized to perform: eks:DescribeClusterVersions'),
    );
    const resolved = await engine.resolveVersion();
    expect(resolved).toMatchObject({ version: '1.35', support: 'unknown', source: 'option' });
    expect(resolved.note?.en).toContain('cannot check');
  });

  it('an endpoint that is not AWS and has no DescribeClusterVersions (moto) gets the default, and says so', async () => {
    const engine = await makeEngine(moto.url);
    const notes: string[] = [];
    engine.on((e) => e.type === 'note' && notes.push(e.text.en));
    const resolved = await engine.resolveVersion();
    expect(resolved).toMatchObject({ support: 'unknown', source: 'endpoint-default' });
    expect(notes.join('\n')).toContain(`${moto.url} does not answer DescribeClusterVersions`);
  });
});
