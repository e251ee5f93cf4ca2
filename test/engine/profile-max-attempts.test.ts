import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, createClients, destroyClients } from '../../src/aws/clients.js';
import { NO_FAULTS, startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { TEST_CREDENTIALS, tempDir } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

/** How many times a failing call is tried: AWS_MAX_ATTEMPTS, else the profile's max_attempts, else the tutor's 8. */

const moto = useMoto();
let proxy: FaultProxy;
const NAMES = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_PROFILE'] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
beforeAll(async () => {
  proxy = await startFaultProxy(moto.url, { ...NO_FAULTS, always: { 'ec2:DescribeVpcs': 'server-error' } });
  const dir = await tempDir();
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  await writeFile(process.env.AWS_CONFIG_FILE, '[profile few]\nmax_attempts = 3\n\n[profile plain]\nregion = us-east-1\n');
  await writeFile(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
});
afterEach(() => {
  for (const name of ['AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_PROFILE']) delete process.env[name];
});
afterAll(async () => {
  await proxy.close();
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** Sends one DescribeVpcs (every attempt answered 500) and returns how many attempts reached the endpoint. */
async function attempts(profile: string | undefined): Promise<number> {
  const clients = createClients({ region: 'us-east-1', endpointUrl: proxy.url, credentials: TEST_CREDENTIALS, profile });
  const before = new Set(proxy.stats.calls.keys());
  try {
    await expect(clients.ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'InternalError' });
  } finally {
    destroyClients(clients);
  }
  const records = [...proxy.stats.calls].filter(([id, r]) => !before.has(id) && r.operation === 'ec2:DescribeVpcs');
  expect(records).toHaveLength(1);
  return records[0]![1].attempts;
}

describe('the number of attempts of a call', () => {
  it("follows the profile's max_attempts in the shared config file", async () => {
    expect(await attempts('few')).toBe(3);
  });

  it('follows the profile that AWS_PROFILE names, as the aws CLI does', async () => {
    process.env.AWS_PROFILE = 'few';
    expect(await attempts(undefined)).toBe(3);
  });

  it("is AWS_MAX_ATTEMPTS when that is set, over the profile's", async () => {
    process.env.AWS_MAX_ATTEMPTS = '2';
    expect(await attempts('few')).toBe(2);
  });

  it('is the tutor’s 8 for a profile that says nothing, and for an AWS_MAX_ATTEMPTS that is not a number', async () => {
    expect(DEFAULT_MAX_ATTEMPTS).toBe(8);
    expect(await attempts('plain')).toBe(8);
    process.env.AWS_MAX_ATTEMPTS = 'many';
    expect(await attempts('plain')).toBe(8);
  }, 60_000);
});
