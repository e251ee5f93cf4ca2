import { kubeconfigResource } from '../../resources/kubeconfig.js';

/** Step 4: the kubeconfig entry kubectl uses to reach the cluster. */
export const KUBECONFIG_STEP = {
  number: 4,
  id: 'kubeconfig',
  kinds: [kubeconfigResource],
  leftBehind: [],
  load: async () => (await import('../kubeconfig.js')).kubeconfigStep,
} as const;
