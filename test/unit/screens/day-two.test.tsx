import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/aws/day-two/context.js';
import { DAY_TWO_ACTIONS } from '../../../src/aws/day-two/actions.js';
import type { EngineEvent, PlannedCall } from '../../../src/aws/types.js';
import { LESSONS } from '../../../src/lessons/index.js';
import type { Services } from '../../../src/screens/services/types.js';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, screenTests, type Rendered } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

const screen = screenTests('tutor-day-two-');

const PODS = [
  'NAME                       READY   STATUS    RESTARTS   AGE   IP              NODE',
  'aws-node-7xk2p             2/2     Running   0          5m    192.168.96.10   ip-192-168-96-10.ec2.internal',
  'coredns-5d8c6b7f9b-abcde   1/1     Running   0          5m    192.168.97.23   ip-192-168-96-10.ec2.internal',
].join('\n');

const createAddon: PlannedCall = {
  service: 'eks',
  action: 'CreateAddon',
  input: { clusterName: 'eks-basics-tutor', addonName: 'vpc-cni', resolveConflicts: 'OVERWRITE' },
  cli: 'aws eks create-addon --cluster-name eks-basics-tutor --addon-name vpc-cni --resolve-conflicts OVERWRITE',
  why: text('aws-node, the VPC CNI, as an EKS add-on.', 'aws-node(VPC CNI)を EKS アドオンに。'),
};

/** A stand-in for the day-two modules: the calls shown, events as the real ones send them, and an outcome. */
function fakeDayTwo(hold: Promise<void>, fail?: Error): { run: NonNullable<Services['dayTwo']>; asked: string[] } {
  const asked: string[] = [];
  const run: NonNullable<Services['dayTwo']> = async (_session, action, on) => {
    asked.push(action);
    const emit = (event: EngineEvent) => on.emit(event);
    on.show(createAddon);
    emit({ type: 'resource', key: 'addon/vpc-cni', kind: 'eks-addon', change: 'creating' });
    emit({
      type: 'status',
      key: 'addon/vpc-cni',
      kind: 'eks-addon',
      id: 'vpc-cni',
      status: 'CREATING',
      elapsedMs: 10_000,
      expectedMs: 60_000,
    });
    await hold;
    if (fail) throw fail;
    emit({ type: 'kubectl', args: ['get', 'pods', '-n', 'kube-system', '-o', 'wide'], output: PODS });
    const outcome: Outcome = {
      reasoning: text('The CNI gives pods addresses from the node subnets.', 'CNI は Pod にノードのサブネットのアドレスを渡します。'),
      checks: [
        {
          id: 'cni',
          ok: true,
          label: text('CoreDNS has an address inside a node subnet', 'CoreDNS のアドレスはノードのサブネット内'),
          detail: '192.168.97.23',
        },
      ],
      next: text('Try day-two workload next.', '次は day-two workload を。'),
    };
    return outcome;
  };
  return { run, asked };
}

async function openDayTwo(app: Rendered) {
  await app.waitFor('Start with the lesson menu');
  await app.press(KEYS.enter);
  await app.waitFor('d runs them');
  await app.press('d');
  return app.waitFor('Day two: the questions real projects meet');
}

describe('the day-two screens', () => {
  it('list the table’s actions at 80×24, reached with d from the lesson menu, in English and Japanese', async () => {
    const fake = fakeServices({ lessons: LESSONS, dayTwo: fakeDayTwo(Promise.resolve()).run });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    const frame = await openDayTwo(app);
    for (const action of DAY_TWO_ACTIONS) expect(frame).toContain(`${action.title.en.slice(0, 30)}`);
    expect(frame).toContain('Q2');
    await app.press('l');
    const ja = await app.waitFor('運用編: 現場で出会う質問');
    expect(ja).toContain(DAY_TWO_ACTIONS[0]!.title.ja);
    await app.press(KEYS.escape);
    await app.waitFor('レッスン');
  });

  it('runs an action: its reasoning, each call before it is sent, the run as it goes, then kubectl’s output and the checks', async () => {
    let release!: () => void;
    const fake = fakeDayTwo(new Promise<void>((resolve) => (release = resolve)));
    const services = fakeServices({ lessons: LESSONS, dayTwo: fake.run });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: services.services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    await openDayTwo(app);
    await app.press(KEYS.enter);
    let frame = await app.waitFor('[Learn 1/');
    expect(frame).toContain(LESSONS.find((l) => l.id === 'day-two-addons')!.pages[0]!.title.en);
    const pages = LESSONS.find((l) => l.id === 'day-two-addons')!.pages.length;
    await app.press(...Array<string>(pages).fill(KEYS.right));
    await app.waitFor('Nothing sent yet');
    expect(fake.asked).toEqual([]);
    await app.press(KEYS.enter);
    frame = await app.waitFor('Running');
    expect(frame).toContain('eks:CreateAddon');
    expect(frame).toContain('CREATING');
    await app.press(KEYS.left);
    frame = await app.waitFor('aws eks create-addon');
    expect(frame).toContain('resolveConflicts: "OVERWRITE"');
    release();
    await app.press(KEYS.right);
    await app.waitFor('Done: the check is on the next page');
    await app.press(KEYS.right);
    // The Run page's log has the kubectl line too: the Check page is the one whose tab is in brackets.
    frame = await app.waitFor('[Check]');
    expect(frame).toContain('$ kubectl get pods -n kube-system -o wide');
    expect(frame).toContain('coredns-5d8c6b7f9b-abcde');
    expect(frame).toContain('192.168.97.23');
    expect(frame).toContain('CoreDNS has an address inside a node subnet');
    expect(fake.asked).toEqual(['addons']);
    await app.press(KEYS.escape);
    frame = await app.waitFor('Day two: the questions real projects meet');
    expect(frame).toMatch(/✓ Add-ons and the VPC CNI at work/);
  });

  it('explains a failure as every step does, and r runs it again', async () => {
    const failing = fakeDayTwo(
      Promise.resolve(),
      Object.assign(new Error('User is not authorized to perform: eks:CreateAddon'), { name: 'AccessDeniedException' }),
    );
    const services = fakeServices({ lessons: LESSONS, dayTwo: failing.run });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: services.services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    await openDayTwo(app);
    await app.press(KEYS.enter);
    await app.waitFor('[Learn 1/');
    await app.press(KEYS.escape);
    await app.waitFor('Day two: the questions real projects meet');
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Q2 · More people');
    const pages = LESSONS.find((l) => l.id === 'wrapup-access')!.pages.length;
    await app.press(...Array<string>(pages + 1).fill(KEYS.right), KEYS.enter);
    const frame = await app.waitFor('It failed:');
    expect(frame).toContain('Press r to try again');
    await app.press('r');
    await app.waitFor(() => failing.asked.length === 2);
    expect(failing.asked).toEqual(['access', 'access']);
  });

  it('in an AWS account, says what a costly action costs and sends nothing before y', async () => {
    const fake = fakeDayTwo(Promise.resolve());
    const services = fakeServices({ lessons: LESSONS, dayTwo: fake.run });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'real' }),
      services: services.services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    await openDayTwo(app);
    const index = DAY_TWO_ACTIONS.findIndex((a) => a.asksFirst);
    const costly = DAY_TWO_ACTIONS[index]!;
    await app.press(String(index + 1));
    await app.waitFor(costly.title.en.slice(0, 30));
    const pages = LESSONS.find((l) => l.id === costly.lesson)!.pages.length;
    await app.press(...Array<string>(pages).fill(KEYS.right), KEYS.enter);
    const frame = await app.waitFor('Press y to go ahead');
    expect(frame.replace(/\s+/g, ' ')).toContain(costly.asksFirst!(testConfig({ mode: 'real' })).en.slice(0, 40));
    await app.press(KEYS.enter);
    expect(fake.asked).toEqual([]);
    await app.press('y');
    await app.waitFor('Done: the check is on the next page');
    expect(fake.asked).toEqual([costly.id]);
  });

  it('says why nothing runs in a dry run', async () => {
    const services = fakeServices({ lessons: LESSONS, dayTwo: fakeDayTwo(Promise.resolve()).run });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'dry-run' }),
      services: services.services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    const frame = await openDayTwo(app);
    expect(frame).toContain('not with --dry-run');
  });
});
