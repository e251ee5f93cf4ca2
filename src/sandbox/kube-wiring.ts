import { loadBalancerController } from './elb-controller.js';
import type { KubeApiOptions } from './kube-api.js';
import type { MotoClient } from './moto-client.js';
import type { Timeline } from './timeline.js';

/** What the sandbox's Kubernetes API needs from the rest of the sandbox: its time scale, and moto for the cloud provider. */
export function kubeSandboxOptions(moto: MotoClient, timeline: Timeline): Pick<KubeApiOptions, 'timeScale' | 'controllers'> {
  return { timeScale: timeline.timeScale, controllers: [loadBalancerController(moto, timeline.now)] };
}
