import { writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { explainAwsError } from '../../src/aws/errors.js';
import { seen } from '../support/seen.js';

/** What the call failed with: a real failure of this machine, as Node or execa report it. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => {
      throw new Error('it did not fail');
    },
    (error: unknown) => error,
  );
}

/** The explained line, shown the same by the CLI and by a screen, in both languages. */
async function shown(error: unknown): Promise<{ en: string; ja: string; code: string }> {
  const explained = explainAwsError(error);
  for (const lang of ['en', 'ja'] as const) {
    const { cli, screen } = await seen(error, lang);
    expect(cli).toContain(explained.text[lang]);
    expect(screen).toContain(explained.text[lang]);
  }
  return { ...explained.text, code: explained.code };
}

describe('failures of this machine, explained like AWS errors', () => {
  it('a full disk (ENOSPC, which names no file): says so and how to go on', async () => {
    const error = await failureOf(() => writeFile('/dev/full', 'x'));
    const told = await shown(error);
    expect(told.code).toBe('LEDGER');
    expect(told.en).toMatch(/^The tutor cannot write its state files: no space is left on the device \(ENOSPC\)\. /);
    expect(told.en).toContain('Free some space on its disk, then run the same command again to continue');
    expect(told.ja).toContain('デバイスの空き容量がありません(ENOSPC)');
  });

  it('a connection reset while reading (read ECONNRESET) is the network, not a file', async () => {
    const server = createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const error = await failureOf(
      () =>
        new Promise((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.write('hello'));
          socket.on('error', reject);
          socket.on('close', resolve);
        }),
    );
    server.close();
    expect((error as { syscall?: string }).syscall).toBe('read');
    const told = await shown(error);
    expect(told.en).toMatch(/^Cannot reach AWS \(.*ECONNRESET.*\)/);
  });

  it('a tool that failed: its name, exit code and last line, with keys and tokens hidden', async () => {
    const key = 'AKIAIOSFODNN7EXAMPLE';
    const secret = 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab';
    const script = `console.error('using ${key} ${secret} k8s-aws-v1.aHR0cHM6Ly9zdHM'); process.exit(3)`;
    const error = await failureOf(() => execa(process.execPath, ['-e', script]));
    const told = await shown(error);
    expect(told.code).toBe('TOOL_FAILED');
    expect(told.en).toMatch(/ ended with exit code 3: using AKIA\*+ \*\*\* k8s-aws-v1\.\*\*\*\. Run the same command again/);
    for (const lang of ['en', 'ja'] as const) {
      const { cli, screen } = await seen(error, lang);
      for (const out of [cli, screen]) {
        expect(out).not.toContain(key);
        expect(out).not.toContain(secret);
        expect(out).not.toContain('aHR0cHM6Ly9zdHM');
      }
    }
  });

  it('a tool that is not installed: names it', async () => {
    const error = await failureOf(() => execa('eks-basics-tutor-no-such-tool', ['--version']));
    const told = await shown(error);
    expect(told.code).toBe('TOOL_MISSING');
    expect(told.en).toMatch(/^eks-basics-tutor-no-such-tool was not found on PATH\./);
    expect(told.ja).toContain('eks-basics-tutor-no-such-tool が PATH に見つかりません');
  });

  it('a stop asked for (AbortError): Interrupted', async () => {
    const error = await failureOf(() => sleep(10_000, undefined, { signal: AbortSignal.abort() }));
    const told = await shown(error);
    expect(told).toEqual({ en: 'Interrupted.', ja: '中断しました。', code: 'INTERRUPTED' });
  });
});
