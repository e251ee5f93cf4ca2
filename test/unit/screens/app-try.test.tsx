import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/lessons/types.js';
import { Ledger } from '../../../src/state/ledger.js';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';
import { openStep, runAndCheck } from '../../support/screen-steps.js';

const screen = screenTests('tutor-try-');

const LONG =
  'aws ec2 describe-subnets --filters Name=vpc-id,Values={vpcId} --region {region} --query "Subnets[].{Id: SubnetId, Az: AvailabilityZone, Cidr: CidrBlock}" --output table';
const THIRD = 'aws ec2 create-subnet --vpc-id {vpcId} --availability-zone {thirdAz} --cidr-block {freeCidr} --region {region}';

/** The fixture course, its VPC lesson with two commands and a page to read. */
const LESSONS: readonly Lesson[] = FIXTURE_LESSONS.map((lesson) =>
  lesson.id === 'vpc'
    ? {
        ...lesson,
        commands: [
          { cli: LONG, what: text('The subnets of your VPC, with their zones', 'VPC のサブネットとその AZ') },
          { cli: THIRD, what: text('A private subnet in a third AZ', '3 つ目の AZ のプライベートサブネット') },
        ],
        readMore: [
          {
            title: text('Amazon EKS networking requirements', 'Amazon EKS のネットワーク要件'),
            url: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html',
          },
        ],
      }
    : lesson,
);

describe('the "Try it" page', () => {
  it('shows the lesson’s commands with this build’s ids, cut between words with \\, and the reading with its address', async () => {
    const ledger = Ledger.inMemory({ clusterName: 'eks-basics-tutor', mode: 'sandbox', region: 'us-east-1' });
    const fake = fakeServices({ engine: () => new FakeEngine(ledger), zones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'] });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir }),
      services: fake.services,
      lessons: LESSONS,
      size: { columns: 80, rows: 24 },
    });
    await openStep(app, 2, 'Fixture step two');
    await runAndCheck(app, 2);
    let frame = await app.waitFor('[Try it]');
    expect(frame).toContain('These work in a second terminal');
    expect(frame).toContain('`eks-basics-tutor sandbox`');
    // The long command: every line fits, no line but the last lacks its backslash, the words come back whole.
    const lines = frame.split('\n');
    const start = lines.findIndex((l) => l.startsWith('aws ec2 describe-subnets'));
    expect(start).toBeGreaterThan(0);
    let end = start;
    while (lines[end]!.trimEnd().endsWith(' \\')) end++;
    expect(end).toBeGreaterThan(start);
    const pasted = lines
      .slice(start, end + 1)
      .map((l) => l.trimEnd().replace(/ \\$/, ''))
      .join(' ');
    expect(pasted).toBe(LONG.replace('{vpcId}', 'vpc-0fake').replace('{region}', 'us-east-1'));
    lines.slice(start, end + 1).forEach((l) => expect(l).not.toMatch(/[│─┌┐└┘]/u));
    // The third AZ is one the build does not use; the range is free in the VPC.
    await app.press(KEYS.down);
    frame = await app.waitFor((f) => f.includes('› A private subnet in a third AZ') && f.includes('us-east-1c'));
    const flat = frame.replace(/ \\\n/g, ' ');
    expect(flat).toContain('aws ec2 create-subnet --vpc-id vpc-0fake --availability-zone us-east-1c --cidr-block');
    expect(flat).not.toContain('{thirdAz}');
    expect(flat).not.toContain('{freeCidr}');
    await app.press('y');
    await app.waitFor('Copied (OSC 52)');
    await app.press(' ');
    frame = await app.waitFor('Amazon EKS networking requirements');
    expect(frame).toContain('https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html');
    await app.press(KEYS.right);
    await app.waitFor('[Quiz]');
  });
});
