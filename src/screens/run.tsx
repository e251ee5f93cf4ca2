import type { TutorConfig } from '../config.js';

/** Opens the interactive tutor; resolves with the exit code. */
export async function runTui(config: TutorConfig, options: { step?: number }): Promise<number> {
  const [{ render, Text }, React] = await Promise.all([import('ink'), import('react')]);
  const app = render(React.createElement(Text, null, `eks-basics-tutor — ${config.mode}${options.step ? ` (step ${options.step})` : ''}`));
  app.unmount();
  return 0;
}
