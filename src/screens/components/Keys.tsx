import { useCommands } from '../hooks/useCommands.js';

/**
 * The key handler, in a component that draws nothing. It reads the world when a key comes (what a key means
 * may depend on a run's phase) rather than following it, so an engine event never draws it again.
 */
export function Keys(props: Parameters<typeof useCommands>[0]) {
  useCommands(props);
  return null;
}
