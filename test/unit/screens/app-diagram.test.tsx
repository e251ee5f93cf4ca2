import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/lessons/types.js';
import type { VpcShape } from '../../../src/aws/live-types.js';
import { text } from '../../../src/text.js';
import { testConfig } from '../../fixtures/config.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { FIXTURE_LESSONS } from '../../fixtures/lessons.js';
import { fakeServices } from '../../fixtures/services.js';

const screen = screenTests('tutor-diagram-');

const SHAPE: VpcShape = {
  vpc: { id: 'vpc-0diagram', cidr: '192.168.0.0/16' },
  igw: 'igw-0diagram',
  subnets: [
    {
      id: 'subnet-pub0',
      tier: 'public',
      az: 'us-east-1a',
      cidr: '192.168.0.0/19',
      tags: [['kubernetes.io/role/elb', '1']],
      defaultRoute: 'igw-0diagram',
    },
    {
      id: 'subnet-prv0',
      tier: 'private',
      az: 'us-east-1a',
      cidr: '192.168.96.0/19',
      tags: [['kubernetes.io/role/internal-elb', '1']],
      defaultRoute: 'nat-0diagram',
    },
    {
      id: 'subnet-pub1',
      tier: 'public',
      az: 'us-east-1b',
      cidr: '192.168.32.0/19',
      tags: [['kubernetes.io/role/elb', '1']],
      defaultRoute: 'igw-0diagram',
    },
    {
      id: 'subnet-prv1',
      tier: 'private',
      az: 'us-east-1b',
      cidr: '192.168.128.0/19',
      tags: [['kubernetes.io/role/internal-elb', '1']],
      defaultRoute: 'nat-0diagram',
    },
  ],
  nats: [{ id: 'nat-0diagram', state: 'available', subnet: 'subnet-pub0' }],
};

const LESSONS: readonly Lesson[] = FIXTURE_LESSONS.map((lesson) =>
  lesson.id === 'vpc'
    ? {
        ...lesson,
        pages: [
          { title: text('Diagram page', '図のページ'), body: text('Diagram body.', '図の本文です。'), diagram: 'vpc-diagram' as const },
          ...lesson.pages,
        ],
      }
    : lesson,
);

async function openDiagram(columns: number) {
  const fake = fakeServices({ lessons: LESSONS });
  const services = { ...fake.services, diagram: async () => ({ kind: 'vpc-diagram' as const, shape: SHAPE }) };
  const app = screen.render({
    config: testConfig({ stateDir: screen.stateDir, mode: 'sandbox' }),
    services,
    lessons: LESSONS,
    step: 2,
    size: { columns, rows: 50 },
  });
  await app.waitFor('Open step 2');
  await app.press(KEYS.enter);
  const frame = await app.waitFor('+- us-east-1a');
  app.unmount();
  return frame.split('\n');
}

describe('a diagram page', () => {
  it('draws the VPC under the text below 120 columns, beside it from 120', async () => {
    const narrow = await openDiagram(100);
    const body = narrow.findIndex((line) => line.includes('Diagram body.'));
    const azs = narrow.findIndex((line) => line.includes('+- us-east-1a') && line.includes('+- us-east-1b'));
    expect(body).toBeGreaterThanOrEqual(0);
    expect(azs).toBeGreaterThan(body);
    expect(narrow.join('\n')).toContain('0.0.0.0/0 -> nat-0diagram');

    const wide = await openDiagram(130);
    const row = wide.find((line) => line.includes('Diagram body.'));
    // Beside: the panel's first lines share rows with the text.
    expect(row).toMatch(/Diagram body\.\s+\S/);
    expect(wide.some((line) => line.includes('+- us-east-1a') && line.includes('+- us-east-1b'))).toBe(true);
  });
});
