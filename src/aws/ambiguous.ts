/**
 * A create call whose answer was lost (a reset connection, a 5xx) may have
 * created the resource all the same. The SDK would simply send it again and
 * make a second VPC or Elastic IP. For the creates that take no idempotency
 * token, such a failure stops the SDK's retries instead; ensureResource then
 * looks the resource up by its tags before it tries again.
 */
export const UNTOKENED_CREATES = new Set([
  'CreateVpcCommand',
  'CreateInternetGatewayCommand',
  'CreateSubnetCommand',
  'CreateRouteTableCommand',
  'AllocateAddressCommand',
]);

export class AmbiguousCreateError extends Error {
  /** What the SDK threw. Not `cause`: the SDK's retry logic would look inside it. */
  readonly original: unknown;
  constructor(operation: string, original: unknown) {
    super(`${operation}: no answer; the resource may or may not exist`);
    this.name = 'AmbiguousCreateError';
    this.original = original;
  }
}

function throttled(error: { name?: string; $metadata?: { httpStatusCode?: number } }): boolean {
  return error.$metadata?.httpStatusCode === 429 || /Throttl|RequestLimitExceeded|TooManyRequests|SlowDown/.test(error.name ?? '');
}

/** Per attempt (it sits inside the retry loop): an unanswered untokened create is not sent again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the middleware serves any input and output
export const stopAmbiguousCreates = (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: unknown) => {
  try {
    return await next(args);
  } catch (error) {
    const e = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    const unanswered = status === undefined || status >= 500;
    if (context.commandName && UNTOKENED_CREATES.has(context.commandName) && unanswered && !throttled(e)) {
      throw new AmbiguousCreateError(context.commandName.replace(/Command$/, ''), error);
    }
    throw error;
  }
};

export const STOP_AMBIGUOUS_CREATES = {
  relation: 'after' as const,
  toMiddleware: 'retryMiddleware',
  name: 'eksBasicsTutorStopAmbiguousCreates',
};
