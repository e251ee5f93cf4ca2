import { afterEach, describe, expect, it } from 'vitest';
import { TutorError } from '../../src/errors.js';
import { makeEngine } from '../support/engine.js';
import { seen } from '../support/seen.js';
import { startSilentEndpoint } from '../support/silent-endpoint.js';
import { startFullBacklog } from '../support/full-backlog.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('an endpoint that does not answer', () => {
  it('one that accepts the connection and says nothing: the engine gives up and explains it, naming the endpoint, in both languages', async () => {
    const silent = await startSilentEndpoint();
    close = silent.close;
    const engine = await makeEngine(silent.url, {}, { clientSettings: { maxAttempts: 1 } });
    const error = await engine.whoAmI().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TutorError);
    expect((error as TutorError).code).toBe('AWS');
    expect(silent.accepted()).toBeGreaterThan(0);
    const where = silent.url.replace(/\./g, '\\.');
    const en = await seen(error);
    expect(en.cli).toMatch(new RegExp(`^Cannot reach AWS \\(${where} did not answer within 10 s\\)\\. Check the network`));
    expect(en.screen).toContain(`Cannot reach AWS (${silent.url} did not answer within 10 s)`);
    const ja = await seen(error, 'ja');
    expect(ja.cli).toContain(`AWS に接続できません(${silent.url} が 10 秒以内に応答しませんでした)`);
  });

  it('an address that never completes the connection: the connect timeout, explained in both languages', async () => {
    const dropped = await startFullBacklog();
    close = dropped.close;
    const engine = await makeEngine(dropped.url, {}, { clientSettings: { maxAttempts: 1 } });
    const error = await engine.whoAmI().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TutorError);
    expect((await seen(error)).cli).toContain(
      `Cannot reach AWS (no connection to ${dropped.url} could be made within 5 s). Check the network`,
    );
    expect((await seen(error, 'ja')).cli).toContain(`AWS に接続できません(${dropped.url} に 5 秒以内に接続できませんでした)`);
  });
});
