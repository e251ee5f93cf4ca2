import type { AwsClients } from '../../src/aws/clients.js';

type ServiceName = 'iam' | 'ec2' | 'eks' | 'sts';

/**
 * Answers the calls of one operation with `answer(input, n)` (n counts from 1)
 * instead of sending them, while `answer` returns something; when it returns
 * undefined the call goes to the server as usual. For states moto never
 * reaches (a node group CREATE_FAILED with health issues, a failed NAT gateway).
 */
export function answerWith(
  clients: AwsClients,
  service: ServiceName,
  operation: string,
  answer: (input: Record<string, unknown>, n: number) => Record<string, unknown> | undefined,
): { readonly calls: number } {
  let calls = 0;
  const client = clients[service] as unknown as {
    middlewareStack: {
      add: (
        m: (
          next: (a: { input: Record<string, unknown> }) => Promise<unknown>,
          c: { commandName?: string },
        ) => (a: { input: Record<string, unknown> }) => Promise<unknown>,
        o: object,
      ) => void;
    };
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== `${operation}Command`) return next(args);
      calls++;
      const output = answer(args.input, calls);
      if (output === undefined) return next(args);
      return { output: { $metadata: { httpStatusCode: 200 }, ...output }, response: { statusCode: 200, headers: {} } };
    },
    { step: 'initialize', name: `answerWith-${operation}-${Math.random()}` },
  );
  return {
    get calls() {
      return calls;
    },
  };
}

/** Records the input of every call of the given operations, as the SDK sends it. */
export function recordInputs(
  clients: AwsClients,
  service: ServiceName,
  operations: string[],
): { operation: string; input: Record<string, unknown> }[] {
  const seen: { operation: string; input: Record<string, unknown> }[] = [];
  const client = clients[service] as unknown as {
    middlewareStack: {
      add: (
        m: (
          next: (a: { input: Record<string, unknown> }) => Promise<unknown>,
          c: { commandName?: string },
        ) => (a: { input: Record<string, unknown> }) => Promise<unknown>,
        o: object,
      ) => void;
    };
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      if (operations.includes(operation)) seen.push({ operation, input: args.input });
      return next(args);
    },
    { step: 'initialize', name: `recordInputs-${service}-${Math.random()}` },
  );
  return seen;
}
