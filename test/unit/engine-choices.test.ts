import { describe, expect, it } from 'vitest';
import { createClients } from '../../src/aws/clients.js';
import { amiTypeFor } from '../../src/aws/steps/ami-types.js';
import { execSpec } from '../../src/aws/steps/kubeconfig.js';
import { createNodegroupRequest } from '../../src/aws/steps/nodegroup.js';
import { chooseAvailabilityZones } from '../../src/aws/steps/vpc-zones.js';
import { resolveConfig } from '../../src/options.js';
import { Ledger } from '../../src/state/ledger.js';
import { answerWith } from '../support/answer.js';
import { TEST_CREDENTIALS, tempDir, testConfig } from '../support/engine.js';

const env = { EKS_BASICS_TUTOR_STATE_DIR: '/tmp/ebt-choices' };
const refusal = (raw: Parameters<typeof resolveConfig>[0]) => {
  try {
    resolveConfig(raw, env);
    return undefined;
  } catch (error) {
    return error as { code: string; text: { en: string } };
  }
};

describe('choices the engine makes from the options', () => {
  it('gives Graviton types the ARM AMI, NVIDIA types the NVIDIA AMI, and sends it', async () => {
    const expected: Record<string, string> = {
      't3.medium': 'AL2023_x86_64_STANDARD',
      'm7i.large': 'AL2023_x86_64_STANDARD',
      't4g.medium': 'AL2023_ARM_64_STANDARD',
      'm6g.large': 'AL2023_ARM_64_STANDARD',
      'c7gn.xlarge': 'AL2023_ARM_64_STANDARD',
      'r6gd.large': 'AL2023_ARM_64_STANDARD',
      'a1.large': 'AL2023_ARM_64_STANDARD',
      'g4dn.xlarge': 'AL2023_x86_64_NVIDIA',
      'g5.xlarge': 'AL2023_x86_64_NVIDIA',
      'p4d.24xlarge': 'AL2023_x86_64_NVIDIA',
      'g5g.xlarge': 'AL2023_ARM_64_NVIDIA',
      'inf2.xlarge': 'AL2023_x86_64_NEURON',
    };
    for (const [type, ami] of Object.entries(expected)) expect([type, amiTypeFor(type)]).toEqual([type, { ok: true, amiType: ami }]);
    const config = resolveConfig({ instanceType: 't4g.medium' }, env);
    const ledger = Ledger.inMemory({ clusterName: config.clusterName, mode: 'real', region: 'us-east-1' });
    expect(createNodegroupRequest({ config, ledger }).amiType).toBe('AL2023_ARM_64_STANDARD');
  });

  it('refuses, in one line, an instance type no EKS node AMI runs on', () => {
    for (const type of ['mac2.metal', 'g4ad.xlarge', 'f1.2xlarge']) {
      const error = refusal({ instanceType: type });
      expect(error?.code).toBe('BAD_INPUT');
      expect(error?.text.en).toMatch(new RegExp(`^--instance-type ${type.replace('.', '\\.')} is not allowed: .*t4g\\.medium`));
      expect(error?.text.en).not.toContain('\n');
    }
  });

  it('knows regions from the SDK’s partition data (ap-southeast-6 included) and refuses made-up ones', () => {
    expect(resolveConfig({ region: 'ap-southeast-6' }, env).region).toBe('ap-southeast-6');
    expect(refusal({ region: 'ap-southeast-99' })?.code).toBe('BAD_INPUT');
    expect(refusal({ region: 'aws-global' })?.code).toBe('BAD_INPUT');
  });

  it('refuses a VPC range whose subnets cannot hold the nodes', () => {
    expect(resolveConfig({ vpcCidr: '192.168.0.0/24' }, env).vpcCidr).toBe('192.168.0.0/24');
    const error = refusal({ vpcCidr: '192.168.0.0/24', nodes: '8' });
    expect(error?.code).toBe('BAD_INPUT');
    expect(error?.text.en).toMatch(/^--vpc-cidr 192\.168\.0\.0\/24 is too small: each subnet \(\/27\) has 27 usable addresses/);
  });

  it('skips the zones EKS refuses by zone ID, whatever their name in this account', async () => {
    const stateDir = await tempDir();
    const clients = createClients({ region: 'us-east-1', credentials: TEST_CREDENTIALS, endpointUrl: 'http://127.0.0.1:9' });
    answerWith(clients, 'ec2', 'DescribeAvailabilityZones', () => ({
      AvailabilityZones: [
        { ZoneName: 'us-east-1a', ZoneId: 'use1-az3', State: 'available' },
        { ZoneName: 'us-east-1b', ZoneId: 'use1-az1', State: 'available' },
        { ZoneName: 'us-east-1c', ZoneId: 'use1-az2', State: 'available' },
        { ZoneName: 'us-east-1e', ZoneId: 'use1-az4', State: 'available' },
      ],
    }));
    const ledger = Ledger.inMemory({ clusterName: 'tutor-test', mode: 'real', region: 'us-east-1' });
    const ctx = {
      config: testConfig(stateDir, { azs: 3 }),
      clients,
      ledger,
      clock: { now: () => 0, sleep: async () => undefined },
      emit: () => undefined,
      kubectl: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
    };
    expect(await chooseAvailabilityZones(ctx)).toEqual(['us-east-1b', 'us-east-1c', 'us-east-1e']);
  });

  it('writes AWS_PROFILE into the kubeconfig whenever the session used a profile, from --profile or the environment', () => {
    const config = testConfig('/tmp');
    expect(execSpec({ ...config, profile: 'learner' }, undefined, {}).env).toEqual([{ name: 'AWS_PROFILE', value: 'learner' }]);
    expect(execSpec(config, undefined, { AWS_PROFILE: 'from-env' }).env).toEqual([{ name: 'AWS_PROFILE', value: 'from-env' }]);
    expect(execSpec(config, undefined, {}).env).toBeUndefined();
  });
});
