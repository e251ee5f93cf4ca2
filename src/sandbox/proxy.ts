import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAuthorization, type MotoClient } from './moto-client.js';
import { ec2ErrorXml } from './ec2-errors.js';
import { endToEnd, type Handler, type ProxyAnswer, type ProxyRequest } from './proxy-types.js';
import { readBody } from './http-body.js';

export interface AwsProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ProxyOptions {
  moto: MotoClient;
  /** Handlers by SigV4 service name (`eks`, `ec2`, …). */
  handlers: Record<string, Handler>;
  /** Runs before each request (finishing deletions whose time is up). */
  beforeEach?: () => Promise<void>;
}

function send(
  res: ServerResponse,
  answer: ProxyAnswer | { status: number; headers: Record<string, string | string[]>; body: Buffer },
): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  res.end(answer.body);
}

/** An answer for a failure inside the sandbox itself, in the protocol the caller speaks. */
function internalError(service: string | undefined, message: string): ProxyAnswer {
  if (service === 'ec2') {
    return { status: 500, headers: { 'content-type': 'text/xml' }, body: Buffer.from(ec2ErrorXml('InternalError', message)) };
  }
  return {
    status: 500,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ServerException' },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

/**
 * The local AWS endpoint: every request goes to moto as it came (same Host
 * header and body, so SigV4 headers stay valid), except the few calls a
 * handler reshapes so that moto behaves like AWS.
 */
export async function startAwsProxy(options: ProxyOptions): Promise<AwsProxy> {
  const { moto, handlers, beforeEach } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    const signer = parseAuthorization(authorization);
    try {
      if (beforeEach) await beforeEach().catch(() => undefined);
      const handler = signer ? handlers[signer.service] : undefined;
      if (handler && signer) {
        const request: ProxyRequest = {
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', 'http://sandbox.invalid'),
          headers: req.headers,
          body,
          scope: { accessKeyId: signer.accessKeyId, region: signer.region },
          authorization,
        };
        const answer = await handler(request);
        if (answer) {
          send(res, answer);
          return;
        }
      }
      const forwarded = await moto.send({ method: req.method ?? 'GET', path: req.url ?? '/', headers: endToEnd(req.headers), body });
      send(res, {
        status: forwarded.status,
        headers: endToEnd(forwarded.headers) as Record<string, string | string[]>,
        body: forwarded.body,
      });
    } catch (error) {
      send(res, internalError(signer?.service, `The sandbox could not answer: ${(error as Error).message}`));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
