import { beforeAll, inject } from 'vitest';
import { MOTO_POOL_KEY } from './moto-pool.js';

/** moto as a new server has it: no resources, the AWS managed policies loaded, IAM not enforced. */
async function resetMoto(url: string): Promise<void> {
  const reset = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  if (!reset.ok) throw new Error(`moto reset answered ${reset.status}`);
  // reset keeps moto's IAM enforcement (test/support/iam-learner.ts enforceIam): turn it off.
  const auth = await fetch(`${url}/moto-api/reset-auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: 'inf',
  });
  if (!auth.ok) throw new Error(`moto reset-auth answered ${auth.status}`);
}

async function askPool(fresh: boolean): Promise<string> {
  const slot = process.env.VITEST_POOL_ID ?? '0';
  const answer = await fetch(`${inject(MOTO_POOL_KEY)}/?slot=${slot}${fresh ? '&fresh=1' : ''}`);
  const body = await answer.text();
  if (!answer.ok) throw new Error(body);
  return body;
}

/**
 * A real moto_server for the tests of one file, as fresh as a new one: the
 * global setup keeps one a worker slot (test/support/moto-pool.ts) and it is
 * reset before the file's tests. A machine without moto_server fails here: it
 * is never skipped.
 */
export function useMoto(): { readonly url: string; reset(): Promise<void> } {
  let url: string | undefined;
  beforeAll(async () => {
    const shared = await askPool(false);
    try {
      await resetMoto(shared);
      url = shared;
    } catch {
      // The slot's server stopped answering (a test before this one took it down): a new one.
      url = await askPool(true);
      await resetMoto(url);
    }
  }, 60_000);
  return {
    get url() {
      if (!url) throw new Error('moto_server is not running');
      return url;
    },
    async reset() {
      if (!url) throw new Error('moto_server is not running');
      await resetMoto(url);
    },
  };
}
