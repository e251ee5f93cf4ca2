import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMotoServer, type MotoServer } from '../../src/sandbox/moto.js';

/** The name under which the global setup provides the pool's address to the test files. */
export const MOTO_POOL_KEY = 'motoPool';

declare module 'vitest' {
  export interface ProvidedContext {
    [MOTO_POOL_KEY]: string;
  }
}

/**
 * For the global setup: one moto_server a worker slot, started the first time
 * a file in that slot asks for it, and kept for the files after it (a slot runs
 * its files one after another). The servers are children of the main vitest
 * process, so they die with it even when it is killed; the teardown stops them.
 * A file asks `GET /?slot=N`, with `&fresh=1` when the slot's server stopped answering.
 */
export async function motoPool(): Promise<{ url: string; stop(): Promise<void> }> {
  const servers = new Map<string, Promise<MotoServer>>();
  const start = (slot: string): Promise<MotoServer> => {
    const server = startMotoServer();
    servers.set(slot, server);
    server.catch(() => servers.delete(slot));
    return server;
  };
  const http = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    const slot = query.get('slot') ?? '0';
    const known = servers.get(slot);
    let server = known ?? start(slot);
    if (known && query.get('fresh')) {
      void known.then((old) => old.stop()).catch(() => undefined);
      server = start(slot);
    }
    server.then(
      (moto) => response.end(moto.url),
      (error: unknown) => {
        response.statusCode = 500;
        response.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await Promise.all([...servers.values()].map((server) => server.then((moto) => moto.stop()).catch(() => undefined)));
      servers.clear();
    },
  };
}
