import { execa } from 'execa';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/index.js';
import type { Learner } from './sandbox-cli.js';

/** The moto behind a learner's background sandbox, as census() and the SDK clients take it. */
export interface SandboxMoto {
  endpoint: string;
  region: string;
  credentials: typeof SANDBOX_CREDENTIALS;
}

/** The real kubectl as the learner runs it: their HOME and KUBECONFIG, and of this process's environment only PATH. */
export function learnerKubectl(learner: Learner, args: string[]) {
  return execa('kubectl', args, {
    reject: false,
    extendEnv: false,
    env: { HOME: learner.home, KUBECONFIG: learner.kubeconfig, PATH: process.env.PATH ?? '' },
  });
}

/** The moto of the sandbox the learner's `up --sandbox` left running. */
export async function sandboxMoto(learner: Learner): Promise<SandboxMoto> {
  const record = await learner.sandbox();
  return { endpoint: record!.motoUrl, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
}
