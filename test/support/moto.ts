import { afterAll, beforeAll } from 'vitest';
import { startMotoServer, type MotoServer } from '../../src/sandbox/moto.js';

/**
 * A real moto_server for the tests of one file, started before them and stopped
 * after. A machine without moto_server fails here: it is never skipped.
 */
export function useMoto(): { readonly url: string; reset(): Promise<void> } {
  let server: MotoServer | undefined;
  beforeAll(async () => {
    server = await startMotoServer();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('moto_server is not running');
      return server.url;
    },
    async reset() {
      if (!server) throw new Error('moto_server is not running');
      await fetch(`${server.url}/moto-api/reset`, { method: 'POST' });
    },
  };
}
