import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runningRecord } from '../../src/sandbox/daemon-record.js';
import { sandboxDir } from '../../src/sandbox/persist.js';
import { runCli } from '../support/cli.js';

let stateDir = '';
afterAll(async () => {
  if (stateDir) await runCli(['sandbox', 'stop', '--state-dir', stateDir]);
});

describe('an idle background sandbox', () => {
  it('stops itself after its idle time, and the next command brings it back with what it held', { timeout: 180_000 }, async () => {
    stateDir = join(await mkdtemp(join(tmpdir(), 'ebt-idle-')), 'state');
    // 0.05 minutes: three seconds without a request (checked every five).
    const env = { EKS_BASICS_TUTOR_SANDBOX_IDLE_MINUTES: '0.05' };
    const up = await runCli(['up', '--sandbox', '--yes', '--through', '1', '--time-scale', '0', '--state-dir', stateDir], env);
    expect(up.exitCode, up.stderr).toBe(0);
    const record = await runningRecord(sandboxDir(stateDir));
    expect(record?.idleMinutes).toBe(0.05);
    let stopped = false;
    for (let i = 0; i < 60 && !stopped; i++) {
      await sleep(500);
      stopped = (await runningRecord(sandboxDir(stateDir))) === undefined;
    }
    expect(stopped).toBe(true);
    const status = await runCli(['status', '--sandbox', '--json', '--time-scale', '0', '--state-dir', stateDir]);
    expect(status.exitCode, status.stderr).toBe(0);
    const rows = (JSON.parse(status.stdout) as { resources: { kind: string; exists: boolean }[] }).resources;
    expect(rows.find((r) => r.kind === 'iam-role')?.exists).toBe(true);
  });
});
