import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TutorError } from '../../src/errors.js';
import { NO_FAULTS, type FaultPlan } from '../support/fault-proxy.js';
import { useFaultProxy } from '../support/cli-target.js';
import { openSession } from '../../src/session.js';
import { makeEngine, tempDir, testConfig } from '../support/engine.js';
import { createLearner, enforceIam } from '../support/iam-learner.js';
import { makeReadOnly } from '../support/read-only-dir.js';
import { seen } from '../support/seen.js';

const faulty = useFaultProxy();
const moto = {
  get url() {
    return faulty.moto.url;
  },
  reset: () => faulty.moto.reset(),
};
const proxy = {
  setPlan: (plan: FaultPlan) => faulty.proxy.setPlan(plan),
  get url() {
    return faulty.proxy.url;
  },
};

/** The SDK's own retries, kept short: what is asserted is what the learner is told once they are spent. */
const FEW_RETRIES = { maxAttempts: 2 };

/** How an engine's promise ended: the rejection, which the test expects to be an explained TutorError. */
async function rejection(promise: Promise<unknown>): Promise<TutorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the engine rejects').toBeDefined();
  expect(error).toBeInstanceOf(TutorError);
  return error as TutorError;
}

/** The explained line in both languages, in the CLI's stderr and in the screen's failure box alike. */
async function expectShown(error: TutorError, en: string | RegExp, ja: string | RegExp): Promise<void> {
  const english = await seen(error, 'en');
  const japanese = await seen(error, 'ja');
  expect(error.text.en).toMatch(en);
  expect(error.text.ja).toMatch(ja);
  expect(english.cli).toContain(error.text.en);
  expect(english.screen).toContain(error.text.en);
  expect(japanese.cli).toContain(error.text.ja);
  expect(japanese.screen).toContain(error.text.ja);
  for (const shown of [english.cli, english.screen, japanese.cli, japanese.screen]) {
    expect(shown).not.toMatch(/^\s+at /m);
    expect(shown).not.toContain('Unexpected error');
  }
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeEach(async () => {
  await moto.reset();
  proxy.setPlan(NO_FAULTS);
});

describe('AWS refuses or fails: the engine rejects with the explanation both front ends show', () => {
  it('AccessDenied (moto checking IAM): names the identity and the action to add', async () => {
    const learner = await createLearner(moto.url, 'no-create-role', 'iam:CreateRole');
    await enforceIam(moto.url, true);
    const engine = await makeEngine(moto.url, {}, { clientSettings: { credentials: learner } });
    const error = await rejection(engine.apply(1));
    expect(error.code).toBe('ACCESS_DENIED');
    await expectShown(error, `${learner.arn} may not iam:CreateRole`, `${learner.arn} には iam:CreateRole の権限がありません`);
    expect(JSON.stringify(await seen(error))).not.toContain(learner.secretAccessKey);
  });

  it('keys AWS does not know (moto checking IAM): says so, and how to check them, never showing the secret', async () => {
    await enforceIam(moto.url, true);
    const keys = { accessKeyId: 'AKIAUNKNOWNEXAMPLE01', secretAccessKey: 'notKnownSecretKeyOfThisTestXXXXXXXXXXXXX' };
    const engine = await makeEngine(moto.url, {}, { clientSettings: { credentials: keys } });
    const error = await rejection(engine.whoAmI());
    expect(error.code).toBe('NO_CREDENTIALS');
    await expectShown(error, 'AWS does not accept these credentials (InvalidClientTokenId)', 'AWS がこの認証情報を受け付けません');
    expect(JSON.stringify(await seen(error))).not.toContain(keys.secretAccessKey);
  });

  it('no credentials anywhere: says none were found and how to set them up', async () => {
    const dir = await tempDir();
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE'])
      delete process.env[name];
    try {
      const engine = await makeEngine(moto.url, {}, { clientSettings: { credentials: undefined } });
      const error = await rejection(engine.apply(1));
      expect(error.code).toBe('NO_CREDENTIALS');
      await expectShown(error, 'No AWS credentials were found', 'AWS の認証情報が見つかりません');
    } finally {
      process.env = saved;
    }
  });

  it('throttling on every retry: wait a minute and run the same command again', async () => {
    proxy.setPlan({ ...NO_FAULTS, always: { 'iam:GetRole': 'throttle', 'iam:CreateRole': 'throttle' } });
    const engine = await makeEngine(proxy.url, {}, { clientSettings: FEW_RETRIES });
    const error = await rejection(engine.apply(1));
    expect(error.code).toBe('THROTTLED');
    await expectShown(error, 'AWS is throttling requests even after retries', 'リトライ後も AWS にリクエストを制限されています');
  });

  it('an internal error on every retry (HTTP 500): run again, it continues where it stopped', async () => {
    proxy.setPlan({ ...NO_FAULTS, always: { 'iam:GetRole': 'server-error', 'iam:CreateRole': 'server-error' } });
    const engine = await makeEngine(proxy.url, {}, { clientSettings: FEW_RETRIES });
    const error = await rejection(engine.apply(1));
    expect(error.code).toBe('AWS');
    await expectShown(error, /AWS had an internal error .* continues where it stopped/, 'AWS 側で内部エラー');
  });

  it('the connection reset on every retry: cannot reach AWS', async () => {
    proxy.setPlan({ ...NO_FAULTS, always: { 'iam:GetRole': 'reset', 'iam:CreateRole': 'reset' } });
    const engine = await makeEngine(proxy.url, {}, { clientSettings: FEW_RETRIES });
    const error = await rejection(engine.apply(1));
    await expectShown(error, /^Cannot reach AWS \(.+\)\. Check the network/, 'AWS に接続できません');
  });

  it('nothing listening at the endpoint (ECONNREFUSED): cannot reach AWS', async () => {
    const engine = await makeEngine(`http://127.0.0.1:${await closedPort()}`, {}, { clientSettings: FEW_RETRIES });
    const error = await rejection(engine.teardownPlan());
    await expectShown(error, /^Cannot reach AWS \(.*ECONNREFUSED.*\)/, 'AWS に接続できません');
  });

  it('an endpoint whose name does not resolve: cannot reach AWS', async () => {
    const engine = await makeEngine('http://no-such-endpoint.invalid', {}, { clientSettings: FEW_RETRIES });
    const error = await rejection(engine.whoAmI());
    await expectShown(error, /^Cannot reach AWS \(.*(ENOTFOUND|EAI_AGAIN).*\)/, 'AWS に接続できません');
  });
});

describe('this machine fails: the engine rejects with the explanation both front ends show', () => {
  let restore: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });

  it('a read-only state directory: names it, says what exists and how to continue or remove it', async () => {
    const stateDir = await tempDir();
    const ledgerDir = join(stateDir, 'real');
    await mkdir(ledgerDir);
    const engine = await makeEngine(moto.url, {}, { stateDir });
    restore = await makeReadOnly(ledgerDir);
    const error = await rejection(engine.apply(1));
    expect(error.code).toBe('LEDGER');
    await expectShown(
      error,
      new RegExp(
        `^The tutor cannot write in ${ledgerDir}: .* \\((EACCES|EROFS)\\)\\. Anything already made in AWS stays there\\. .*eks-basics-tutor down`,
      ),
      new RegExp(`^${ledgerDir} を書き込めません: .*eks-basics-tutor down\` で削除できます。$`),
    );
    await restore();
    restore = undefined;
    await rm(stateDir, { recursive: true, force: true });
  });

  it('a read-only state directory before the session opens: the lock cannot be made, said the same way by both front ends', async () => {
    const stateDir = await tempDir();
    restore = await makeReadOnly(stateDir);
    const config = testConfig(stateDir, { endpointUrl: moto.url });
    const error = await openSession(config, { lock: true, identify: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    const english = await seen(error, 'en');
    const japanese = await seen(error, 'ja');
    const line = new RegExp(`^The tutor cannot create ${join(stateDir, 'real')}: .* \\((EACCES|EROFS|ENOENT)\\)\\. `);
    expect(english.cli).toMatch(line);
    expect(english.screen).toContain(english.cli.split('\n')[0]);
    expect(japanese.cli).toContain(`${join(stateDir, 'real')} を作成できません`);
    expect(japanese.screen).toContain(japanese.cli.split('\n')[0]);
  });

  it('Ctrl-C: the engine stops with “Interrupted”, which the CLI turns into its ways out', async () => {
    const stop = new AbortController();
    const engine = await makeEngine(moto.url, {}, { clientSettings: { signal: stop.signal } });
    stop.abort();
    const error = await rejection(engine.apply(1));
    expect(error.code).toBe('INTERRUPTED');
    await expectShown(error, 'Interrupted.', '中断しました。');
  });
});
