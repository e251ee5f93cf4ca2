import { EC2Client, CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/** A clock the tests move by hand, so a resource stays CREATING or DELETING as long as a test needs. */
export class ManualClock {
  private t = Date.now();
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export const MINUTES = 60_000;

/** A sandbox (with its own moto_server) for the tests of one file. */
export function useSandbox(options: Partial<SandboxOptions> = {}): { readonly sandbox: Sandbox } {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ timeScale: 1 / 60, region: 'us-east-1', ...options });
  }, 60_000);
  afterAll(async () => {
    await sandbox?.stop();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox is not running');
      return sandbox;
    },
  };
}

/** Real SDK clients pointed at the sandbox with its dummy credentials. */
export function sandboxClients(sandbox: Sandbox) {
  const config = { region: sandbox.region, endpoint: sandbox.endpointUrl, credentials: sandbox.credentials, maxAttempts: 1 };
  return { eks: new EKSClient(config), ec2: new EC2Client(config), iam: new IAMClient(config) };
}

let counter = 0;
/** A name no other test in this file uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export interface TestNetwork {
  vpcId: string;
  subnetIds: string[];
}

/** A VPC with one /18 subnet per given AZ. */
export async function createNetwork(ec2: EC2Client, zones: string[] = ['us-east-1a', 'us-east-1b']): Promise<TestNetwork> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '192.168.0.0/16' }));
  const vpcId = vpc.Vpc!.VpcId!;
  const subnetIds: string[] = [];
  for (const [i, zone] of zones.entries()) {
    const subnet = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `192.168.${i * 64}.0/18`, AvailabilityZone: zone }));
    subnetIds.push(subnet.Subnet!.SubnetId!);
  }
  return { vpcId, subnetIds };
}

export async function createRole(iam: IAMClient, service: string): Promise<string> {
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: uniqueName('role'),
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
  return role.Role!.Arn!;
}

/** The error name an SDK call fails with (undefined when it succeeds). */
export async function errorName(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
}

/** How an SDK call ended: `ok`, or the error's name and message. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** A temp directory for one test file, removed afterwards. */
export function useTempDir(): { readonly path: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-test-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get path() {
      if (!dir) throw new Error('no temp dir yet');
      return dir;
    },
  };
}
