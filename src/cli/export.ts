import type { TutorConfig } from '../config.js';
import { badInput } from '../errors.js';
import { text } from '../text.js';

export async function exportBuild(config: TutorConfig, format: string): Promise<number> {
  if (format !== 'eksctl' && format !== 'cli') {
    throw badInput(text(`export "${format}" is not allowed: use eksctl or cli.`, `export に「${format}」は指定できません。eksctl か cli を指定してください。`));
  }
  const { exportEksctl, exportCli } = await import('../aws/export.js');
  const { openSession } = await import('../session.js');
  const session = await openSession({ ...config, mode: config.mode === 'sandbox' ? 'sandbox' : config.mode }, { lock: false, identify: false });
  try {
    process.stdout.write(format === 'eksctl' ? exportEksctl(session.engine) : exportCli(session.engine));
    return 0;
  } finally {
    await session.close();
  }
}
