import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { mask } from '../../../src/mask.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressPath, ProgressWriter, readProgress } from '../../../src/progress/file.js';
import { PROGRESS_FORMAT, parseProgress, reconcileSteps, stepsBuilt } from '../../../src/progress/progress.js';
import { clock, jsonish, roughDuration, shortId, stepList, wrapWords } from '../../../src/screens/format.js';
import { isImportantAction, policyActions } from '../../../src/aws/live-iam.js';
import { readableToken } from '../../../src/aws/live.js';
import { welcomeChoices } from '../../../src/screens/state/welcome.js';
import { downCommand } from '../../../src/screens/state/farewell.js';
import { colorAllowed, makeTheme } from '../../../src/screens/theme.js';

describe('formatting', () => {
  it('prints a request as JSON-ish lines, folding only what does not fit', () => {
    expect(jsonish({ CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'a', Value: 'b' }] }, 80)).toEqual([
      '{ CidrBlock: "10.0.0.0/16", Tags: [{ Key: "a", Value: "b" }] }',
    ]);
    expect(jsonish({ CidrBlock: '10.0.0.0/16', 'odd-key': true, Tags: [{ Key: 'a', Value: 'b' }] }, 30)).toEqual([
      '{',
      '  CidrBlock: "10.0.0.0/16",',
      '  "odd-key": true,',
      '  Tags: [{ Key: "a", Value: "b" }]',
      '}',
    ]);
  });

  it('says durations, clocks, step ranges and short ids the way a person reads them', () => {
    expect(['< 1 s', '~9 s', '~2 min', '~9 min']).toEqual([500, 9_000, 90_000, 540_000].map((ms) => roughDuration(ms).en));
    expect(roughDuration(540_000).ja).toBe('約 9 分');
    expect(clock(125_000)).toBe('2:05');
    expect(stepList([1, 2, 3])).toBe('1–3');
    expect(stepList([1, 3])).toBe('1, 3');
    expect(shortId('eks-cluster', 'arn:aws:eks:us-east-1:123456789012:cluster/demo')).toBe('demo');
    expect(shortId('eks-nodegroup', 'arn:aws:eks:us-east-1:123456789012:nodegroup/demo/demo-nodes/abc')).toBe('demo-nodes');
    expect(shortId('vpc', 'vpc-1')).toBe('vpc-1');
    expect(wrapWords('aws eks create-cluster --name demo', 16)).toEqual(['aws eks', 'create-cluster', '--name demo']);
  });
});

describe('the progress file', () => {
  it('is versioned, read back as written, and never holds anything it does not know', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'progress-'));
    try {
      const path = progressPath(dir, 'sandbox', 'demo');
      expect(path).toBe(join(dir, 'sandbox', 'demo.progress.json'));
      const writer = new ProgressWriter(path, 'demo', 'sandbox');
      await writer.save({ lesson: 'vpc', page: 2, answers: { intro: [1, null] }, completed: ['intro'], doneSteps: [1, 2] });
      const raw = JSON.parse(await readFile(path, 'utf8'));
      expect(raw).toMatchObject({ format: PROGRESS_FORMAT, version: 1, clusterName: 'demo', mode: 'sandbox', lesson: 'vpc' });
      expect(Object.keys(raw).sort()).toEqual([
        'answers',
        'clusterName',
        'completed',
        'doneSteps',
        'format',
        'lesson',
        'mode',
        'page',
        'updatedAt',
        'version',
      ]);
      expect(await readProgress(path, () => true)).toEqual({
        lesson: 'vpc',
        page: 2,
        answers: { intro: [1, null] },
        completed: ['intro'],
        doneSteps: [1, 2],
      });
      await writeFile(path, '{ not json');
      expect(await readProgress(path, () => true)).toBeUndefined();
      expect(await readProgress(join(dir, 'missing.json'), () => true)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('drops unknown lessons, bad answers and impossible steps; another version is not read', () => {
    const known = (id: string) => ['intro', 'vpc'].includes(id);
    expect(
      parseProgress(
        {
          format: PROGRESS_FORMAT,
          version: 1,
          lesson: 'gone',
          page: 4,
          answers: { intro: [0, 'x'], vpc: [1] },
          completed: ['intro', 'gone'],
          doneSteps: [2, 9, 2, 1],
        },
        known,
      ),
    ).toEqual({
      lesson: null,
      page: 0,
      answers: { vpc: [1] },
      completed: ['intro'],
      doneSteps: [1, 2],
    });
    expect(parseProgress({ format: PROGRESS_FORMAT, version: 2 }, known)).toBeUndefined();
  });

  it('keeps a step done only while the ledger still holds it', () => {
    expect(reconcileSteps([1, 2, 3], [1, 3, 4])).toEqual([1, 3]);
  });

  it('counts the steps a command-line build holds: each finished, in order, none half made', () => {
    const made = (
      step: 1 | 2 | 3 | 4 | 5,
      kind: Parameters<typeof stepsBuilt>[0][number]['kind'],
      state: 'intent' | 'created' | 'deleted' = 'created',
    ) => ({ step, kind, state });
    const through3 = [made(1, 'iam-role'), made(2, 'vpc'), made(2, 'subnet'), made(3, 'eks-cluster')];
    expect(stepsBuilt(through3)).toEqual([1, 2, 3]);
    // The node role made early, during step 3's wait, does not make step 5 built.
    expect(stepsBuilt([...through3, made(4, 'kubeconfig'), made(5, 'iam-role')])).toEqual([1, 2, 3, 4]);
    expect(stepsBuilt([...through3, made(4, 'kubeconfig'), made(5, 'iam-role'), made(5, 'eks-nodegroup')])).toEqual([1, 2, 3, 4, 5]);
    // A step cut short (something still only intended) and what follows it do not count.
    expect(stepsBuilt([made(1, 'iam-role'), made(2, 'vpc'), made(2, 'nat-gateway', 'intent'), made(3, 'eks-cluster')])).toEqual([1]);
    expect(stepsBuilt([made(1, 'iam-role', 'deleted'), made(2, 'vpc')])).toEqual([]);
  });
});

describe('live data, decoded without secrets', () => {
  it('shows the STS URL inside a token with the signature, key id and session token elided', () => {
    const url =
      'https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAABCDEFGHIJKLMNOP%2F20261101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20261101T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&X-Amz-Security-Token=SECRETTOKEN&X-Amz-Signature=abcdef0123';
    const decoded = readableToken(`k8s-aws-v1.${Buffer.from(url).toString('base64url')}`);
    expect(decoded?.url).toBe('https://sts.us-east-1.amazonaws.com/');
    const text = JSON.stringify(decoded);
    expect(text).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(text).not.toContain('SECRETTOKEN');
    expect(text).not.toContain('abcdef0123');
    expect(decoded?.params).toContainEqual(['X-Amz-Credential', '(access key id elided)/20261101/us-east-1/sts/aws4_request']);
    expect(decoded?.params).toContainEqual(['Action', 'GetCallerIdentity']);
    expect(readableToken('not-a-token')).toBeUndefined();
  });

  it('lists a policy’s allowed actions, the ones the lesson talks about first', () => {
    const document = encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:DescribeVpcs', 'elasticloadbalancing:CreateLoadBalancer'] },
          { Effect: 'Allow', Action: 'ec2:CreateNetworkInterface' },
        ],
      }),
    );
    expect(policyActions(document)).toEqual([
      { action: 'ec2:CreateNetworkInterface', important: true },
      { action: 'elasticloadbalancing:CreateLoadBalancer', important: true },
      { action: 'ec2:DescribeVpcs', important: false },
    ]);
    expect(isImportantAction('autoscaling:UpdateAutoScalingGroup')).toBe(true);
    expect(policyActions('%%%')).toEqual([]);
  });
});

describe('the welcome screen’s choices', () => {
  it('without credentials offers the sandbox first, then a dry run; without moto, the dry run', () => {
    expect(welcomeChoices({ mode: 'real', session: 'failed', errorCode: 'NO_CREDENTIALS', moto: true }).map((c) => c.id)).toEqual([
      'sandbox',
      'dry-run',
      'retry',
      'quit',
    ]);
    expect(welcomeChoices({ mode: 'real', session: 'failed', errorCode: 'NO_CREDENTIALS', moto: false }).map((c) => c.id)).toEqual([
      'dry-run',
      'retry',
      'quit',
    ]);
  });

  it('continues saved progress, or opens --step N, before anything else', () => {
    expect(welcomeChoices({ mode: 'sandbox', session: 'open', moto: true, resume: { en: 'x', ja: 'x' } }).map((c) => c.id)).toEqual([
      'continue',
      'menu',
      'dry-run',
      'real',
      'quit',
    ]);
    expect(welcomeChoices({ mode: 'real', session: 'open', moto: true, step: 3 }).map((c) => c.id)).toEqual([
      'step',
      'menu',
      'sandbox',
      'dry-run',
      'quit',
    ]);
    expect(welcomeChoices({ mode: 'real', session: 'opening', moto: true })).toEqual([]);
  });

  it('says how to clean up later with the options that find the build again', () => {
    expect(downCommand({ clusterName: 'eks-basics-tutor', region: 'us-east-1', mode: 'real' })).toBe(
      'eks-basics-tutor down --region us-east-1',
    );
    expect(downCommand({ clusterName: 'demo', region: 'eu-west-1', profile: 'work', mode: 'real' })).toBe(
      'eks-basics-tutor down --cluster-name demo --region eu-west-1 --profile work',
    );
  });
});

describe('the theme', () => {
  it('honours NO_COLOR: no colours, the same symbols', () => {
    expect(colorAllowed({ NO_COLOR: '1' })).toBe(false);
    expect(colorAllowed({ NO_COLOR: '' })).toBe(true);
    expect(colorAllowed({})).toBe(true);
    const plain = makeTheme(false);
    expect(Object.values(plain.colors).every((c) => c === undefined)).toBe(true);
    expect(plain.symbols.ok).toBe(makeTheme(true).symbols.ok);
  });
});

describe('presenter masking', () => {
  it('hides the EKS endpoint’s own id along with account ids and public addresses', () => {
    const endpoint = 'https://0123456789ABCDEF0123456789ABCDEF.gr7.ap-northeast-1.eks.amazonaws.com';
    expect(mask(`endpoint ${endpoint}`)).toBe('endpoint https://********.gr7.ap-northeast-1.eks.amazonaws.com');
    expect(mask('arn:aws:eks:us-east-1:123456789012:cluster/x at 54.12.34.56, node 192.168.1.5')).toBe(
      'arn:aws:eks:us-east-1:************:cluster/x at x.x.x.x, node 192.168.1.5',
    );
  });
});
