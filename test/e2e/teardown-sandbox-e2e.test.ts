import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { loadBalancers } from '../support/census.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

const learners = useLearners();

/** The real kubectl, as the learner runs it after `up`: their HOME and the tutor's kubeconfig. */
function kubectl(learner: Learner, args: string[]) {
  return execa('kubectl', args, {
    reject: false,
    extendEnv: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
  });
}

describe('down in the sandbox removes what a LoadBalancer Service made', () => {
  it(
    'a Service of type LoadBalancer is deleted before the cluster, and no load balancer is left in moto',
    { timeout: 480_000 },
    async () => {
      const learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0'], { timeoutMs: 240_000 });
      expect(up.exitCode, up.stderr).toBe(0);
      const record = await learner.sandbox();
      expect(record).toBeDefined();
      const moto = { endpoint: record!.motoUrl, region: 'us-east-1', credentials: SANDBOX_CREDENTIALS };

      const deployment = await kubectl(learner, ['create', 'deployment', 'web', '--image=nginx']);
      expect(deployment.exitCode, deployment.stderr).toBe(0);
      const expose = await kubectl(learner, ['expose', 'deployment', 'web', '--type', 'LoadBalancer', '--port', '80']);
      expect(expose.exitCode, expose.stderr).toBe(0);
      // The sandbox's service controller makes the load balancer in moto, as the cloud provider does on AWS.
      let made: Awaited<ReturnType<typeof loadBalancers>> = [];
      for (let i = 0; i < 60 && made.length === 0; i++) {
        made = await loadBalancers(moto);
        if (made.length === 0) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(made).toHaveLength(1);

      const down = await learner.run(['down', '--sandbox', '--yes'], { timeoutMs: 240_000 });
      expect(down.exitCode, down.stdout + down.stderr).toBe(0);
      const lines = down.stdout.split('\n');
      const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
      // The plan names the Service and the load balancer it holds; the Service goes first, while the cluster still exists.
      expect(at(/^\s+- kubernetes-service default\/web\b/), down.stdout).toBeGreaterThanOrEqual(0);
      expect(at(new RegExp(`^\\s+- load-balancer ${made[0]!.name}\\b`)), down.stdout).toBeGreaterThanOrEqual(0);
      const serviceGone = at(/kubernetes-service default\/web: deleted/);
      expect(serviceGone, down.stdout).toBeGreaterThanOrEqual(0);
      expect(at(/eks-cluster eks-basics-tutor: DELETING|eks-cluster eks-basics-tutor: deleted/)).toBeGreaterThan(serviceGone);
      expect(down.stdout).not.toMatch(/delete that Service/i);
      expect(await loadBalancers(moto)).toEqual([]);
    },
  );
});
