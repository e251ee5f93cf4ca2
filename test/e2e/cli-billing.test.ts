import { describe, expect, it } from 'vitest';
import { census } from '../support/census.js';
import { runOnOneScreen } from '../support/cli-screen.js';
import { target, useFaultProxy } from '../support/cli-target.js';
import { NO_FAULTS } from '../support/fault-proxy.js';
import { makeMachine, runTutor } from '../support/tutor-process.js';

const faulty = useFaultProxy();

/** `eks-basics-tutor up …` as printed, as arguments of the built program. */
const argsOf = (line: string) => line.trim().split(/\s+#/)[0]!.trim().split(/\s+/).slice(1);

describe('a failure after the first billable create', () => {
  it(
    'ends the screen with the error, what still bills and its price, and the two ways out, which both work',
    { timeout: 180_000 },
    async () => {
      const machine = makeMachine();
      const name = 'billing-left';
      // CreateCluster fails on every attempt: steps 1 and 2 (a NAT gateway, an Elastic IP) are in place and billing.
      faulty.proxy.setPlan({ ...NO_FAULTS, always: { 'eks:POST /clusters': 'server-error' } });
      const run = await runOnOneScreen(machine, [
        'up',
        '--through',
        '3',
        '--no-kubectl',
        '--yes',
        ...target(faulty.proxy.url, name, machine),
      ]);
      expect(run.exitCode).toBe(1);
      const lines = run.lines;
      const error = lines.findIndex((l) => l.includes('AWS had an internal error (ServerException)'));
      expect(error, lines.join('\n')).toBeGreaterThan(0);
      // The checks of the steps already done come before the failure, never after it.
      const checks = lines.map((l, i) => (/^\s+[✓✗?] /.test(l) ? i : -1)).filter((i) => i >= 0);
      expect(checks.length).toBeGreaterThan(0);
      expect(Math.max(...checks)).toBeLessThan(error);
      expect(lines.findIndex((l) => l.includes('Step 2: The cluster VPC, checked'))).toBeLessThan(error);

      const after = lines.slice(error + 1);
      expect(after[0]).toMatch(
        /^Still there \(account 123456789012, region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+\), about \$0\.0\d\d\/hour/,
      );
      expect(after.find((l) => l.includes('nat-gateway'))).toMatch(/\$0\.045\/h/);
      expect(after.find((l) => l.includes('elastic-ip'))).toMatch(/\$0\.005\/h/);
      expect(after.some((l) => l.includes('- vpc vpc-'))).toBe(true);
      const resume = after.at(-2)!;
      const remove = after.at(-1)!;
      expect(resume).toMatch(
        /^\s+eks-basics-tutor up --through 3 --region us-east-1 --cluster-name billing-left --state-dir \S+ --endpoint-url http:\S+ --no-kubectl\s+# continues from here$/,
      );
      expect(remove).toMatch(
        /^\s+eks-basics-tutor down --region us-east-1 --cluster-name billing-left --state-dir \S+ --endpoint-url http:\S+\s+# removes all of it$/,
      );

      // Way out 1, as printed: the same build continues.
      faulty.proxy.setPlan(NO_FAULTS);
      const resumed = await runTutor(machine, [...argsOf(resume), '--yes']);
      expect(resumed.stderr).toBe('');
      expect(resumed.exitCode).toBe(0);
      expect((await census(name, { endpoint: faulty.moto.url })).some((f) => f.kind === 'eks-cluster')).toBe(true);
      // Way out 2, as printed: all of it goes.
      const removed = await runTutor(machine, [...argsOf(remove), '--yes']);
      expect(removed.stderr).toBe('');
      expect(removed.exitCode).toBe(0);
      expect(await census(name, { endpoint: faulty.moto.url })).toEqual([]);
    },
  );
});
