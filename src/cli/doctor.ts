import type { TutorConfig } from '../config.js';
import { findings } from '../findings.js';
import { findingMark } from '../present/marks.js';
import { Printer } from './print.js';

export type { Finding } from '../preflight.js';

export async function doctor(config: TutorConfig, options: { policy?: boolean } = {}): Promise<number> {
  if (options.policy) {
    const { leastPrivilegePolicy } = await import('../policy.js');
    process.stdout.write(`${JSON.stringify(leastPrivilegePolicy(config), null, 2)}\n`);
    return 0;
  }
  const printer = new Printer(config);
  const list = await findings(config);
  for (const f of list) printer.line(`${findingMark(f.ok).symbol} ${f.label}: ${f.detail[config.lang]}`);
  return list.every((f) => f.ok) ? 0 : 1;
}
