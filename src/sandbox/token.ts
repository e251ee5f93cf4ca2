import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a bearer token as EKS does: `aws eks get-token` presigns an STS
 * GetCallerIdentity URL with the header `x-k8s-aws-id: <cluster>` and sends
 * `k8s-aws-v1.` + base64url(URL). Instead of asking STS, the sandbox checks the
 * SigV4 signature itself with the only credentials it hands out.
 */

export const TOKEN_PREFIX = 'k8s-aws-v1.';

/** EKS honours a token for 15 minutes from X-Amz-Date; the URL's X-Amz-Expires (60) is not what counts. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;
const CLOCK_SKEW_MS = 5 * 60_000;

export interface TokenCheck {
  clusterName: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The session token the keys came with (an STS session the sandbox issued); none for plain keys. */
  sessionToken?: string | undefined;
  now?: number;
}

export type TokenVerdict = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): TokenVerdict => ({ ok: false, reason });

/** RFC 3986 encoding as SigV4 wants it. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The presigned URL inside a token, or undefined when it is not one. */
export function decodeToken(token: string): URL | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const encoded = token.slice(TOKEN_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) return undefined;
  try {
    const url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function verifyToken(token: string, check: TokenCheck): TokenVerdict {
  const url = decodeToken(token);
  if (!url) return fail('not a k8s-aws-v1 token');
  const params = url.searchParams;
  if (params.get('Action') !== 'GetCallerIdentity') return fail('not a GetCallerIdentity request');
  if (params.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return fail('unknown signing algorithm');
  const credential = /^([^/]+)\/(\d{8})\/([^/]+)\/sts\/aws4_request$/.exec(params.get('X-Amz-Credential') ?? '');
  if (!credential) return fail('bad credential scope');
  const [, accessKeyId, day, region] = credential as unknown as [string, string, string, string];
  if (accessKeyId !== check.accessKeyId) return fail('signed with other credentials');
  // Plain keys have no session token (one in the URL leaked from the caller's environment); a session's must be its own.
  if (check.sessionToken === undefined ? params.has('X-Amz-Security-Token') : params.get('X-Amz-Security-Token') !== check.sessionToken) {
    return fail(check.sessionToken === undefined ? 'carries a session token' : 'not the session token of these keys');
  }
  const amzDate = params.get('X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined || !amzDate.startsWith(day)) return fail('bad X-Amz-Date');
  const now = check.now ?? Date.now();
  if (now > signedAt + TOKEN_LIFETIME_MS) return fail('expired');
  if (signedAt > now + CLOCK_SKEW_MS) return fail('signed in the future');
  const signedHeaders = (params.get('X-Amz-SignedHeaders') ?? '').split(';');
  if (!signedHeaders.includes('x-k8s-aws-id') || !signedHeaders.includes('host')) return fail('x-k8s-aws-id is not signed');
  const headerValues: Record<string, string> = { host: url.host, 'x-k8s-aws-id': check.clusterName };
  if (signedHeaders.some((h) => headerValues[h] === undefined)) return fail('unexpected signed header');
  const signature = params.get('X-Amz-Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) return fail('bad signature format');

  const query = [...params.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    'GET',
    url.pathname || '/',
    query,
    signedHeaders.map((h) => `${h}:${headerValues[h]}\n`).join(''),
    signedHeaders.join(';'),
    sha256Hex(''),
  ].join('\n');
  const scope = `${day}/${region}/sts/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = ['aws4_request'].reduce(
    (key, part) => hmac(key, part),
    hmac(hmac(hmac(`AWS4${check.secretAccessKey}`, day), region), 'sts'),
  );
  const expected = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('signature does not match');
  return { ok: true };
}

/** The access key id a token says it was signed with, to pick the secret to check it with; undefined when it is not a token. */
export function tokenAccessKeyId(token: string): string | undefined {
  const credential = decodeToken(token)?.searchParams.get('X-Amz-Credential') ?? '';
  return /^([^/]+)\//.exec(credential)?.[1];
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
