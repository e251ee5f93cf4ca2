import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.js';

/** What every tier runs with. */
const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  env: {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Code run from source starts the background sandbox with the built program.
    EKS_BASICS_TUTOR_PROGRAM: fileURLToPath(new URL('./dist/cli.js', import.meta.url)),
  },
} as const;

/** The tiers: `npx vitest run --project unit` (or engine, e2e) runs one, `npx vitest run` all. */
const tier = (name: string, dir: string) => ({
  test: { ...shared, name, include: [`test/${dir}/**/*.test.ts`, `test/${dir}/**/*.test.tsx`] },
});

export default defineConfig({
  test: {
    ...shared,
    // Most test time is spent waiting on moto, the aws CLI, kubectl and the built program,
    // so three files at a time finish in about half the time on two cores.
    maxWorkers: 3,
    // Only here, not in the tiers: it runs once for the whole run (the tools check,
    // the background sandboxes' registry, one moto_server a worker slot).
    globalSetup: ['test/support/global-setup.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [tier('unit', 'unit'), tier('engine', 'engine'), tier('e2e', 'e2e')],
  },
});
