import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';

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

describe('the sandbox leaves nothing behind', () => {
  for (const how of ['exits', 'is stopped with Ctrl-C'] as const) {
    it(`when the tutor ${how}: no moto process, no open port, no temp dir`, { timeout: 180_000 }, async () => {
      const home = mkdtempSync(join(tmpdir(), 'ebt-life-'));
      const scratch = mkdtempSync(join(tmpdir(), 'ebt-tmp-'));
      const args = how === 'exits' ? ['up', '--through', '1'] : ['up', '--no-kubectl'];
      const child = execa('node', [CLI, ...args, '--sandbox', '--yes', '--time-scale', how === 'exits' ? '0' : '1', '--state-dir', join(home, 'state')], {
        reject: false,
        env: { HOME: home, KUBECONFIG: join(home, 'kubeconfig'), TMPDIR: scratch, LANG: 'C.UTF-8' },
        extendEnv: true,
      });
      let output = '';
      let motoPids: number[] = [];
      const seen = new Promise<void>((resolve) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/Sandbox: AWS API at/.test(output)) motoPids = [...new Set([...motoPids, ...children(child.pid!)])];
          if (how !== 'exits' && /eks-cluster eks-basics-tutor: CREATING/.test(output)) resolve();
        });
      });
      if (how !== 'exits') {
        await seen;
        child.kill('SIGINT');
      }
      const result = await child;
      const port = Number(/Sandbox: AWS API at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
      expect(port).toBeGreaterThan(0);
      expect(motoPids.length).toBeGreaterThan(0);
      if (how === 'exits') expect(result.exitCode).toBe(0);
      else {
        expect(result.exitCode).toBe(130);
        expect(result.stdout).toContain('Stopped');
      }
      expect(motoPids.filter(alive)).toEqual([]);
      expect(await portOpen(port)).toBe(false);
      expect(readdirSync(scratch).filter((name) => name.startsWith('eks-sandbox-'))).toEqual([]);
    });
  }
});
