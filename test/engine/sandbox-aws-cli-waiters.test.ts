import { CreateClusterCommand, DescribeClusterCommand } from '@aws-sdk/client-eks';
import { execa } from 'execa';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sandboxChildEnv, sandboxEnvLines, startSandbox } from '../../src/sandbox/index.js';
import { createNetwork, createRole, ManualClock, MINUTES, sandboxClients, uniqueName, useSandbox } from '../support/sandbox.js';

// A cluster takes 9 s at 1/60, on a clock the test moves by hand: it stays CREATING until the test says.
const clock = new ManualClock();
const run = useSandbox({
  timeScale: 1 / 60,
  now: clock.now,
  behaviours: { 'iam-propagation': false, 'eventual-consistency': false },
});

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });
const aws = (args: string[], env = sandboxChildEnv(run.sandbox, baseEnv())) => execa('aws', args, { env, extendEnv: false, reject: false });

/** The sub-commands `aws <service> wait help` lists (its text without the terminal's bold and underline). */
async function waitCommands(service: string, env?: Record<string, string>): Promise<string[]> {
  const help = await aws([service, 'wait', 'help'], env);
  expect(help.exitCode, help.stderr).toBe(0);
  // Bold and underline are each a character, a backspace and another over it.
  let plain = '';
  for (const char of help.stdout) plain = char === '\b' ? plain.slice(0, -1) : plain + char;
  const listed = plain.slice(plain.indexOf('AVAILABLE COMMANDS'), plain.indexOf('EXAMPLES'));
  return [...listed.matchAll(/^\s+o ([a-z-]+)$/gm)].map((m) => m[1]!);
}

describe('the aws CLI’s EKS waiters in a time-lapsed sandbox', () => {
  it('`aws eks wait cluster-active` returns within seconds of the cluster turning ACTIVE, not after a 30 s poll', async () => {
    const { eks, ec2, iam } = sandboxClients(run.sandbox);
    const name = uniqueName('waited');
    const network = await createNetwork(ec2);
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: await createRole(iam, 'eks.amazonaws.com'),
        resourcesVpcConfig: { subnetIds: network.subnetIds },
      }),
    );
    const wait = aws(['eks', 'wait', 'cluster-active', '--name', name, '--debug']);
    let stderr = '';
    wait.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The wait's first DescribeCluster is answered CREATING, so it goes to sleep before it asks again.
    for (let tries = 0; !/"status":\s*"CREATING"/.test(stderr); tries += 1) {
      if (tries > 600) throw new Error(`the wait never saw the cluster CREATING:\n${stderr.slice(-2000)}`);
      await sleep(100);
    }
    clock.advance(MINUTES);
    expect((await eks.send(new DescribeClusterCommand({ name }))).cluster?.status).toBe('ACTIVE');
    // AWS's ClusterActive waiter would sleep 30 s here before its next DescribeCluster.
    const outcome = await Promise.race([wait.then((done) => done.exitCode), sleep(20_000).then(() => 'still waiting')]);
    wait.kill();
    expect(outcome, stderr.slice(-2000)).toBe(0);
  });

  it('still offers all eight `aws eks wait` sub-commands, and leaves the EC2 waiters as they are', async () => {
    const eight = [
      'addon-active',
      'addon-deleted',
      'cluster-active',
      'cluster-deleted',
      'fargate-profile-active',
      'fargate-profile-deleted',
      'nodegroup-active',
      'nodegroup-deleted',
    ];
    expect(run.sandbox.env.AWS_DATA_PATH).toBeTruthy();
    expect(await waitCommands('eks')).toEqual(eight);
    const ec2Own = await waitCommands('ec2', baseEnv());
    expect(ec2Own).toContain('nat-gateway-available');
    expect(await waitCommands('ec2')).toEqual(ec2Own);
  });

  it('keeps an AWS_DATA_PATH already set after its own, in child processes and in the lines for a shell', async () => {
    const ours = run.sandbox.env.AWS_DATA_PATH!;
    expect(sandboxChildEnv(run.sandbox, { AWS_DATA_PATH: '/home/me/models' }).AWS_DATA_PATH).toBe(`${ours}:/home/me/models`);
    expect(sandboxChildEnv(run.sandbox, { AWS_DATA_PATH: `${ours}:/home/me/models` }).AWS_DATA_PATH).toBe(`${ours}:/home/me/models`);
    const shellLines = sandboxEnvLines(run.sandbox, 'en').filter((line) => /^(export|unset) /.test(line));
    const printed = async (env: Record<string, string>) =>
      (await execa('sh', ['-c', `${shellLines.join('\n')}\nprintf %s "$AWS_DATA_PATH"`], { env, extendEnv: false })).stdout;
    expect(await printed({ PATH: process.env.PATH ?? '', AWS_DATA_PATH: '/home/me/models' })).toBe(`${ours}:/home/me/models`);
    expect(await printed({ PATH: process.env.PATH ?? '' })).toBe(ours);
  });

  it('at time scale 1 gives the aws CLI AWS’s own waiters', async () => {
    const realTime = await startSandbox({ timeScale: 1, region: 'us-east-1', motoUrl: run.sandbox.motoUrl });
    try {
      expect(realTime.env.AWS_DATA_PATH).toBeUndefined();
      expect(sandboxChildEnv(realTime, { AWS_DATA_PATH: '/home/me/models' }).AWS_DATA_PATH).toBe('/home/me/models');
    } finally {
      await realTime.stop();
    }
  });
});
