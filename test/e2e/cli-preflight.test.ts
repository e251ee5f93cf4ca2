import { DescribeNatGatewaysCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../support/engine.js';
import { useMoto } from '../support/moto.js';
import { pathWithout } from '../support/path-without.js';
import { makeMachine, runTutor } from '../support/tutor-process.js';
import { target } from '../support/cli-target.js';

const moto = useMoto();
const aws = <T>(C: new (c: object) => T) => new C({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });

/** Everything of any kind in the endpoint that bills or that the tutor would make. */
async function world(): Promise<{ vpcs: number; nats: number; clusters: string[]; roles: string[] }> {
  const vpcs = (await aws(EC2Client).send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
  const nats = ((await aws(EC2Client).send(new DescribeNatGatewaysCommand({}))).NatGateways ?? []).filter(
    (g) => g.State !== 'deleted',
  ).length;
  const clusters = (await aws(EKSClient).send(new ListClustersCommand({}))).clusters ?? [];
  const roles = ((await aws(IAMClient).send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName ?? '');
  return { vpcs, nats, clusters, roles };
}

describe('preflight: what is checked before anything billable', () => {
  it.each([
    ['kubectl', /kubectl was not found on PATH.*--no-kubectl/],
    ['aws', /The aws CLI was not found on PATH: kubectl runs `aws eks get-token`.*--no-kubectl/],
  ])('without %s on PATH, up refuses before any role, NAT gateway or cluster exists', { timeout: 60_000 }, async (program, says) => {
    const machine = makeMachine({ PATH: pathWithout([program]) });
    const before = await world();
    const name = `preflight-no-${program}`;
    const run = await runTutor(machine, ['up', '--yes', ...target(moto.url, name, machine)]);
    expect(run.exitCode).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^Nothing was created: before anything billable, this needs fixing/);
    expect(lines[0]).toMatch(says);
    expect(run.stdout).not.toContain('Step 1/5');
    expect(await world()).toEqual(before);
    expect((await world()).roles.filter((r) => r.startsWith(name))).toEqual([]);
  });

  it('kubectl more than one minor version from the cluster’s is refused before anything exists', { timeout: 60_000 }, async () => {
    const machine = makeMachine();
    const before = await world();
    const kubectl = JSON.parse((await import('execa')).execaSync('kubectl', ['version', '--client', '-o', 'json']).stdout) as {
      clientVersion: { minor: string };
    };
    const far = `1.${Number.parseInt(kubectl.clientVersion.minor, 10) + 3}`;
    const run = await runTutor(machine, ['up', '--yes', '--kubernetes-version', far, ...target(moto.url, 'preflight-skew', machine)]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`is 3 minor versions from the cluster's ${far}; kubectl works within one`);
    expect(await world()).toEqual(before);
  });

  it('with --no-kubectl the tools are not asked for, and up --through 1 builds', { timeout: 60_000 }, async () => {
    const machine = makeMachine({ PATH: pathWithout(['kubectl', 'aws']) });
    const name = 'preflight-off';
    const run = await runTutor(machine, ['up', '--yes', '--through', '1', '--no-kubectl', ...target(moto.url, name, machine)]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const down = await runTutor(machine, ['down', '--yes', ...target(moto.url, name, machine)]);
    expect(down.exitCode).toBe(0);
  });
});
