import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** $KUBECONFIG's first path (split on ':'), else ~/.kube/config (os.homedir()). */
export function kubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return (env.KUBECONFIG ?? '').split(delimiter).find((path) => path !== '') ?? join(homedir(), '.kube', 'config');
}
