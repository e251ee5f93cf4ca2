import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runningRecord } from '../../src/sandbox/daemon-record.js';
import { REGISTRY_VAR } from '../../src/sandbox/daemon.js';
import { sandboxDir } from '../../src/sandbox/persist.js';
import { CLI } from '../support/cli.js';

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('the background sandbox outlives the command and leaves nothing behind once stopped', () => {
  for (const how of ['exits', 'is stopped with Ctrl-C'] as const) {
    it(
      `when the tutor ${how}: the sandbox keeps running; after sandbox stop, no moto process, no open port, no temp dir`,
      { timeout: 180_000 },
      async () => {
        const home = mkdtempSync(join(tmpdir(), 'ebt-life-'));
        const scratch = mkdtempSync(join(tmpdir(), 'ebt-tmp-'));
        const state = join(home, 'state');
        const env = { HOME: home, KUBECONFIG: join(home, 'kubeconfig'), TMPDIR: scratch, LANG: 'C.UTF-8' };
        const args = how === 'exits' ? ['up', '--through', '1'] : ['up', '--no-kubectl'];
        const child = execa(
          'node',
          [CLI, ...args, '--sandbox', '--yes', '--time-scale', how === 'exits' ? '0' : '1', '--state-dir', state],
          { reject: false, env, extendEnv: true },
        );
        let output = '';
        const seen = new Promise<void>((resolve) => {
          child.stdout?.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (how !== 'exits' && /eks-cluster eks-basics-tutor: CREATING/.test(output)) resolve();
          });
        });
        try {
          if (how !== 'exits') {
            await seen;
            child.kill('SIGINT');
          }
          const result = await child;
          if (how === 'exits') expect(result.exitCode).toBe(0);
          else {
            expect(result.exitCode).toBe(130);
            expect(result.stdout).toContain('Stopped');
          }
          const port = Number(/Sandbox: AWS API at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
          const record = await runningRecord(sandboxDir(state));
          expect(record, 'the sandbox still runs after the command').toBeDefined();
          expect(record!.endpointUrl).toBe(`http://127.0.0.1:${port}`);
          expect(await portOpen(port)).toBe(true);
          const motoPids = children(record!.pid);
          expect(motoPids.length).toBeGreaterThan(0);
          // The test run knows it, so it is stopped at the end of the run even if a test forgets.
          const registry = process.env[REGISTRY_VAR];
          expect(registry, 'the global setup names a directory for the run').toBeTruthy();
          expect(existsSync(join(registry!, String(record!.pid)))).toBe(true);

          const stop = await execa('node', [CLI, 'sandbox', 'stop', '--state-dir', state], { reject: false, env, extendEnv: true });
          expect(stop.exitCode).toBe(0);
          expect(alive(record!.pid)).toBe(false);
          expect(motoPids.filter(alive)).toEqual([]);
          expect(await portOpen(port)).toBe(false);
          expect(readdirSync(scratch).filter((name) => name.startsWith('eks-sandbox-'))).toEqual([]);
        } finally {
          await execa('node', [CLI, 'sandbox', 'stop', '--state-dir', state], { reject: false, env, extendEnv: true });
        }
      },
    );
  }
});
