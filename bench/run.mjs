// `npm run bench`: start-up, install, engine, waiting, wall time and API calls
// of the built program, each against a floor measured in the same run; prints
// one table and keeps the details in .bench/results.json.
//
//   node bench/run.mjs [--only start,install,engine,api,wall,waiting,tui] [--runs N]
//                      [--engine-rounds N] [--wait-seconds N] [--node-releases 22,24] [--record]
// --record writes the results into BENCHMARKS.md. Exit code 1 when a target fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_BUDGET, checkBudget } from './api-budget.mjs';
import {
  alive,
  atCleanup,
  cleanupSync,
  cpuSeconds,
  descendants,
  median,
  nodeReleases,
  readJson,
  run,
  sample,
  signalGroup,
  sleep,
  start,
  startMoto,
  stopChild,
  tempDir,
  waitForOutput,
} from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ONLY = new Set((argValue('--only') ?? 'start,install,engine,waiting,tui,wall').split(','));
// The API calls are counted in the engine section's runs.
if (ONLY.has('api')) ONLY.add('engine');
const RUNS = Number(argValue('--runs') ?? 7);
const ENGINE_ROUNDS = Number(argValue('--engine-rounds') ?? 3);
const WAIT_SECONDS = Number(argValue('--wait-seconds') ?? 60);
const WALL_SCALE = '1/30';
/** The first frame: the header line, "eks-basics-tutor · <mode> · <region> · <cluster>". */
const TUI_MARKER = 'eks-basics-tutor · ';

const rows = [];
const details = {};
const log = (line) => process.stderr.write(`${line}\n`);
const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : 'n/a');
const s = (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'n/a');

/** One line of the table. `pass` is true, false, or null for a figure without a target. */
function row(section, figure, value, floorName, floorValue, target, pass, note = '') {
  const ratio = Number.isFinite(value?.n) && Number.isFinite(floorValue?.n) && floorValue.n > 0 ? value.n / floorValue.n : undefined;
  rows.push({
    section,
    figure,
    value: value?.text ?? 'n/a',
    floor: floorName ? `${floorName}${floorValue ? ` = ${floorValue.text}` : ''}` : '—',
    ratio,
    target,
    pass,
    note,
  });
}
const v = (n, text) => ({ n, text });

/** A target of a median against its floor: at most `times` the floor. */
const atMost = (times) => ({ text: `≤ ${times}×`, pass: (x, floor) => x <= times * floor });

/**
 * The rows of one pty run, from a table: each spec names its figure, its
 * command (`key`, whose median is the value), the command that is its floor
 * (`floor`, shown as `floorName`), its target (`{ text, pass(value, floor) }`,
 * none for a figure shown for information) and a note. Falsy specs are left
 * out. Returns the medians.
 */
function medianRows(section, result, specs) {
  const m = Object.fromEntries(Object.entries(result.samples).map(([k, list]) => [k, median(list)]));
  for (const spec of specs.filter(Boolean)) {
    const value = m[spec.key];
    const floor = m[spec.floor];
    const error = result.errors[spec.key] ? ` (${result.errors[spec.key].slice(0, 80)})` : '';
    row(
      section,
      spec.figure,
      v(value, ms(value)),
      spec.floorName ?? spec.floor,
      v(floor, ms(floor)),
      spec.target?.text ?? '',
      spec.target ? Number.isFinite(value) && spec.target.pass(value, floor) : null,
      `${spec.note ?? ''}${error}`,
    );
  }
  return m;
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    model,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    loadBefore: loadavg().map((l) => +l.toFixed(2)),
  };
}

// ---------------------------------------------------------------- start-up

function pty(spec) {
  const result = spawnSync('python3', [join(ROOT, 'bench', 'pty_time.py')], {
    input: JSON.stringify(spec),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`pty_time.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

// The welcome menu is usable when it is drawn and a key sent as soon as it
// shows takes effect: Enter on "Start with the lesson menu" brings the lesson
// list. The key is sent again after each 1 s without the list (a key sent before
// Ink listens would be lost; .bench/results.json counts the sends).
const MENU_STEPS = [{ marker: 'Start with the lesson menu', send: '\r', resend_ms: 1000 }, { marker: 'Lessons' }];
const CHECKS_STEPS = [{ marker: ['Node.js  v', 'kubectl  v', 'aws-cli/'] }];
const BIN = join(ROOT, 'bin', 'eks-basics-tutor.js');
const NODE_RELEASES = (argValue('--node-releases') ?? '22,24').split(',').filter(Boolean);

async function startSection() {
  log(
    `start-up on ${["this machine's Node", ...NODE_RELEASES].join(', ')}: node -e 0, the TUI's header frame, menu usable, checks filled in (pty)…`,
  );
  const { list, skipped } = nodeReleases(NODE_RELEASES);
  details.start = { releases: {}, skipped };
  for (const [i, node] of list.entries()) {
    const state = tempDir('start');
    const cache = tempDir('compile-cache');
    const env = { EKS_BASICS_TUTOR_STATE_DIR: state, KUBECONFIG: join(state, 'kubeconfig') };
    const tui = ['--dry-run', '--lang', 'en'];
    const hasCache =
      spawnSync(node.bin, ['-p', "typeof require('node:module').enableCompileCache"], { encoding: 'utf8' }).stdout.trim() === 'function';
    const commands = [
      { name: 'node -e 0', argv: [node.bin, '-e', '0'], until: 'exit' },
      { name: 'header', argv: [node.bin, CLI, ...tui], env, until: 'marker', marker: TUI_MARKER },
      { name: 'menu', argv: [node.bin, CLI, ...tui], env, until: 'steps', steps: MENU_STEPS },
      { name: 'checks', argv: [node.bin, CLI, ...tui], env, until: 'steps', steps: CHECKS_STEPS },
    ];
    // Node writes its compile cache when the process exits, never when it is killed: these runs quit with q.
    if (hasCache)
      commands.push({
        name: 'menu, compile cache',
        argv: [node.bin, BIN, ...tui],
        env: { ...env, NODE_COMPILE_CACHE: cache },
        until: 'steps',
        steps: MENU_STEPS,
        quit: 'q',
      });
    if (i === 0)
      commands.push(
        { name: 'aws --version', argv: ['aws', '--version'], until: 'exit' },
        { name: 'cli --version', argv: [node.bin, CLI, '--version'], until: 'exit' },
      );
    log(`  ${node.label} (${node.version})`);
    const result = pty({ runs: RUNS, warmup: 1, timeout: 30, commands });
    details.start.releases[node.version] = result;
    const at = `${node.label} (${node.version})`;
    const floor = 'node -e 0';
    medianRows('Start', result, [
      {
        key: 'menu',
        figure: `${at}: menu usable (pty, dry run)`,
        floor,
        target: atMost(3),
        note: `median of ${RUNS}; drawn, Enter → lesson list`,
      },
      hasCache && {
        key: 'menu, compile cache',
        figure: `${at}: menu usable, bin with compile cache`,
        floor,
        target: atMost(3),
        note: 'second start onwards',
      },
      { key: 'header', figure: `${at}: TUI header frame`, floor, note: 'first frame with the header' },
      { key: 'checks', figure: `${at}: checks filled in`, floor, note: 'Node.js, kubectl, aws CLI' },
      i === 0 && {
        key: 'menu',
        figure: 'TUI menu usable vs aws --version',
        floor: 'aws --version',
        target: { text: '< 1×', pass: (x, aws) => x < aws },
      },
      i === 0 && { key: 'cli --version', figure: 'eks-basics-tutor --version', floor, note: 'whole bundle compiled, nothing rendered' },
    ]);
  }
  for (const reason of skipped)
    row('Start', 'a Node release', undefined, '', undefined, '', false, `not installed: ${reason.slice(0, 160)}`);
}

// ---------------------------------------------------------------- install

/**
 * What `npm pack` ships after its prepack (`scripts/build.mjs --clean`): the
 * package's files with only this build's part of dist/, dist/cli.js and every
 * chunk it imports, statically or through import(). Chunks of earlier builds
 * stay in dist/chunks/ for ten minutes (a program started before a build may
 * still load them), and on a machine where others build they would be packed
 * too. The copy goes into a temp dir, so dist/ is left as it is.
 */
function shippedCopy() {
  const dir = tempDir('shipped');
  const files = new Set();
  const queue = [CLI];
  while (queue.length) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/["'](\.\.?\/[^"']+\.js)["']/g)) {
      const target = join(dirname(file), spec);
      if (existsSync(target)) queue.push(target);
    }
  }
  for (const file of files) cpSync(file, join(dir, relative(ROOT, file)));
  for (const extra of ['package.json', 'README.md', 'LICENSE', 'bin']) {
    if (existsSync(join(ROOT, extra))) cpSync(join(ROOT, extra), join(dir, extra), { recursive: true });
  }
  const inDist = readdirSync(join(ROOT, 'dist'), { recursive: true }).filter((f) => f.endsWith('.js')).length;
  return { dir, leftOut: inDist - files.size };
}

async function installSection() {
  log('install: npm pack, npx into an empty cache…');
  const pack = tempDir('pack');
  const shipped = shippedCopy();
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', pack], {
      cwd: shipped.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const tarball = join(pack, packed.filename);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const runtimeDeps = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'].flatMap(
    (k) => Object.keys(pkg[k] ?? {}),
  );
  details.install = {
    leftOut: shipped.leftOut,
    tarball: packed.filename,
    size: packed.size,
    unpackedSize: packed.unpackedSize,
    files: packed.files.map((f) => `${f.path} ${f.size}`),
    runtimeDeps,
  };
  row(
    'Install',
    'npm pack tarball',
    v(packed.size, `${(packed.size / 1024).toFixed(0)} KB`),
    '',
    undefined,
    '≤ 1024 KB',
    packed.size <= 1024 * 1024,
    `${packed.files.length} files, unpacked ${(packed.unpackedSize / 1024).toFixed(0)} KB${shipped.leftOut ? `; ${shipped.leftOut} older chunks in dist/ left out` : ''}`,
  );
  row(
    'Install',
    'runtime dependencies',
    v(runtimeDeps.length, String(runtimeDeps.length)),
    '',
    undefined,
    '0',
    runtimeDeps.length === 0,
    runtimeDeps.join(', '),
  );

  // The floor: npx of a package that does nothing, also into an empty cache.
  const floorDir = tempDir('floorpkg');
  writeFileSync(
    join(floorDir, 'package.json'),
    JSON.stringify({ name: 'bench-npx-floor', version: '1.0.0', bin: { 'bench-npx-floor': 'cli.js' } }),
  );
  writeFileSync(join(floorDir, 'cli.js'), '#!/usr/bin/env node\n');
  const floorPacked = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', pack], {
      cwd: floorDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const floorTarball = join(pack, floorPacked.filename);
  const cwd = tempDir('npxcwd');
  const caches = tempDir('npxcache');
  const npmEnv = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_loglevel: 'error' };
  const runs = Math.min(RUNS, 3);
  const result = pty({
    runs,
    warmup: 0,
    timeout: 60,
    commands: [
      {
        name: 'npx floor',
        argv: ['npx', '--yes', `file:${floorTarball}`],
        env: npmEnv,
        cwd,
        until: 'exit',
        fresh_dir_env: 'npm_config_cache',
        fresh_dir_base: caches,
      },
      {
        name: 'npx --version',
        argv: ['npx', '--yes', `file:${tarball}`, '--version'],
        env: npmEnv,
        cwd,
        until: 'exit',
        fresh_dir_env: 'npm_config_cache',
        fresh_dir_base: caches,
      },
      {
        name: 'npx tui',
        argv: ['npx', '--yes', `file:${tarball}`, '--dry-run', '--lang', 'en'],
        env: { ...npmEnv, EKS_BASICS_TUTOR_STATE_DIR: cwd, KUBECONFIG: join(cwd, 'kubeconfig') },
        cwd,
        until: 'marker',
        marker: TUI_MARKER,
        fresh_dir_env: 'npm_config_cache',
        fresh_dir_base: caches,
      },
    ],
  });
  details.install.npx = result;
  const npx = { floor: 'npx floor', floorName: 'npx of an empty package', target: { text: '≈ 1 s (≤ 1.5 s)', pass: (x) => x <= 1500 } };
  medianRows('Install', result, [
    { key: 'npx --version', figure: 'npx <tarball> --version, empty cache', ...npx, note: `median of ${runs}` },
    { key: 'npx tui', figure: 'npx <tarball> to first frame, empty cache', ...npx, note: `median of ${runs}` },
  ]);
}

// ---------------------------------------------------------------- engine and API calls

function tutorArgs(phase, endpoint, name, dir, extra = []) {
  return [
    CLI,
    phase,
    '--sandbox',
    '--endpoint-url',
    endpoint,
    '--time-scale',
    '0',
    '--yes',
    '--state-dir',
    join(dir, 'state'),
    '--cluster-name',
    name,
    '--lang',
    'en',
    ...extra,
  ];
}

async function tutorUpDown(moto, name, { kubectl = false } = {}) {
  const dir = tempDir(`t-${name}`);
  const env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig') };
  // Off means off for both: the floor asks Kubernetes nothing, and kubectl's share has its own row.
  const noKubectl = kubectl ? [] : ['--no-kubectl'];
  const up = await run('node', tutorArgs('up', moto.url, name, dir, noKubectl), {
    env: { ...env, EKS_BASICS_TUTOR_CALL_LOG: join(dir, 'up.json') },
  });
  const down = await run('node', tutorArgs('down', moto.url, name, dir, noKubectl), {
    env: { ...env, EKS_BASICS_TUTOR_CALL_LOG: join(dir, 'down.json') },
  });
  return {
    up: phaseResult(up, join(dir, 'up.json')),
    down: phaseResult(down, join(dir, 'down.json')),
    ms: up.ms + down.ms,
    ok: up.code === 0 && down.code === 0,
  };
}

/** Exit code, wall time, the calls, and where the time went: before the first call, between first and last, after the last. */
function phaseResult(result, callLog) {
  const calls = readJson(callLog);
  const list = calls?.calls ?? [];
  const first = list[0]?.at;
  const last = list.at(-1)?.at;
  return {
    code: result.code,
    ms: result.ms,
    beforeFirstCallMs: first ? first - result.startedAt : undefined,
    callsMs: first ? last - first : undefined,
    afterLastCallMs: last ? result.endedAt - last : undefined,
    longestGap: longestGap(list),
    calls,
    tail: tail(result),
  };
}

/** The longest time between two calls one after the other, and the call it came before. */
function longestGap(list) {
  let gap = { ms: 0, before: '' };
  for (let i = 1; i < list.length; i++)
    if (list[i].at - list[i - 1].at > gap.ms) gap = { ms: list[i].at - list[i - 1].at, before: list[i].call };
  return gap;
}

const tail = (result) => `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-3).join(' | ');

async function minimalUpDown(endpoint, credentials, name) {
  const dir = tempDir(`m-${name}`);
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    CLUSTER_NAME: name,
    KUBECONFIG: join(dir, 'kubeconfig'),
  };
  const state = join(dir, 'state.json');
  const script = join(ROOT, 'bench', 'minimal.mjs');
  const up = await run('node', [script, 'up', state], { env: { ...env, EKS_BASICS_TUTOR_CALL_LOG: join(dir, 'up.json') } });
  const down = await run('node', [script, 'down', state], { env: { ...env, EKS_BASICS_TUTOR_CALL_LOG: join(dir, 'down.json') } });
  return {
    up: phaseResult(up, join(dir, 'up.json')),
    down: phaseResult(down, join(dir, 'down.json')),
    ms: up.ms + down.ms,
    ok: up.code === 0 && down.code === 0,
  };
}

/** The sandbox proxy alone (`eks-basics-tutor sandbox`), in front of `motoUrl`. */
async function startProxy(motoUrl) {
  const child = start('node', [CLI, 'sandbox', '--endpoint-url', motoUrl, '--time-scale', '0', '--lang', 'en']);
  const output = await waitForOutput(child, (out) => (/Press Ctrl-C/.test(out) ? out : undefined), 60_000);
  const url = /Sandbox AWS endpoint: (\S+)/.exec(output)?.[1];
  const accessKeyId = /AWS_ACCESS_KEY_ID=(\S+)/.exec(output)?.[1];
  const secretAccessKey = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(output)?.[1]?.replace(/^'|'$/g, '');
  if (!url || !accessKeyId || !secretAccessKey) throw new Error(`unexpected output of the sandbox command: ${output}`);
  return { url, credentials: { accessKeyId, secretAccessKey }, stop: () => stopChild(child) };
}

function sumCounts(...logs) {
  const total = {};
  for (const entry of logs) for (const [op, n] of Object.entries(entry?.counts ?? {})) total[op] = (total[op] ?? 0) + n;
  return total;
}

async function engineSection(shared) {
  log('engine: moto, the sandbox proxy, up + down of the tutor and of the minimal script…');
  const moto = shared.moto;
  const proxy = await startProxy(moto.url);
  try {
    // Warm both paths once: moto loads its EC2 and EKS code on first use.
    await minimalUpDown(proxy.url, proxy.credentials, 'bench-warm-m');
    await tutorUpDown(moto, 'bench-warm-t');
    const tutor = [];
    const minimal = [];
    const direct = [];
    for (let i = 1; i <= ENGINE_ROUNDS; i++) {
      log(`  round ${i}/${ENGINE_ROUNDS}`);
      tutor.push(await tutorUpDown(moto, `bench-t${i}`));
      minimal.push(await minimalUpDown(proxy.url, proxy.credentials, `bench-m${i}`));
      direct.push(await minimalUpDown(moto.url, proxy.credentials, `bench-d${i}`));
    }
    log('  kubectl on');
    const withKubectl = await tutorUpDown(moto, 'bench-k1', { kubectl: true });
    details.engine = { tutor, minimal, direct, withKubectl };

    const tMs = median(tutor.map((r) => r.ms));
    const mMs = median(minimal.map((r) => r.ms));
    const dMs = median(direct.map((r) => r.ms));
    const failed = tutor.find((r) => !r.ok);
    const note = failed
      ? `tutor ${failed.up.code ? 'up' : 'down'} exited ${failed.up.code || failed.down.code}: ${(failed.up.code ? failed.up.tail : failed.down.tail).slice(0, 140)}`
      : `up ${s(median(tutor.map((r) => r.up.ms)))} + down ${s(median(tutor.map((r) => r.down.ms)))}`;
    row(
      'Engine',
      'up + down, sandbox, scale 0, no kubectl',
      v(tMs, s(tMs)),
      'minimal SDK script via the sandbox proxy',
      v(mMs, s(mMs)),
      '≤ 1.5×',
      !failed && tMs <= 1.5 * mMs,
      `median of ${ENGINE_ROUNDS}; ${note}`,
    );
    row(
      'Engine',
      'minimal script straight to moto',
      v(dMs, s(dMs)),
      '',
      undefined,
      '',
      null,
      `sandbox proxy's share of the floor: ${s(mMs - dMs)}`,
    );
    const gaps = (list) => {
      const gap = list.flatMap((r) => [r.up.longestGap, r.down.longestGap]).reduce((a, b) => (b.ms > a.ms ? b : a));
      return `${s(gap.ms)} before ${gap.before}`;
    };
    const split = (list) =>
      ['beforeFirstCallMs', 'callsMs', 'afterLastCallMs']
        .map((k) => s(median(list.map((r) => (r.up[k] ?? NaN) + (r.down[k] ?? NaN)))))
        .join(' / ');
    row(
      'Engine',
      'where the time goes: start / calls / end',
      v(NaN, split(tutor)),
      'minimal',
      v(NaN, split(minimal)),
      '',
      null,
      `up + down: spawn → first call, first → last call, last call → exit; longest pause between two calls: ${gaps(tutor)} (minimal ${gaps(minimal)})`,
    );
    const off = { up: median(tutor.map((r) => r.up.ms)), down: median(tutor.map((r) => r.down.ms)) };
    const on = withKubectl;
    const exits = ['up', 'down'].filter((p) => on[p].code).map((p) => `; ${p} exit ${on[p].code}`);
    row(
      'Engine',
      'up + down with kubectl',
      v(on.ms, s(on.ms)),
      'up + down with --no-kubectl',
      v(off.up + off.down, s(off.up + off.down)),
      '',
      null,
      `kubectl's share: up ${s(on.up.ms - off.up)} (get svc, get nodes), down ${s(on.down.ms - off.down)} (Services, Ingresses)${exits.join('')}`,
    );

    // API economy: the first measured round.
    const tutorCounts = sumCounts(tutor[0].up.calls, tutor[0].down.calls);
    const minimalCounts = sumCounts(minimal[0].up.calls, minimal[0].down.calls);
    const tutorTotal = Object.values(tutorCounts).reduce((a, b) => a + b, 0);
    const minimalTotal = Object.values(minimalCounts).reduce((a, b) => a + b, 0);
    const budget = checkBudget(tutorCounts, minimalCounts);
    details.api = {
      tutor: { up: tutor[0].up.calls?.counts, down: tutor[0].down.calls?.counts },
      minimal: { up: minimal[0].up.calls?.counts, down: minimal[0].down.calls?.counts },
      budget,
    };
    row(
      'API',
      'AWS calls, up + down',
      v(tutorTotal, String(tutorTotal)),
      'minimal script',
      v(minimalTotal, String(minimalTotal)),
      'each extra call has a reason',
      budget.over.length === 0 && !failed,
      budget.over.length
        ? `unexplained: ${budget.over.map((o) => `${o.op} +${o.excess}`).join(', ')}`
        : `extras: ${budget.explained} explained (see BENCHMARKS.md)`,
    );
  } finally {
    await proxy.stop();
  }
}

// ---------------------------------------------------------------- waiting (up, CLI)

async function waitingSection() {
  log(`waiting: up --sandbox --time-scale 1 --through 3, ${WAIT_SECONDS} s of CREATING…`);
  const dir = tempDir('wait');
  const callLog = join(dir, 'calls.json');
  const child = start(
    'node',
    [
      CLI,
      'up',
      '--sandbox',
      '--time-scale',
      '1',
      '--yes',
      '--through',
      '3',
      '--state-dir',
      join(dir, 'state'),
      '--cluster-name',
      'bench-wait',
      '--lang',
      'en',
    ],
    {
      env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), EKS_BASICS_TUTOR_CALL_LOG: callLog },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    await waitForOutput(child, (out) => /eks-cluster \S+: CREATING/.test(out), 180_000);
    const windowStart = Date.now();
    const result = await sample(child.pid, WAIT_SECONDS);
    const windowEnd = Date.now();
    const children = descendants(child.pid);
    const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? signal)));
    process.kill(child.pid, 'SIGINT');
    const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout')]);
    await sleep(500);
    const leftovers = children.filter(alive);
    const calls = readJson(callLog);
    const inWindow = (calls?.calls ?? []).filter((c) => c.at >= windowStart && c.at <= windowEnd).map((c) => c.call);
    const stopped = code === 130 && /Stopped \(SIGINT\)/.test(output);
    details.waiting = { ...result, exit: code, stoppedCleanly: stopped, leftovers, callsInWindow: inWindow };
    waitingRows(
      'up, CLI',
      result,
      `; ${inWindow.length} calls in the window (${summarize(inWindow)})`,
      `; SIGINT → exit ${code}${stopped ? ', stopped cleanly' : ''}${leftovers.length ? `, ${leftovers.length} processes left (killed)` : ', moto gone'}`,
    );
  } finally {
    signalGroup(child, 'SIGKILL');
  }
}

/** The two rows of a wait: CPU share over the window, RSS peak. */
function waitingRows(who, result, cpuNote, rssNote) {
  row(
    'Waiting',
    `CPU during a ${WAIT_SECONDS} s wait (${who})`,
    v(result.cpuPct, `${result.cpuPct.toFixed(2)} % of a core`),
    '',
    undefined,
    '≤ 1 %',
    result.cpuPct <= 1,
    `${result.cpuS.toFixed(2)} s CPU${cpuNote}`,
  );
  row(
    'Waiting',
    `RSS during the wait (${who})`,
    v(result.rssMaxMb, `${result.rssMaxMb.toFixed(0)} MB max`),
    '',
    undefined,
    '≤ 120 MB',
    result.rssMaxMb <= 120,
    `mean ${result.rssMeanMb.toFixed(0)} MB${rssNote}`,
  );
}

function summarize(calls) {
  const counts = {};
  for (const c of calls) counts[c] = (counts[c] ?? 0) + 1;
  return (
    Object.entries(counts)
      .map(([k, n]) => `${k}×${n}`)
      .join(', ') || 'none'
  );
}

// ---------------------------------------------------------------- waiting (TUI, in tmux)

async function tuiSection() {
  log(`waiting (TUI): tmux, step 3's run, ${WAIT_SECONDS} s of CREATING…`);
  const dir = tempDir('tui');
  // The server's socket lives in the temp dir, so it goes with it.
  const socket = join(dir, 'tmux.sock');
  const tmux = (...a) => execFileSync('tmux', ['-S', socket, ...a], { encoding: 'utf8' });
  const screen = () => {
    try {
      return tmux('capture-pane', '-p', '-t', 'bench');
    } catch {
      return '';
    }
  };
  const until = async (test, timeoutMs, what) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (test(screen())) return;
      await sleep(250);
    }
    throw new Error(`TUI: no ${what} within ${timeoutMs / 1000} s; screen: ${screen().trim().split('\n').slice(0, 6).join(' / ')}`);
  };
  atCleanup(() => execFileSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore' }));
  const env = `KUBECONFIG=${join(dir, 'kubeconfig')} EKS_BASICS_TUTOR_STATE_DIR=${join(dir, 'state')}`;
  // The published executable, as a learner starts it: it sets the young generation's size before dist/cli.js loads.
  tmux('new-session', '-d', '-s', 'bench', '-x', '100', '-y', '30', `exec env ${env} node ${BIN} --sandbox --time-scale 1 --lang en`);
  const pid = Number(tmux('list-panes', '-t', 'bench', '-F', '#{pane_pid}').trim());
  try {
    await until((sc) => /Start with the lesson menu/.test(sc), 120_000, 'welcome menu');
    tmux('send-keys', '-t', 'bench', 'Enter');
    await until((sc) => /Step 3: The cluster/.test(sc), 20_000, 'lesson menu');
    // One key at a time, as a learner presses them: keys sent in one burst can land while the list is still being drawn.
    for (let i = 0; i < 3; i++) {
      tmux('send-keys', '-t', 'bench', 'Down');
      await sleep(300);
    }
    await until((sc) => /› · Step 3: The cluster/.test(sc), 20_000, 'step 3 chosen');
    tmux('send-keys', '-t', 'bench', 'Enter');
    await until((sc) => /^Step 3: The cluster/m.test(sc), 20_000, 'step 3');
    // To the Run page, which may first say that it waits for the sandbox: then for its prompt.
    for (let i = 0; i < 8 && !/\[Run\]/.test(screen()); i++) {
      tmux('send-keys', '-t', 'bench', 'Right');
      await sleep(400);
    }
    await until((sc) => /\[Run\]/.test(sc) && /Press Enter to run it/.test(sc), 120_000, 'Run page of step 3');
    tmux('send-keys', '-t', 'bench', 'Enter');
    await until((sc) => /eks-cluster \S+: CREATING/.test(sc), 120_000, 'CREATING');
    // What the TUI writes to the terminal in the window: a redraw of the whole screen is about 2 KB.
    const drawn = join(dir, 'pane.out');
    tmux('pipe-pane', '-t', 'bench', `cat > ${drawn}`);
    // Step 3's last requests (and the node role made early, during its wait) go out in the second after CREATING is
    // shown, and the window starts within 250 ms of it: the same window is also counted from 5 s on, the wait alone.
    const cpuAtStart = cpuSeconds(pid);
    let cpuAt5;
    const after5 = sleep(5000).then(() => (cpuAt5 = cpuSeconds(pid)));
    const result = await sample(pid, WAIT_SECONDS);
    await after5;
    const settled = { cpuS: cpuAtStart + result.cpuS - cpuAt5, wallS: result.wallS - 5 };
    tmux('pipe-pane', '-t', 'bench');
    const drawnKb = existsSync(drawn) ? statSync(drawn).size / 1024 : NaN;
    // The same wait seen from the lesson list, where no clock runs and only the cost meter moves (now and then).
    tmux('send-keys', '-t', 'bench', 'Escape');
    await until((sc) => /^Lessons/m.test(sc), 20_000, 'lesson list');
    // Step 2's NAT gateway is available about 90 s after it was asked for: its check and the step's end (some 25
    // calls) fall in this window or just after it. Then the same again once it is built, a wait with nothing else.
    const built = () => Number(/(\d) of 5 built/.exec(screen())?.[1] ?? NaN);
    const builtBefore = built();
    const menu = await sample(pid, Math.min(30, WAIT_SECONDS));
    const builtAfter = built();
    let idle;
    try {
      await until(() => built() >= 2, 60_000, 'step 2 built');
      await sleep(2000);
      idle = await sample(pid, Math.min(30, WAIT_SECONDS));
    } catch {
      idle = undefined;
    }
    const children = descendants(pid);
    tmux('kill-server');
    await sleep(3000);
    const leftovers = [pid, ...children].filter(alive);
    for (const p of leftovers) process.kill(p, 'SIGKILL');
    details.tui = { ...result, leftovers, drawnKb, settled, menu, idle, builtBefore, builtAfter };
    waitingRows(
      'TUI',
      result,
      `; ${drawnKb.toFixed(0)} KB written to the terminal`,
      leftovers.length ? `; ${leftovers.length} processes left after the terminal closed (killed)` : '; all gone when the terminal closed',
    );
    row(
      'Waiting',
      `CPU during the same wait from its 5th second (TUI)`,
      v((settled.cpuS / settled.wallS) * 100, `${((settled.cpuS / settled.wallS) * 100).toFixed(2)} % of a core`),
      '',
      undefined,
      '',
      null,
      `${settled.cpuS.toFixed(2)} s CPU in ${settled.wallS.toFixed(0)} s; the first 5 s, with step 3's last requests: ${(result.cpuS - settled.cpuS).toFixed(2)} s`,
    );
    row(
      'Waiting',
      `CPU during ${Math.round(menu.wallS)} s of the wait on the lesson list (TUI)`,
      v(menu.cpuPct, `${menu.cpuPct.toFixed(2)} % of a core`),
      '',
      undefined,
      '',
      null,
      `no clock on screen; RSS ${menu.rssMaxMb.toFixed(0)} MB max${builtAfter > builtBefore ? "; step 2's check and end fell in it" : ''}`,
    );
    if (idle) {
      row(
        'Waiting',
        `CPU during ${Math.round(idle.wallS)} s on the lesson list once step 2 is built (TUI)`,
        v(idle.cpuPct, `${idle.cpuPct.toFixed(2)} % of a core`),
        '',
        undefined,
        '',
        null,
        `the cluster still CREATING, no clock on screen; RSS ${idle.rssMaxMb.toFixed(0)} MB max`,
      );
    }
  } finally {
    spawnSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore' });
  }
}

// ---------------------------------------------------------------- wall time in the time-lapse

async function wallSection(shared) {
  log(`wall time: up --sandbox --time-scale ${WALL_SCALE}…`);
  const scale = 1 / 30;
  const dir = tempDir('wall');
  const callLog = join(dir, 'calls.json');
  const lines = [];
  const up = await run(
    'node',
    [
      CLI,
      'up',
      '--sandbox',
      '--endpoint-url',
      shared.moto.url,
      '--time-scale',
      WALL_SCALE,
      '--yes',
      '--no-kubectl',
      '--state-dir',
      join(dir, 'state'),
      '--cluster-name',
      'bench-wall',
      '--lang',
      'en',
    ],
    {
      env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), EKS_BASICS_TUTOR_CALL_LOG: callLog },
      onLine: (line, at) => lines.push({ at, line }),
    },
  );
  const calls = readJson(callLog)?.calls ?? [];
  const first = (name) => calls.find((c) => c.call === name)?.at;
  const createCluster = first('eks:CreateCluster');
  const createNodegroup = first('eks:CreateNodegroup');
  const seen = (re) => lines.find((l) => re.test(l.line))?.at;
  const clusterActive = seen(/eks-cluster \S+: ACTIVE/);
  const nodegroupActive = seen(/eks-nodegroup \S+: ACTIVE/);
  // Cleaning up needs no time-lapse.
  await run(
    'node',
    [
      CLI,
      'down',
      '--sandbox',
      '--endpoint-url',
      shared.moto.url,
      '--time-scale',
      '0',
      '--yes',
      '--state-dir',
      join(dir, 'state'),
      '--cluster-name',
      'bench-wall',
      '--lang',
      'en',
    ],
    {
      env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig') },
    },
  );
  if (up.code !== 0 || !createCluster || !createNodegroup || !clusterActive || !nodegroupActive) {
    row(
      'Wall',
      `up, simulated (scale ${WALL_SCALE})`,
      undefined,
      '',
      undefined,
      '≤ 1.05×',
      false,
      `up exited ${up.code}: ${tail(up).slice(0, 120)}`,
    );
    return;
  }
  // Simulated time: the two waits (CreateCluster until ACTIVE is seen, CreateNodegroup
  // until ACTIVE is seen) run in the time-lapse and count real / scale; everything
  // else (API calls, files, checks) is not time-lapsed and counts as it is.
  const EXPECTED = { cluster: 540, nodegroup: 240, nat: 90 };
  const sec = (a, b) => (b - a) / 1000;
  const prefix = sec(up.startedAt, createCluster);
  const clusterWait = sec(createCluster, clusterActive) / scale;
  const handoff = sec(clusterActive, createNodegroup);
  const nodegroupWait = sec(createNodegroup, nodegroupActive) / scale;
  const rest = sec(nodegroupActive, up.endedAt);
  const e2e = prefix + clusterWait + handoff + nodegroupWait + rest;
  const floor = prefix + EXPECTED.cluster + EXPECTED.nodegroup;
  const sequential = prefix + EXPECTED.nat + EXPECTED.cluster + EXPECTED.nodegroup;
  const polls = (name, from, to) => calls.filter((c) => c.call === name && c.at >= from && c.at <= to).length;
  const clusterPolls = polls('eks:DescribeCluster', createCluster, clusterActive);
  const nodegroupPolls = polls('eks:DescribeNodegroup', createNodegroup, nodegroupActive);
  details.wall = {
    scale: WALL_SCALE,
    prefixS: prefix,
    clusterWaitSimS: clusterWait,
    handoffS: handoff,
    nodegroupWaitSimS: nodegroupWait,
    restS: rest,
    e2eSimS: e2e,
    naiveSimS: prefix + sec(createCluster, up.endedAt) / scale,
    floorS: floor,
    sequentialS: sequential,
    realS: up.ms / 1000,
    clusterPolls,
    nodegroupPolls,
    lines: lines.map((l) => `${sec(up.startedAt, l.at).toFixed(2)} ${l.line}`).filter((l) => /…|Step \d\/5|Done/.test(l)),
  };
  const mmss = (t) => `${Math.floor(t / 60)}:${String(Math.round(t % 60)).padStart(2, '0')}`;
  row(
    'Wall',
    `up to node group ACTIVE, simulated (scale ${WALL_SCALE})`,
    v(e2e, mmss(e2e)),
    'prefix + cluster 9:00 + node group 4:00',
    v(floor, mmss(floor)),
    '≤ 1.05×',
    e2e <= 1.05 * floor,
    `prefix ${prefix.toFixed(1)} s; cluster seen ACTIVE after ${mmss(clusterWait)} (${clusterPolls} polls, ${Math.round(clusterWait - EXPECTED.cluster)} s after it was); handoff ${handoff.toFixed(2)} s; node group after ${mmss(nodegroupWait)} (${nodegroupPolls} polls, +${Math.round(nodegroupWait - EXPECTED.nodegroup)} s); checks ${rest.toFixed(2)} s; real ${s(up.ms)}`,
  );
  row(
    'Wall',
    'a sequential tool (NAT wait first)',
    v(sequential, mmss(sequential)),
    'prefix + cluster 9:00 + node group 4:00',
    v(floor, mmss(floor)),
    '',
    null,
    'prefix + NAT 1:30 + cluster 9:00 + node group 4:00',
  );
}

// ---------------------------------------------------------------- main

function printTable() {
  const header = ['Section', 'Figure', 'Value', 'Floor', 'Ratio', 'Target', 'Result', 'Notes'];
  const body = rows.map((r) => [
    r.section,
    r.figure,
    r.value,
    r.floor,
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target || '—',
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
    r.note,
  ]);
  for (const b of body) for (let i = 0; i < b.length; i++) b[i] = String(b[i]).replace(/\|/g, '/');
  const widths = header.map((h, i) => Math.min(i === 7 ? 200 : 60, Math.max(h.length, ...body.map((b) => String(b[i]).length))));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
  process.stdout.write(`${out}\n`);
  return out;
}

/** Replaces the results part of BENCHMARKS.md (between its markers) with this run's. */
function record(info, table) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const lines = [
    `Run of ${info.date.slice(0, 16).replace('T', ' ')} UTC: ${info.nproc} × ${info.model}, ${info.memoryGiB} GiB, Node ${info.node}; load average ${info.loadBefore.map((l) => l.toFixed(2)).join(' / ')} before and ${info.loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1 / 5 / 15 min); the whole bench took ${Math.round(info.totalSeconds)} s.`,
    '',
    table,
    '',
  ];
  const api = details.api?.budget?.rows;
  if (api) {
    lines.push('AWS calls of one `up` + `down` (tutor, minimal script) per operation, and the reasons for the extra ones:', '');
    lines.push('| operation | tutor | minimal | extra allowed | reasons |', '|---|---|---|---|---|');
    for (const r of api) lines.push(`| ${r.op} | ${r.tutor} | ${r.minimal} | ${r.allowed || ''} | ${r.reasons} |`);
    lines.push('');
  }
  if (details.wall) {
    const w = details.wall;
    lines.push(
      `Time-lapse run (scale ${w.scale}), seconds: prefix ${w.prefixS.toFixed(1)} (real), cluster wait ${w.clusterWaitSimS.toFixed(0)} (simulated, ${w.clusterPolls} DescribeCluster), handoff to CreateNodegroup ${w.handoffS.toFixed(2)} (real), node group wait ${w.nodegroupWaitSimS.toFixed(0)} (simulated, ${w.nodegroupPolls} DescribeNodegroup), checks ${w.restS.toFixed(2)} (real): ${w.e2eSimS.toFixed(0)} s against ${w.floorS.toFixed(0)} s; everything after CreateCluster scaled would give ${w.naiveSimS.toFixed(0)} s.`,
      '',
    );
  }
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- results:start -->');
  const end = text.indexOf('<!-- results:end -->');
  if (start < 0 || end < start) throw new Error('BENCHMARKS.md has no <!-- results:start --> … <!-- results:end --> markers');
  writeFileSync(file, `${text.slice(0, start)}<!-- results:start -->\n${lines.join('\n')}${text.slice(end)}`);
}

async function main() {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm run bench does).');
  const info = machine();
  log(`${info.date}  ${info.nproc} × ${info.model}, ${info.memoryGiB} GiB, node ${info.node}, load ${info.loadBefore.join(' ')}`);
  const t0 = performance.now();
  const shared = {};
  const sections = [
    ['start', startSection],
    ['install', installSection],
    ['engine', engineSection],
    ['wall', wallSection],
    ['waiting', waitingSection],
    ['tui', tuiSection],
  ];
  try {
    for (const [name, fn] of sections) {
      if (!ONLY.has(name)) continue;
      if ((name === 'engine' || name === 'wall') && !shared.moto) shared.moto = await startMoto();
      const started = performance.now();
      try {
        await fn(shared);
      } catch (error) {
        row(
          name[0].toUpperCase() + name.slice(1),
          name,
          undefined,
          '',
          undefined,
          '',
          false,
          `error: ${String(error?.message ?? error).slice(0, 200)}`,
        );
      }
      details.seconds = { ...details.seconds, [name]: +((performance.now() - started) / 1000).toFixed(1) };
      if (name === 'wall' && shared.moto) {
        await shared.moto.stop();
        shared.moto = undefined;
      }
    }
  } finally {
    if (shared.moto) await shared.moto.stop();
  }
  info.loadAfter = loadavg().map((l) => +l.toFixed(2));
  info.totalSeconds = +((performance.now() - t0) / 1000).toFixed(1);
  const table = printTable();
  log(
    `total ${info.totalSeconds} s; load before ${info.loadBefore.join(' ')}, after ${info.loadAfter.join(' ')}${info.loadBefore[0] > info.nproc / 2 ? ' — the machine was busy: figures are noisy' : ''}`,
  );
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', 'results.json'), JSON.stringify({ machine: info, rows, details, table, budget: API_BUDGET }, null, 2));
  log('details: .bench/results.json');
  if (args.includes('--record')) {
    record(info, table);
    log('recorded in BENCHMARKS.md');
  }
  process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
}

main()
  .catch((error) => {
    log(`bench: ${error?.stack ?? error}`);
    process.exitCode = 2;
  })
  .finally(cleanupSync);
