import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs an exported script with sh, as the learner would: the file as it is, in a clean environment. */
export async function runScript(script: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ebt-script-'));
  const file = join(dir, 'script.sh');
  writeFileSync(file, script);
  return execa('sh', [file], {
    reject: false,
    extendEnv: false,
    cwd: dir,
    timeout: 400_000,
    env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), LANG: 'C.UTF-8', ...env },
  });
}
