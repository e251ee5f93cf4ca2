import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { DayTwoContext } from '../../src/aws/day-two/context.js';
import { Engine } from '../../src/aws/engine.js';
import type { EngineEvent } from '../../src/aws/types.js';
import { scaledClock } from '../../src/aws/wait.js';
import type { TutorConfig } from '../../src/config.js';
import { runKubectl } from '../../src/kube/kubectl.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { tempDir, testConfig } from './engine.js';
import { sandboxEngineParts } from './sandbox-engine.js';

/** Puts KUBECONFIG and KUBECACHEDIR back as they were once the file's tests are done. */
export function restoreKubeEnvAfterAll(): void {
  const saved = { KUBECONFIG: process.env.KUBECONFIG, KUBECACHEDIR: process.env.KUBECACHEDIR };
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

/**
 * An engine in-process against a sandbox at time scale 0, with the kubeconfig
 * and kube cache in a temporary directory of the test's own (restoreKubeEnvAfterAll
 * puts KUBECONFIG and KUBECACHEDIR back), and a day-two context on the same
 * clients and ledger whose events are collected in `events`.
 */
export async function sandboxDayTwo(
  sandbox: Sandbox,
  overrides: Partial<TutorConfig>,
): Promise<{ engine: Engine; config: TutorConfig; ctx: DayTwoContext; events: EngineEvent[] }> {
  const stateDir = await tempDir();
  process.env.KUBECONFIG = join(stateDir, 'kubeconfig');
  process.env.KUBECACHEDIR = join(stateDir, 'kube-cache');
  const config = testConfig(stateDir, { mode: 'sandbox', timeScale: 0, ...overrides });
  const { clients, ledger } = await sandboxEngineParts(sandbox, config);
  const kubeconfigEnv = {
    AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: '',
    AWS_SECURITY_TOKEN: '',
  };
  const clock = scaledClock(0);
  const engine = new Engine({ config, clients, ledger, clock, kubectl: runKubectl, kubeconfigEnv });
  await engine.resolveVersion();
  const events: EngineEvent[] = [];
  const ctx: DayTwoContext = {
    config,
    clients,
    ledger,
    clock,
    kubectl: runKubectl,
    kubeconfigEnv,
    emit: (e) => events.push(e),
    show: () => undefined,
  };
  return { engine, config, ctx, events };
}

/** NAME_TAKEN as the learner reads it, for the resource named as each language names it ("An EKS cluster named x", "EKS クラスター x"). */
export const nameTakenError = (en: string, ja: string) => ({
  code: 'NAME_TAKEN',
  text: {
    en: `${en} already exists and was not made by eks-basics-tutor. The tutor will not touch it: choose another --cluster-name.`,
    ja: `${ja} はすでに存在し、eks-basics-tutor が作成したものではありません。触れずにおくので、別の --cluster-name を指定してください。`,
  },
});
