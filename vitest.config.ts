import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is spent waiting on moto, the aws CLI, kubectl and the built program,
    // so three files at a time finish in about half the time on two cores.
    maxWorkers: 3,
    globalSetup: ['test/support/global-setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Code run from source starts the background sandbox with the built program.
      EKS_BASICS_TUTOR_PROGRAM: fileURLToPath(new URL('./dist/cli.js', import.meta.url)),
    },
  },
});
