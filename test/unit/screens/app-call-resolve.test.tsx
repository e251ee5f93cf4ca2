import { describe, expect, it } from 'vitest';
import type { StepNumber, StepPlan } from '../../../src/aws/types.js';
import type { ResolvedVersion } from '../../../src/aws/versions.js';
import type { Ledger } from '../../../src/state/ledger.js';
import { testConfig } from '../../fixtures/config.js';
import { FakeEngine } from '../../fixtures/fake-engine.js';
import { KEYS, screenTests } from '../../fixtures/render.js';
import { fakeServices } from '../../fixtures/services.js';

const screen = screenTests('tutor-call-resolve-');

/** A fake whose step 3 sends the version it resolved, as the real engine's CreateCluster does. */
class VersionedEngine extends FakeEngine {
  asked = 0;
  sent: string[] = [];
  private resolved: ResolvedVersion | undefined;
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  constructor(ledger?: Ledger) {
    super(ledger);
  }

  answer(): void {
    this.release();
  }

  async resolveVersion(): Promise<ResolvedVersion> {
    this.asked++;
    await this.gate;
    this.resolved ??= { version: '1.34', supportType: 'STANDARD' } as ResolvedVersion;
    return this.resolved;
  }

  override plan(step: StepNumber): StepPlan {
    const plan = super.plan(step);
    if (step !== 3) return plan;
    const version = this.resolved?.version ?? '<kubernetes-version>';
    return {
      ...plan,
      calls: [
        {
          service: 'eks',
          action: 'CreateCluster',
          input: { name: 'eks-basics-tutor', version },
          cli: `aws eks create-cluster --name eks-basics-tutor --kubernetes-version ${version}`,
        },
      ],
    };
  }

  override async apply(step: StepNumber): Promise<void> {
    if (step === 3) this.sent.push(this.resolved?.version ?? '<kubernetes-version>');
    await super.apply(step);
  }
}

describe('step 3’s call page', () => {
  it('resolves the Kubernetes version before it is drawn, and names the version the run then sends', async () => {
    let engine: VersionedEngine | undefined;
    const fake = fakeServices({ engine: () => (engine = new VersionedEngine()) });
    const app = screen.render({ config: testConfig({ stateDir: screen.stateDir, mode: 'sandbox' }), services: fake.services, step: 3 });
    await app.waitFor('Open step 3');
    await app.press(KEYS.enter);
    await app.waitFor('Fixture step three');
    await app.press('c');
    const waiting = await app.waitFor('Resolving the Kubernetes version');
    expect(waiting).not.toContain('<kubernetes-version>');
    expect(waiting).not.toContain('CreateCluster');
    engine!.answer();
    const call = await app.waitFor('--kubernetes-version 1.34');
    expect(call).toContain('1.34');
    expect(call).not.toContain('<kubernetes-version>');
    await app.press(KEYS.right);
    await app.waitFor('Press Enter to run it');
    await app.press(KEYS.enter);
    await app.waitFor('Step 3 is in place and checked');
    expect(engine!.sent).toEqual(['1.34']);
    expect(engine!.asked).toBe(1);
  });

  it('in a dry run, which asks nobody, says how the version the run would send is chosen', async () => {
    const engine = new VersionedEngine();
    const fake = fakeServices({ engine: () => engine });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'dry-run' }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Fixture step three');
    await app.press('c');
    const call = (await app.waitFor('CreateCluster')).replace(/\s+/g, ' ');
    expect(call).toContain('<kubernetes-version>: a dry run asks nobody.');
    expect(call).toContain('else the newest version in standard support, which it asks EKS for first (DescribeClusterVersions)');
    expect(engine.asked).toBe(0);
  });

  it('shows a value longer than the page whole, over several lines, at 80×24', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
    class PolicyEngine extends FakeEngine {
      override plan(step: StepNumber): StepPlan {
        const plan = super.plan(step);
        if (step !== 1) return plan;
        const input = { RoleName: 'eks-basics-tutor-cluster-role', AssumeRolePolicyDocument: policy };
        return {
          ...plan,
          calls: [{ service: 'iam', action: 'CreateRole', input, cli: 'aws iam create-role --role-name eks-basics-tutor-cluster-role' }],
        };
      }
    }
    const fake = fakeServices({ engine: () => new PolicyEngine() });
    const app = screen.render({
      config: testConfig({ stateDir: screen.stateDir, mode: 'dry-run' }),
      services: fake.services,
      size: { columns: 80, rows: 24 },
    });
    await app.waitFor('Start with the lesson menu');
    await app.press(KEYS.enter);
    await app.waitFor('Lessons');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Fixture step one');
    await app.press('c');
    const frame = await app.waitFor('CreateRole');
    // Every character of the document is on screen, in order, with nothing cut off.
    const shown = frame
      .split('\n')
      .map((line) => line.trim())
      .join('');
    expect(shown).toContain(JSON.stringify(policy).slice(1, -1).replace(/\\"/g, '\\"'));
    expect(frame).not.toContain('…');
  });
});
