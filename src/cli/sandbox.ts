import type { TutorConfig } from '../config.js';
import { text } from '../text.js';
import { Printer } from './print.js';

/** `sandbox`: the sandbox alone, in the foreground, for driving the steps by hand. */
export async function sandboxForeground(config: TutorConfig): Promise<number> {
  const printer = new Printer(config);
  const { startSandbox, sandboxEnvLines } = await import('../sandbox/index.js');
  const sandbox = await startSandbox({ timeScale: config.timeScale, region: config.region || 'us-east-1', ...(config.endpointUrl ? { motoUrl: config.endpointUrl } : {}) });
  for (const line of sandboxEnvLines(sandbox, config.lang)) printer.line(line);
  printer.say(text('Press Ctrl-C to stop the sandbox.', 'Ctrl-C でサンドボックスを停止します。'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sandbox.stop();
  printer.say(text('Sandbox stopped.', 'サンドボックスを停止しました。'));
  return 0;
}
