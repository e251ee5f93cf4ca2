import { runKubectl } from '../../kube/kubectl.js';
import type { Session } from '../../session.js';
import type { EngineEvent, PlannedCall } from '../types.js';
import { realClock, scaledClock } from '../wait.js';
import type { DayTwoContext } from './context.js';

/**
 * A context for the day-two modules from a session's own pieces: its clients, ledger and
 * the same clock and kubectl as the steps. Both front ends build it here.
 */
export function dayTwoContextOf(
  session: Session,
  emit: (event: EngineEvent) => void,
  show: (call: PlannedCall) => void,
  signal?: AbortSignal,
): DayTwoContext {
  return {
    config: session.config,
    clients: session.engine.clients,
    ledger: session.ledger,
    clock: session.sandbox ? scaledClock(session.config.timeScale) : realClock,
    kubectl: runKubectl,
    // What a kubeconfig user that assumes a role needs in the sandbox: STS answered there (day-two access).
    ...(session.sandbox ? { kubeconfigEnv: { AWS_ENDPOINT_URL_STS: session.sandbox.endpointUrl } } : {}),
    emit,
    show,
    ...(signal ? { signal } : {}),
  };
}
