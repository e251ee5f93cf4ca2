import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/engine.js';

/**
 * A dry run sends nothing. The commands that read or delete what exists are refused with it, in one line
 * and before any request: an endpoint that counts what reaches it sees nothing.
 */

let server: Server;
let requests = 0;
let endpoint = '';

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests++;
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('--dry-run with a command that reads or deletes what exists', () => {
  it.each([
    [['status'], 'status reads what exists: run it in the sandbox (--sandbox) or against an account, not with --dry-run.'],
    [
      ['down', '--yes'],
      'down deletes what exists, and shows what it will delete before it asks: run it in the sandbox (--sandbox) or against an account, not with --dry-run.',
    ],
    [
      ['status', '--lang', 'ja'],
      'status は存在するものを読み取ります。--dry-run ではなく、サンドボックス(--sandbox)かアカウントで実行してください。',
    ],
  ])('%j is refused in one line with exit 2, nothing sent and nothing written', async (args, line) => {
    const state = await tempDir();
    const result = await runCli([...args, '--dry-run', '--endpoint-url', endpoint, '--region', 'us-east-1', '--state-dir', state]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim()).toBe(line);
    expect(result.stdout).toBe('');
    expect(requests).toBe(0);
    expect(await readdir(state)).toEqual([]);
  });
});
