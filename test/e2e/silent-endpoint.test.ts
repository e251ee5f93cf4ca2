import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startSilentEndpoint } from '../support/silent-endpoint.js';
import { tempDir } from '../support/engine.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const KEY = 'AKIAQSILENTENDPOINT7';
const SECRET = 'wJalrSilentEndpointK7MDENGbPxRfiCYSECRET1';

describe('the built program against an endpoint that accepts the connection and never answers', () => {
  it.each(['status', 'up'])('%s ends with exit code 1 and the explained line naming the endpoint, no credential shown', async (command) => {
    const silent = await startSilentEndpoint();
    close = silent.close;
    const stateDir = await tempDir();
    const args = [
      command,
      '--endpoint-url',
      silent.url,
      '--region',
      'us-east-1',
      '--state-dir',
      stateDir,
      ...(command === 'up' ? ['--yes'] : []),
    ];
    // Two attempts (the AWS SDKs' own setting): the retry is kept, the wait short.
    const result = await runCli(
      args,
      { AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET, AWS_MAX_ATTEMPTS: '2' },
      { timeoutMs: 50_000 },
    );
    expect(result.stderr).toContain(`Cannot reach AWS (${silent.url} did not answer within 10 s). Check the network (or --endpoint-url)`);
    expect(result.exitCode).toBe(1);
    expect(silent.accepted()).toBeGreaterThanOrEqual(2);
    for (const secret of [KEY, SECRET]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
  });
});
