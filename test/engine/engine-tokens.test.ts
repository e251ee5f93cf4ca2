import { DescribeNatGatewaysCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { CLUSTER_TAG } from '../../src/aws/tags.js';
import { CLIENT_TOKEN_MAX, clientToken } from '../../src/aws/tokens.js';
import { recordInputs } from '../support/answer.js';
import { TEST_CREDENTIALS, makeEngine } from '../support/engine.js';
import { useMoto } from '../support/moto.js';

const moto = useMoto();

/** 100 characters, the longest cluster name EKS allows. */
const LONG_NAME = `tokens-${'x'.repeat(93)}`;

describe('client tokens', () => {
  it(
    'a 100-character name with --nat ha --azs 3 builds, each create carrying its own token of at most 64 characters',
    { timeout: 120_000 },
    async () => {
      expect(LONG_NAME).toHaveLength(100);
      const engine = await makeEngine(moto.url, { clusterName: LONG_NAME, nat: 'ha', azs: 3 });
      const ec2Calls = recordInputs(engine.clients, 'ec2', ['CreateNatGateway']);
      const eksCalls = recordInputs(engine.clients, 'eks', ['CreateCluster']);
      await engine.up(3);

      const tokens = [...ec2Calls.map((c) => c.input.ClientToken), ...eksCalls.map((c) => c.input.clientRequestToken)] as string[];
      expect(ec2Calls).toHaveLength(3);
      expect(eksCalls).toHaveLength(1);
      expect(new Set(tokens).size).toBe(4);
      for (const token of tokens) {
        expect(token.length).toBeLessThanOrEqual(CLIENT_TOKEN_MAX);
        expect(token).toMatch(/^[\x21-\x7e]+$/);
      }

      const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
      const nats =
        (await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: `tag:${CLUSTER_TAG}`, Values: [LONG_NAME] }] }))).NatGateways ??
        [];
      expect(nats.filter((g) => g.State !== 'deleted')).toHaveLength(3);
      const eks = new EKSClient({ region: 'us-east-1', endpoint: moto.url, credentials: TEST_CREDENTIALS });
      expect((await eks.send(new DescribeClusterCommand({ name: LONG_NAME }))).cluster?.name).toBe(LONG_NAME);
    },
  );

  it('differs for names that differ only after the 64th character, and is the same for the same intent', () => {
    const a = clientToken(`${'a'.repeat(99)}1`, 'nat/0', '2026-12-01T09:00:00.000Z');
    const b = clientToken(`${'a'.repeat(99)}2`, 'nat/0', '2026-12-01T09:00:00.000Z');
    expect(a).not.toBe(b);
    expect(clientToken(`${'a'.repeat(99)}1`, 'nat/0', '2026-12-01T09:00:00.000Z')).toBe(a);
    expect(clientToken(`${'a'.repeat(99)}1`, 'nat/0', '2026-12-01T09:05:00.000Z')).not.toBe(a);
    expect(clientToken(`${'a'.repeat(99)}1`, 'nat/1', '2026-12-01T09:00:00.000Z')).not.toBe(a);
  });
});
