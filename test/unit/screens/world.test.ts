import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../src/aws/types.js';
import { costNow, hourlyOf, timeRate } from '../../../src/screens/state/cost.js';
import { mapModel } from '../../../src/screens/state/map-model.js';
import {
  EMPTY_WORLD,
  checksPassed,
  elapsedNow,
  phaseOfStatus,
  settling,
  stepOfKey,
  worldReducer,
  type World,
  type WorldAction,
} from '../../../src/screens/state/world.js';
import { testConfig } from '../../fixtures/config.js';

const events = (list: EngineEvent[], from: World = EMPTY_WORLD, at = 1_000) =>
  list.reduce((world, event, i) => worldReducer(world, { type: 'event', event, at: at + i }), from);
const act = (list: WorldAction[], from: World = EMPTY_WORLD) => list.reduce(worldReducer, from);

describe('the world reducer', () => {
  it('follows a resource from creating to ready through its statuses', () => {
    let world = events([
      { type: 'resource', key: 'cluster', kind: 'eks-cluster', change: 'creating' },
      { type: 'resource', key: 'cluster', kind: 'eks-cluster', id: 'arn:aws:eks:us-east-1:123456789012:cluster/c', change: 'created' },
    ]);
    expect(world.resources.cluster).toMatchObject({ phase: 'creating', since: 1_000, id: 'arn:aws:eks:us-east-1:123456789012:cluster/c' });
    expect(settling(world).map((r) => r.key)).toEqual(['cluster']);
    world = events(
      [{ type: 'status', key: 'cluster', kind: 'eks-cluster', id: 'c', status: 'CREATING', elapsedMs: 60_000, expectedMs: 540_000 }],
      world,
      5_000,
    );
    expect(world.resources.cluster).toMatchObject({ phase: 'creating', status: 'CREATING', elapsedMs: 60_000, statusAt: 5_000 });
    world = events(
      [{ type: 'status', key: 'cluster', kind: 'eks-cluster', id: 'c', status: 'ACTIVE', elapsedMs: 540_000, expectedMs: 540_000 }],
      world,
    );
    expect(world.resources.cluster?.phase).toBe('ready');
    expect(settling(world)).toEqual([]);
  });

  it('takes a quick resource as ready when created, and marks deletion', () => {
    let world = events([{ type: 'resource', key: 'vpc', kind: 'vpc', id: 'vpc-1', change: 'created' }]);
    expect(world.resources.vpc?.phase).toBe('ready');
    world = events(
      [
        { type: 'resource', key: 'vpc', kind: 'vpc', id: 'vpc-1', change: 'deleting' },
        { type: 'resource', key: 'vpc', kind: 'vpc', id: 'vpc-1', change: 'deleted' },
      ],
      world,
      9_000,
    );
    expect(world.resources.vpc).toMatchObject({ phase: 'deleted', until: 9_001 });
  });

  it('counts Ready nodes as kubectl reports them', () => {
    expect(phaseOfStatus('1/2 Ready')).toBe('creating');
    expect(phaseOfStatus('2/2 Ready')).toBe('ready');
    expect(phaseOfStatus('pending')).toBe('creating');
    expect(phaseOfStatus('available')).toBe('ready');
    expect(phaseOfStatus('DELETE_FAILED')).toBe('failed');
    expect(phaseOfStatus('DependencyViolation, retrying')).toBe('deleting');
  });

  it('a control plane that disappears while it was being created has failed', () => {
    const world = events([
      { type: 'resource', key: 'cluster', kind: 'eks-cluster', change: 'created' },
      { type: 'status', key: 'cluster', kind: 'eks-cluster', id: 'c', status: 'missing', elapsedMs: 0, expectedMs: 0 },
    ]);
    expect(world.resources.cluster?.phase).toBe('failed');
  });

  it('ties each log line to its step: calls to the step the engine works on, resources by their key', () => {
    const world = events([
      { type: 'step-start', step: 2, action: 'apply' },
      { type: 'call', service: 'ec2', operation: 'CreateVpc' },
      { type: 'resource', key: 'vpc', kind: 'vpc', id: 'vpc-1', change: 'created' },
      { type: 'step-end', step: 2, action: 'apply' },
      { type: 'call', service: 'ec2', operation: 'DescribeVpcs' },
      { type: 'status', key: 'nat/0', kind: 'nat-gateway', id: 'nat-1', status: 'pending', elapsedMs: 0, expectedMs: 90_000 },
    ]);
    expect(world.log.map((e) => e.step)).toEqual([2, 2, undefined, 2]);
  });

  it('keeps kubectl output under the step whose check ran it, and checks by step', () => {
    const world = events([
      { type: 'step-start', step: 4, action: 'verify' },
      { type: 'kubectl', args: ['get', 'svc'], output: 'kubernetes ClusterIP' },
      { type: 'step-end', step: 4, action: 'verify' },
      { type: 'step-start', step: 5, action: 'verify' },
      { type: 'kubectl', args: ['get', 'nodes'], output: 'node-1 Ready' },
      { type: 'checks', step: 5, checks: [{ id: 'x', ok: true, label: { en: 'x', ja: 'x' } }] },
      { type: 'step-end', step: 5, action: 'verify' },
    ]);
    expect(world.kubectl[4]?.output).toBe('kubernetes ClusterIP');
    expect(world.kubectl[5]?.output).toBe('node-1 Ready');
    expect(world.runs[5]?.checks).toHaveLength(1);
  });

  it('gives kubectl output to the check that ran it while a later step applies', () => {
    const world = events([
      { type: 'step-start', step: 4, action: 'verify' },
      { type: 'step-start', step: 5, action: 'apply' },
      { type: 'kubectl', args: ['get', 'svc'], output: 'kubernetes ClusterIP' },
      { type: 'step-end', step: 5, action: 'apply' },
      { type: 'step-end', step: 4, action: 'verify' },
    ]);
    expect(world.kubectl[4]?.output).toBe('kubernetes ClusterIP');
    expect(world.kubectl[5]).toBeUndefined();
  });

  it('takes a check as over when it fails before its end, so later kubectl output is not given to it', () => {
    const world = act([
      { type: 'event', event: { type: 'step-start', step: 4, action: 'verify' }, at: 1 },
      { type: 'event', event: { type: 'step-start', step: 5, action: 'verify' }, at: 2 },
      { type: 'run-failed', step: 5, error: { en: 'x', ja: 'x' }, at: 3 },
      { type: 'event', event: { type: 'kubectl', args: ['get', 'svc'], output: 'kubernetes ClusterIP' }, at: 4 },
    ]);
    expect(world.kubectl[4]?.output).toBe('kubernetes ClusterIP');
    expect(world.kubectl[5]).toBeUndefined();
  });

  it('fills in from an inventory, and takes what an inventory no longer lists as gone', () => {
    let world = act([
      {
        type: 'inventory',
        found: [
          { key: 'vpc', kind: 'vpc', id: 'vpc-1', inLedger: true, tagged: true, since: 500 },
          { key: 'nat/0', kind: 'nat-gateway', id: 'nat-1', inLedger: true, tagged: true, state: 'pending' },
        ],
        at: 1_000,
      },
    ]);
    expect(world.resources.vpc).toMatchObject({ phase: 'ready', since: 500 });
    expect(world.resources['nat/0']).toMatchObject({ phase: 'creating', since: 1_000 });
    world = events(
      [{ type: 'status', key: 'nodes', kind: 'kubernetes-nodes', id: 'n', status: '2/2 Ready', elapsedMs: 0, expectedMs: 0 }],
      world,
    );
    world = act([{ type: 'inventory', found: [], at: 2_000 }], world);
    expect(world.resources.vpc).toMatchObject({ phase: 'deleted', until: 2_000 });
    // Nodes are not something an inventory lists: they stay.
    expect(world.resources.nodes?.phase).toBe('ready');
  });

  it('records a run from start to checks, a failure, and a cancelled queue', () => {
    let world = act([
      { type: 'run-queued', step: 1 },
      { type: 'run-queued', step: 2 },
      { type: 'run-start', step: 1, at: 10 },
      { type: 'run-applied', step: 1, at: 20 },
    ]);
    expect(world.runs[1]).toMatchObject({ phase: 'settling', startedAt: 10, appliedAt: 20 });
    expect(world.runs[2]?.phase).toBe('waiting');
    world = act(
      [
        { type: 'run-failed', step: 1, error: { en: 'boom', ja: 'ぼん' }, at: 30 },
        { type: 'run-cancelled', step: 2 },
      ],
      world,
    );
    expect(world.runs[1]).toMatchObject({ phase: 'failed', error: { en: 'boom' } });
    expect(world.runs[2]).toBeUndefined();
    world = act([{ type: 'run-start', step: 1, at: 40 }], world);
    expect(world.runs[1]).toEqual({ phase: 'applying', startedAt: 40 });
  });

  it('walks a clean-up through its phases and forgets the runs after it', () => {
    const plan = { delete: [{ key: 'vpc', kind: 'vpc' as const, id: 'vpc-1', inLedger: true, tagged: true }], leave: [], byTagOnly: false };
    let world = act([
      { type: 'run-start', step: 2, at: 1 },
      { type: 'teardown-loading' },
      { type: 'teardown-plan', plan },
      { type: 'teardown-start' },
    ]);
    expect(world.teardown.phase).toBe('running');
    world = act([{ type: 'teardown-done', deleted: 1, remaining: [] }], world);
    expect(world.teardown).toMatchObject({ phase: 'done', deleted: 1, remaining: [] });
    expect(world.runs).toEqual({});
    expect(act([{ type: 'run-start', step: 1, at: 2 }], world).teardown.phase).toBe('idle');
  });

  it('knows which step a key belongs to', () => {
    expect(
      [
        'role/cluster',
        'vpc',
        'subnet/public/0',
        'nat/1',
        'eip/0',
        'rtb/private/1',
        'igw',
        'cluster',
        'kubeconfig',
        'role/node',
        'nodegroup',
        'nodes',
      ].map(stepOfKey),
    ).toEqual([1, 2, 2, 2, 2, 2, 2, 3, 4, 5, 5, 5]);
  });

  it('passes checks that are ok or unknown, and fails on any ✗', () => {
    const label = { en: '', ja: '' };
    expect(
      checksPassed([
        { id: 'a', ok: true, label },
        { id: 'b', ok: false, unknown: true, label },
      ]),
    ).toBe(true);
    expect(checksPassed([{ id: 'a', ok: false, label }])).toBe(false);
    expect(checksPassed([])).toBe(false);
  });

  it('runs a wait’s elapsed time on by the clock, times the sandbox’s time-lapse', () => {
    expect(elapsedNow({ elapsedMs: 60_000, statusAt: 1_000 }, 3_000, 1)).toBe(62_000);
    expect(elapsedNow({ elapsedMs: 60_000, statusAt: 1_000 }, 3_000, 60)).toBe(180_000);
    expect(elapsedNow({}, 3_000, 1)).toBeUndefined();
  });
});

describe('what the run log says', () => {
  it('reports the node role made during step 3 with step 3, and with step 5 once step 5 runs', () => {
    let world = act([{ type: 'run-early', step: 5, during: 3 }]);
    world = events([{ type: 'resource', key: 'role/node', kind: 'iam-role', id: 'eks-basics-tutor-node-role', change: 'created' }], world);
    expect(world.log.at(-1)).toMatchObject({ type: 'resource', key: 'role/node', step: 3 });
    world = act([{ type: 'run-queued', step: 5 }], world);
    world = events([{ type: 'resource', key: 'role/node', kind: 'iam-role', id: 'eks-basics-tutor-node-role', change: 'adopted' }], world);
    expect(world.log.at(-1)).toMatchObject({ key: 'role/node', step: 5 });
  });

  it('logs a call sent again, with its reason', () => {
    const world = events([
      { type: 'step-start', step: 1, action: 'apply' },
      {
        type: 'retry',
        key: 'role/cluster',
        operation: 'CreateRole',
        reason: { en: 'IAM has not caught up yet', ja: 'IAM への反映待ち' },
        attempt: 2,
        elapsedMs: 3000,
      },
    ]);
    expect(world.log.at(-1)).toMatchObject({ type: 'retry', operation: 'CreateRole', attempt: 2, step: 1 });
  });
});

describe('the cost meter', () => {
  const config = testConfig({ mode: 'real', region: 'us-east-1' });
  it('prices what is billed per hour: control plane, NAT gateway, public IPv4, nodes', () => {
    expect(hourlyOf({ kind: 'eks-cluster' }, config)).toBe(0.1);
    expect(hourlyOf({ kind: 'nat-gateway' }, config)).toBe(0.045);
    expect(hourlyOf({ kind: 'elastic-ip' }, config)).toBe(0.005);
    // Each node: the instance and its 20 GiB gp3 disk ($0.08 per GB-month, 730 hours a month).
    expect(hourlyOf({ kind: 'eks-nodegroup', details: { desired: '3', instanceType: 't3.medium' } }, config)).toBeCloseTo(
      3 * (0.0416 + (20 * 0.08) / 730),
    );
    expect(hourlyOf({ kind: 'vpc' }, config)).toBe(0);
  });

  it('adds up what runs now and what ran since each started, including what was deleted', () => {
    const hour = 3_600_000;
    const cost = costNow(
      [
        { key: 'cluster', kind: 'eks-cluster', phase: 'ready', since: 0 },
        { key: 'nat/0', kind: 'nat-gateway', phase: 'deleted', since: 0, until: hour },
        { key: 'vpc', kind: 'vpc', phase: 'ready', since: 0 },
      ],
      config,
      2 * hour,
    );
    expect(cost.hourly).toBeCloseTo(0.1);
    expect(cost.total).toBeCloseTo(0.2 + 0.045);
    expect(cost.running.map((r) => r.view.key)).toEqual(['cluster']);
  });

  it('in the sandbox, counts time as AWS would take it', () => {
    const sandbox = testConfig({ mode: 'sandbox', timeScale: 1 / 60 });
    expect(timeRate(sandbox)).toBe(60);
    expect(timeRate(testConfig({ mode: 'sandbox', timeScale: 0 }))).toBe(1);
    // Reading time counts as it is, not at the time-lapse's speed: a minute is a minute ($0.10/h).
    expect(costNow([{ key: 'cluster', kind: 'eks-cluster', phase: 'ready', since: 0 }], sandbox, 60_000).total).toBeCloseTo(0.1 / 60);
    // A control plane that took AWS's 9 minutes in 9 s, then read about for a minute: 10 minutes billed.
    const built = {
      key: 'cluster',
      kind: 'eks-cluster',
      phase: 'ready' as const,
      since: 0,
      status: 'ACTIVE',
      elapsedMs: 540_000,
      statusAt: 9_000,
    };
    expect(costNow([built], sandbox, 69_000).total).toBeCloseTo(0.1 / 6);
    // Still CREATING 3 s into the time-lapse: 3 minutes in AWS.
    const creating = {
      key: 'cluster',
      kind: 'eks-cluster',
      phase: 'creating' as const,
      since: 0,
      status: 'CREATING',
      elapsedMs: 60_000,
      statusAt: 1_000,
    };
    expect(costNow([creating], sandbox, 3_000).total).toBeCloseTo((0.1 * 3) / 60);
    // Eight minutes of reading after the build do not make hours of it.
    expect(costNow([built], sandbox, 9_000 + 8 * 60_000).total).toBeCloseTo((0.1 * 17) / 60);
  });
});

describe('the map model', () => {
  it('lays out the planned VPC from the config and fills it in from the resources', () => {
    const config = testConfig({ azs: 3, nat: 'ha', nodes: 4 });
    let model = mapModel(config, {}, ['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(model.zones.map((z) => z.name)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(model.zones.every((z) => z.nat?.phase === 'planned')).toBe(true);
    expect(model.zones[0]?.publicSubnet.note).toBe('192.168.0.0/19');
    expect(model.vpc.phase).toBe('planned');
    model = mapModel(config, {
      vpc: { key: 'vpc', kind: 'vpc', id: 'vpc-1', phase: 'ready' },
      'subnet/public/0': { key: 'subnet/public/0', kind: 'subnet', id: 'subnet-1', phase: 'ready', details: { az: 'us-east-1d' } },
      nodegroup: { key: 'nodegroup', kind: 'eks-nodegroup', phase: 'creating', details: { desired: '4' } },
      nodes: { key: 'nodes', kind: 'kubernetes-nodes', phase: 'creating', status: '2/4 Ready' },
    });
    expect(model.vpc).toMatchObject({ phase: 'ready', id: 'vpc-1' });
    expect(model.zones[0]?.name).toBe('us-east-1d');
    expect(model.zones.map((z) => z.nodes)).toEqual([2, 1, 1]);
    expect(model.zones.map((z) => z.readyNodes)).toEqual([1, 1, 0]);
  });

  it('puts the nodes in the public subnets and no NAT gateway with --nat none', () => {
    const model = mapModel(testConfig({ nat: 'none' }), {});
    expect(model.nodeSubnets).toBe('public');
    expect(model.zones.every((z) => z.nat === undefined)).toBe(true);
  });
});
