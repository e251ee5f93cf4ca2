import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { census } from '../support/census.js';
import { runCli } from '../support/cli.js';
import { enforceIam } from '../support/iam-learner.js';
import { useMoto } from '../support/moto.js';
import { makeMachine, runTutor } from '../support/tutor-process.js';

const moto = useMoto();

interface Policy {
  Statement: { Action: string[] }[];
}

describe('doctor --policy is enough for the whole build and teardown', () => {
  it(
    'up (all five steps) and down succeed with moto checking every request against that policy and nothing more',
    { timeout: 180_000 },
    async () => {
      const printed = await runCli(['doctor', '--policy']);
      expect(printed.stderr).toBe('');
      expect(printed.exitCode).toBe(0);
      const policy = JSON.parse(printed.stdout) as Policy;
      const allowed = new Set(policy.Statement.flatMap((s) => s.Action));

      // A learner whose only permissions are the printed policy; made before every request is checked.
      const iam = new IAMClient({
        region: 'us-east-1',
        endpoint: moto.url,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      });
      await iam.send(new CreateUserCommand({ UserName: 'least-privilege' }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'least-privilege' }))).AccessKey!;
      await iam.send(
        new PutUserPolicyCommand({ UserName: 'least-privilege', PolicyName: 'eks-basics-tutor', PolicyDocument: printed.stdout }),
      );
      iam.destroy();
      await enforceIam(moto.url, true);

      const machine = makeMachine({ AWS_ACCESS_KEY_ID: key.AccessKeyId!, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey! });
      const name = 'least-privilege';
      const where = ['--endpoint-url', moto.url, '--region', 'us-east-1', '--cluster-name', name, '--state-dir', machine.stateDir];
      const upLog = join(machine.home, 'up-calls.json');
      const up = await runTutor(machine, ['up', '--yes', '--no-kubectl', ...where], { env: { EKS_BASICS_TUTOR_CALL_LOG: upLog } });
      expect(up.stderr).toBe('');
      expect(up.exitCode).toBe(0);
      const downLog = join(machine.home, 'down-calls.json');
      const down = await runTutor(machine, ['down', '--yes', ...where], { env: { EKS_BASICS_TUTOR_CALL_LOG: downLog } });
      expect(down.stderr).toBe('');
      expect(down.exitCode).toBe(0);
      await enforceIam(moto.url, false);
      expect(await census(name, { endpoint: moto.url })).toEqual([]);

      // Every operation actually sent is in the policy.
      // The call log names the load-balancing clients elb and elbv2; IAM calls both elasticloadbalancing.
      const asAction = (op: string) => op.replace(/^elb(v2)?:/, 'elasticloadbalancing:');
      const sent = [upLog, downLog].flatMap((file) =>
        Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { counts: Record<string, number> }).counts).map(asAction),
      );
      expect(sent).toContain('eks:CreateNodegroup');
      expect(sent).toContain('ec2:DeleteVpc');
      expect(sent.filter((op) => !allowed.has(op))).toEqual([]);
    },
  );
});
