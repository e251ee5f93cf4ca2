import { afterAll, beforeAll } from 'vitest';
import { NO_FAULTS, startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { useMoto } from './moto.js';
import type { Machine } from './tutor-process.js';

/**
 * A fresh moto for the tests of one file with a fault proxy in front of it,
 * passing every call until a test sets a plan (`proxy.setPlan`).
 */
export function useFaultProxy(): { readonly moto: ReturnType<typeof useMoto>; readonly proxy: FaultProxy } {
  const moto = useMoto();
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    proxy = await startFaultProxy(moto.url, NO_FAULTS);
  });
  afterAll(async () => {
    await proxy?.close();
  });
  return {
    moto,
    get proxy() {
      if (!proxy) throw new Error('the fault proxy is not running');
      return proxy;
    },
  };
}

/** The built program's arguments for a build: the endpoint, us-east-1, the cluster's name and the machine's state directory. */
export const target = (endpointUrl: string, clusterName: string, machine: Machine): string[] => [
  '--endpoint-url',
  endpointUrl,
  '--region',
  'us-east-1',
  '--cluster-name',
  clusterName,
  '--state-dir',
  machine.stateDir,
];
