import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import { bearerToken, decodeToken, TOKEN_LIFETIME_MS, verifyToken } from '../../src/sandbox/token.js';

/** A token made by the real `aws eks get-token`, as kubectl's exec plugin runs it. */
async function awsToken(clusterName: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execa('aws', ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', clusterName, '--output', 'json'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      ...env,
    },
    extendEnv: false,
  });
  return (JSON.parse(stdout) as { status: { token: string } }).status.token;
}

const check = { clusterName: 'demo', ...SANDBOX_CREDENTIALS };
const tokens = { plain: '', viaEndpoint: '', withSession: '' };

beforeAll(async () => {
  [tokens.plain, tokens.viaEndpoint, tokens.withSession] = await Promise.all([
    awsToken('demo'),
    // With AWS_ENDPOINT_URL exported (as the sandbox's shell lines do) the CLI presigns for that host instead of STS.
    awsToken('demo', { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }),
    awsToken('demo', { AWS_SESSION_TOKEN: 'a-session-token' }),
  ]);
});

describe('EKS bearer tokens', () => {
  it('are a presigned STS GetCallerIdentity URL that signs x-k8s-aws-id', () => {
    expect(tokens.plain.startsWith('k8s-aws-v1.')).toBe(true);
    const url = decodeToken(tokens.plain)!;
    expect(url.host).toBe('sts.us-east-1.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(decodeToken(tokens.viaEndpoint)?.host).toBe('127.0.0.1:4566');
  });

  it('are accepted for their own cluster, whichever host they were signed for', () => {
    expect(verifyToken(tokens.plain, check)).toEqual({ ok: true });
    expect(verifyToken(tokens.viaEndpoint, check)).toEqual({ ok: true });
  });

  it('are refused for another cluster, other credentials, a session token, expiry or tampering', () => {
    expect(verifyToken(tokens.plain, { ...check, clusterName: 'other' }).ok).toBe(false);
    expect(verifyToken(tokens.plain, { ...check, secretAccessKey: 'some-other-secret' }).ok).toBe(false);
    expect(verifyToken(tokens.plain, { ...check, accessKeyId: 'AKIAOTHERKEY00000001' }).ok).toBe(false);
    expect(verifyToken(tokens.withSession, check).ok).toBe(false);
    expect(verifyToken(tokens.plain, { ...check, now: Date.now() + TOKEN_LIFETIME_MS + 60_000 }).ok).toBe(false);
    expect(verifyToken(tokens.plain, { ...check, now: Date.now() + 5 * 60_000 }).ok).toBe(true);
    const url = decodeToken(tokens.plain)!;
    url.searchParams.set('Action', 'GetCallerIdentity');
    url.searchParams.set('X-Amz-Date', '20200101T000000Z');
    expect(verifyToken(`k8s-aws-v1.${Buffer.from(url.toString()).toString('base64url')}`, check).ok).toBe(false);
    expect(verifyToken('not-a-token', check).ok).toBe(false);
    expect(verifyToken(tokens.plain.replace('k8s-aws-v1.', 'k8s-aws-v2.'), check).ok).toBe(false);
  });

  it('come from a Bearer authorization header only', () => {
    expect(bearerToken(`Bearer ${tokens.plain}`)).toBe(tokens.plain);
    expect(bearerToken(`Basic ${tokens.plain}`)).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
