import { loadBalancerController } from './elb-controller.js';
import type { KubeApiOptions, KubeController } from './kube-api.js';
import type { MotoClient } from './moto-client.js';
import { kubeStoreOf } from './persist.js';
import type { Memory, Timeline } from './timeline.js';

/**
 * A restart replays moto's recording, which gives each cluster a new createdAt
 * and so a new incarnation; the objects kept for it stay its own when the
 * sandbox's Memory says it is the same cluster (made at the same moment).
 */
function keepIncarnation(memory: Memory): KubeController {
  return {
    sync(picture, store) {
      const kept = store.clusters[`${picture.region}/${picture.name}`];
      const createdAt = memory.cluster(picture.region, picture.name)?.createdAt;
      if (kept && createdAt !== undefined) {
        if (kept.incarnation !== picture.incarnation && kept.clusterCreatedAt === createdAt) kept.incarnation = picture.incarnation;
        if (kept.incarnation === picture.incarnation) kept.clusterCreatedAt = createdAt;
      }
      return Promise.resolve();
    },
  };
}

/**
 * What the sandbox's Kubernetes API needs from the rest of the sandbox: its
 * time scale, moto for the cloud provider, and the store kept with the Memory
 * (persist.ts saves both), so what learners made is there again after a restart.
 */
export function kubeSandboxOptions(
  moto: MotoClient,
  timeline: Timeline,
  memory: Memory,
): Pick<KubeApiOptions, 'timeScale' | 'controllers' | 'store'> {
  return {
    timeScale: timeline.timeScale,
    store: kubeStoreOf(memory),
    controllers: [keepIncarnation(memory), loadBalancerController(moto, timeline.now)],
  };
}
