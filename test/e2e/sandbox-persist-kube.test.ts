import { DescribeLoadBalancersCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { useLearners, type Learner } from '../support/sandbox-cli.js';

const learners = useLearners();

function kubectl(learner: Learner, args: string[]) {
  return execa('kubectl', [...args, '--request-timeout=30s'], {
    reject: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
    extendEnv: false,
  });
}

/** NAME, TYPE and EXTERNAL-IP of the Service `web`, from kubectl's own table. */
async function service(learner: Learner): Promise<string[]> {
  const result = await kubectl(learner, ['get', 'svc', 'web', '--no-headers']);
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout.trim().split(/\s+/).slice(0, 4);
}

async function loadBalancers(learner: Learner): Promise<number> {
  const record = (await learner.sandbox())!;
  const elb = new ElasticLoadBalancingClient({
    endpoint: record.endpointUrl,
    region: 'us-east-1',
    credentials: { ...SANDBOX_CREDENTIALS },
  });
  return ((await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancerDescriptions ?? []).length;
}

describe("a learner's Kubernetes objects outlive a sandbox stop", () => {
  it(
    'a Deployment and its LoadBalancer Service are there after stop, with the same EXTERNAL-IP; down leaves no load balancer',
    { timeout: 480_000 },
    async () => {
      const learner = await learners.make();
      const up = await learner.run(['up', '--sandbox', '--yes', '--time-scale', '0']);
      expect(up.exitCode, up.stderr).toBe(0);
      for (const args of [
        ['create', 'deployment', 'web', '--image=nginx'],
        ['expose', 'deployment', 'web', '--type', 'LoadBalancer', '--port', '80'],
      ]) {
        const made = await kubectl(learner, args);
        expect(made.exitCode, made.stderr).toBe(0);
      }
      let external = '<pending>';
      for (let i = 0; i < 60 && ['<pending>', ''].includes(external); i++) {
        external = (await service(learner))[3] ?? '';
        if (external === '<pending>') await new Promise((r) => setTimeout(r, 500));
      }
      expect(external).toMatch(/\.elb\.amazonaws\.com$/);
      expect(await loadBalancers(learner)).toBe(1);

      const stop = await learner.run(['sandbox', 'stop']);
      expect(stop.stdout).toContain('Sandbox stopped');
      expect(await learner.sandbox()).toBeUndefined();
      const status = await learner.run(['status', '--sandbox', '--time-scale', '0']);
      expect(status.exitCode, status.stderr).toBe(0);
      expect(await learner.sandbox(), 'status started the sandbox again').toBeDefined();

      const listed = await kubectl(learner, ['get', 'deploy,svc', '--no-headers']);
      expect(listed.exitCode, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/^deployment\.apps\/web\s/m);
      expect(await service(learner)).toEqual(['web', 'LoadBalancer', expect.any(String), external]);
      expect(await loadBalancers(learner)).toBe(1);

      const down = await learner.run(['down', '--sandbox', '--yes', '--time-scale', '0']);
      expect(down.exitCode, down.stderr).toBe(0);
      expect(await loadBalancers(learner)).toBe(0);
    },
  );
});
