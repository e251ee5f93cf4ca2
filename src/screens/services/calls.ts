import type { InitializeMiddleware, MetadataBearer } from '@aws-sdk/types';
import type { AwsClients } from '../../aws/clients.js';
import type { EngineEvent } from '../../aws/types.js';

type CallListener = (event: Extract<EngineEvent, { type: 'call' }>) => void;

const listeners = new WeakMap<AwsClients, Set<CallListener>>();

/**
 * Reports each AWS call as the SDK sends it. One middleware per set of
 * clients, added once; listeners come and go.
 */
export function followCalls(clients: AwsClients, listener: CallListener): () => void {
  let set = listeners.get(clients);
  if (!set) {
    const created = new Set<CallListener>();
    set = created;
    listeners.set(clients, created);
    const reporter =
      <I extends object, O extends MetadataBearer>(service: string): InitializeMiddleware<I, O> =>
      (next, context) =>
      async (args) => {
        const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        for (const l of created) l({ type: 'call', service, operation });
        return next(args);
      };
    const options = { step: 'initialize' as const, name: 'eksBasicsTutorScreenCalls' };
    clients.iam.middlewareStack.add(reporter('iam'), options);
    clients.ec2.middlewareStack.add(reporter('ec2'), options);
    clients.eks.middlewareStack.add(reporter('eks'), options);
    clients.sts.middlewareStack.add(reporter('sts'), options);
  }
  set.add(listener);
  return () => set.delete(listener);
}
