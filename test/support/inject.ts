import type { AwsClients } from '../../src/aws/clients.js';

type ServiceName = 'iam' | 'ec2' | 'eks' | 'sts';

/**
 * Makes the next `times` calls of one operation fail with `error` before they
 * reach the server; every other call goes to moto as usual. For answers moto
 * never gives (UnsupportedAvailabilityZoneException, a DependencyViolation that clears).
 */
export function failNext(
  clients: AwsClients,
  service: ServiceName,
  operation: string,
  error: () => Error,
  times = 1,
): { readonly failures: number } {
  let failures = 0;
  const client = clients[service] as unknown as {
    middlewareStack: {
      add: (
        m: (next: (a: unknown) => Promise<unknown>, c: { commandName?: string }) => (a: unknown) => Promise<unknown>,
        o: object,
      ) => void;
    };
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === `${operation}Command` && failures < times) {
        failures++;
        throw error();
      }
      return next(args);
    },
    { step: 'initialize', name: `failNext-${operation}-${Math.random()}` },
  );
  return {
    get failures() {
      return failures;
    },
  };
}

export function awsError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const error = new Error(message) as Error & Record<string, unknown>;
  error.name = name;
  error.$metadata = { httpStatusCode: 400 };
  Object.assign(error, extra);
  return error;
}
