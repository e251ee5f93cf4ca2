import { build } from 'esbuild';
import { execa } from 'execa';
import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TutorError } from '../../src/errors.js';
import { sandboxEnvLines, startSandbox } from '../../src/sandbox/index.js';
import { startMotoServer } from '../../src/sandbox/moto.js';
import { clusterEndpoint } from '../support/sandbox-fetch.js';

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const portOf = (url: string): number => Number(new URL(url).port);

/** Live (not zombie) processes whose command line holds `-p <port>` and moto_server. */
async function motoProcesses(port: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
      const state = (await readFile(`/proc/${entry}/stat`, 'utf8')).split(') ')[1]?.[0];
      const p = args.indexOf('-p');
      if (state !== 'Z' && args.some((a) => a.includes('moto_server')) && p >= 0 && args[p + 1] === String(port)) found.push(Number(entry));
    } catch {
      // the process went away while we looked
    }
  }
  return found;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return check();
}

const originalTmp = process.env.TMPDIR;
let privateTmp = '';
beforeAll(async () => {
  privateTmp = await mkdtemp(join(tmpdir(), 'sandbox-stop-'));
  process.env.TMPDIR = privateTmp;
});
afterAll(async () => {
  if (originalTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmp;
  await rm(privateTmp, { recursive: true, force: true });
});

describe('stopping the sandbox', () => {
  it('leaves no process, port or temp file, and may be called twice', async () => {
    const sandbox = await startSandbox({ timeScale: 0, region: 'us-east-1' });
    const kubeApiUrl = await clusterEndpoint(sandbox.endpointUrl, sandbox.credentials.accessKeyId, 'stopped');
    const ports = [sandbox.endpointUrl, sandbox.motoUrl, kubeApiUrl].map(portOf);
    for (const port of ports) expect(await listening(port)).toBe(true);
    expect(await motoProcesses(portOf(sandbox.motoUrl))).toHaveLength(1);
    // The certificate keys were read into memory and their directory removed at once; the aws CLI's waiters stay while it runs.
    expect(await readdir(privateTmp)).toEqual([expect.stringMatching(/^eks-sandbox-aws-cli-/)]);

    await Promise.all([sandbox.stop(), sandbox.stop()]);
    await sandbox.stop();
    for (const port of ports) expect(await listening(port)).toBe(false);
    expect(await motoProcesses(portOf(sandbox.motoUrl))).toEqual([]);
    expect(await readdir(privateTmp)).toEqual([]);
  });

  it('leaves a moto it did not start running', async () => {
    const moto = await startMotoServer();
    try {
      const sandbox = await startSandbox({ timeScale: 0, region: 'us-east-1', motoUrl: moto.url });
      expect(sandbox.motoUrl).toBe(moto.url);
      await sandbox.stop();
      expect(await listening(moto.port)).toBe(true);
      expect(await listening(portOf(sandbox.endpointUrl))).toBe(false);
    } finally {
      await moto.stop();
    }
  });

  it('takes moto down with it when the tutor is killed', async () => {
    const bundle = join(privateTmp, 'runner.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../support/sandbox-runner.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
      // CommonJS dependencies (write-file-atomic, yaml) require Node's modules, as in the tutor's own bundle.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const child = execa('node', [bundle], { reject: false, buffer: false });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', () => reject(new Error('the runner exited early')));
    });
    const urls = JSON.parse(line) as { endpointUrl: string; motoUrl: string };
    expect(await listening(portOf(urls.motoUrl))).toBe(true);
    child.kill('SIGKILL');
    await child;
    expect(await until(async () => !(await listening(portOf(urls.motoUrl))))).toBe(true);
    expect(await until(async () => (await motoProcesses(portOf(urls.motoUrl))).length === 0)).toBe(true);
    expect(await listening(portOf(urls.endpointUrl))).toBe(false);
  });
});

describe('starting the sandbox', () => {
  it('explains an unreachable --endpoint-url', async () => {
    const error = await startSandbox({ timeScale: 0, region: 'us-east-1', motoUrl: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TutorError);
    expect((error as TutorError).code).toBe('SANDBOX');
    expect((error as TutorError).text.ja).toContain('moto');
  });

  it('reports a missing moto_server as TOOL_MISSING', async () => {
    const { stdout: python } = await execa('python3', ['-c', 'import sys; print(sys.executable)']);
    const bin = await mkdtemp(join(privateTmp, 'bin-'));
    await symlink(python, join(bin, 'python3'));
    const path = process.env.PATH;
    process.env.PATH = bin;
    try {
      const error = await startSandbox({ timeScale: 0, region: 'us-east-1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TutorError);
      expect((error as TutorError).code).toBe('TOOL_MISSING');
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('sandboxEnvLines', () => {
  it('prints the endpoint and the lines to paste in both languages', () => {
    const sandbox = {
      endpointUrl: 'http://127.0.0.1:4566',
      motoUrl: 'http://127.0.0.1:5000',
      env: {
        AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
        AWS_ACCESS_KEY_ID: 'AKIA',
        AWS_SECRET_ACCESS_KEY: 'a/b',
        AWS_SESSION_TOKEN: '',
        AWS_REGION: 'us-east-1',
      },
    };
    const en = sandboxEnvLines(sandbox, 'en');
    expect(en).toContain('export AWS_ENDPOINT_URL=http://127.0.0.1:4566');
    expect(en).toContain('export AWS_SECRET_ACCESS_KEY=a/b');
    expect(en.find((l) => l.startsWith('unset '))).toContain('AWS_SESSION_TOKEN');
    expect(en.find((l) => l.startsWith('unset '))).toContain('AWS_PROFILE');
    const ja = sandboxEnvLines(sandbox, 'ja');
    expect(ja[0]).toContain('http://127.0.0.1:4566');
    expect(ja[0]).not.toBe(en[0]);
  });
});
