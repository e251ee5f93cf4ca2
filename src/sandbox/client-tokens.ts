import type { Behaviours } from './behaviours.js';
import type { CallerScope } from './moto-client.js';
import { ec2Error, eksError, type ProxyAnswer } from './proxy-types.js';
import type { Memory } from './timeline.js';

/**
 * Idempotency as EC2 (`ClientToken`) and EKS (`clientRequestToken`) keep it:
 * a create sent again with the same token and the same parameters makes
 * nothing new and answers the same resource; the same token with other
 * parameters is refused. moto ignores every token, so the sandbox keeps them.
 */

export const EC2_MISMATCH = 'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).';
export const EKS_MISMATCH = 'The client request token was already used for a request with different parameters.';

/** The request's parameters in a stable order, without the token itself (and the SDK's own bookkeeping). */
export function fingerprint(params: Record<string, unknown>, tokenField: string): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  const { [tokenField]: _token, ...rest } = params;
  return JSON.stringify(sorted(rest));
}

export type TokenCheck = { kind: 'new' } | { kind: 'replay'; answer: string } | { kind: 'mismatch'; answer: ProxyAnswer };

/** What to do with a create carrying `token`: make it, answer what it answered before, or refuse it. */
export function checkToken(
  behaviours: Behaviours,
  memory: Memory,
  scope: CallerScope,
  operation: string,
  token: unknown,
  print: string,
  service: 'ec2' | 'eks',
): TokenCheck {
  if (!behaviours.on('idempotency') || typeof token !== 'string' || token === '') return { kind: 'new' };
  const seen = memory.token(scope, operation, token);
  if (!seen) return { kind: 'new' };
  if (seen.fingerprint === print) {
    behaviours.fired(
      'idempotency',
      `${operation} sent again with client token ${token}`,
      'replayed',
      'nothing new made; the first answer is given again',
    );
    return { kind: 'replay', answer: seen.answer };
  }
  const [code, message] = service === 'ec2' ? ['IdempotentParameterMismatch', EC2_MISMATCH] : ['InvalidParameterException', EKS_MISMATCH];
  behaviours.fired('idempotency', `${operation} reused client token ${token} with other parameters`, code, message);
  return { kind: 'mismatch', answer: service === 'ec2' ? ec2Error(code, message) : eksError(400, code, message) };
}

export function rememberToken(memory: Memory, scope: CallerScope, operation: string, token: unknown, print: string, answer: string): void {
  if (typeof token === 'string' && token !== '') memory.setToken(scope, operation, token, { fingerprint: print, answer });
}
