import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { census } from '../support/census.js';
import { TEST_CREDENTIALS } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor } from '../support/tutor-process.js';
import { target } from '../support/cli-target.js';
import { startVersionsProxy } from '../support/versions-proxy.js';

const moto = useMoto();
let proxy: Awaited<ReturnType<typeof startVersionsProxy>>;

beforeAll(async () => {
  proxy = await startVersionsProxy(moto.url, [
    { version: '1.35', status: 'STANDARD_SUPPORT', endOfStandardSupport: '2027-03-28', endOfExtendedSupport: '2028-03-28', default: true },
    { version: '1.33', status: 'EXTENDED_SUPPORT', endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' },
  ]);
});
afterAll(async () => {
  await proxy?.close();
});

describe('a Kubernetes version in extended support', () => {
  it('is said, priced at $0.60 an hour and asked about before anything is made; with --yes it is built', { timeout: 120_000 }, async () => {
    const machine = makeMachine();
    const name = 'extended-133';
    const args = ['up', '--through', '3', '--no-kubectl', '--kubernetes-version', '1.33', ...target(proxy.url, name, machine)];
    const asked = await runTutor(machine, args);
    expect(asked.exitCode).toBe(2);
    expect(asked.stdout).toContain(
      'Kubernetes 1.33 is in extended support (until 2027-07-29): its control plane costs $0.600 an hour instead of $0.100.',
    );
    expect(asked.stderr).toContain('--yes');
    expect(await census(name, { endpoint: moto.url })).toEqual([]);

    const built = await runTutor(machine, [...args, '--yes']);
    expect(built.stderr).toBe('');
    expect(built.exitCode).toBe(0);
    expect(built.stdout).toContain('Kubernetes 1.33 is in extended support');
    const eks = new EKSClient({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
    expect((await eks.send(new DescribeClusterCommand({ name }))).cluster?.version).toBe('1.33');
    eks.destroy();

    const down = await runTutor(machine, ['down', '--yes', ...target(proxy.url, name, machine)]);
    expect(down.exitCode).toBe(0);
    expect(await census(name, { endpoint: moto.url })).toEqual([]);
  });
});
