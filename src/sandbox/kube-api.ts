import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './kube-access.js';
import type { ClusterPicture, KubeObject } from './kube-objects.js';
import { dispatch, PUBLIC_PATHS, type RequestContext } from './kube-routes.js';
import { clusterStore, emptyStore, type KubeStore } from './kube-store.js';
import { toTable, wantsTable } from './kube-tables.js';
import { worldOf, type World } from './kube-world.js';
import { statusBody } from './kube-writes.js';
import { bearerToken, tokenAccessKeyId, verifyToken } from './token.js';
import { readBody } from './http-body.js';

/** Where the API finds what to show for a cluster, to a caller (an IAM principal; undefined: the sandbox's own keys); undefined when it has no running control plane. */
export type ClusterLookup = (region: string, clusterName: string, callerArn?: string) => Promise<ClusterPicture | undefined>;

/** Credentials the sandbox handed out besides its own (issued-credentials.ts), by access key id. */
export type IssuedLookup = (
  accessKeyId: string,
) => { secretAccessKey: string; sessionToken?: string | undefined; principalArn: string } | undefined;

/** Something that acts on a cluster's objects before each answer (the cloud provider's service controller). */
export interface KubeController {
  sync(picture: ClusterPicture, store: KubeStore): Promise<void>;
}

export interface KubeApiOptions {
  serverCert: string;
  serverKey: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Other credentials the sandbox issued (assumed roles, access keys): tokens signed with them stand for their principal. */
  issued?: IssuedLookup;
  lookup: ClusterLookup;
  /** The sandbox's clock, for ages. */
  now: () => number;
  /** The sandbox's time scale, for how long pods take to start (1 = real time). */
  timeScale?: number;
  /** What learners made in the clusters; a plain object that can be saved and given back. */
  store?: KubeStore;
  controllers?: KubeController[];
  watchIntervalMs?: number;
}

export interface KubeApi {
  /** The endpoint DescribeCluster shows for a cluster; its listener starts on first use and stays until close. */
  endpoint(region: string, clusterName: string): Promise<string>;
  /** The ports listening now, one per cluster. */
  ports(): number[];
  readonly store: KubeStore;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(code, {
    'content-type': 'application/json',
    'content-length': String(payload.length),
    'cache-control': 'no-cache, private',
  });
  res.end(payload);
}

const UNAUTHORIZED = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Unauthorized',
  reason: 'Unauthorized',
  code: 401,
};

/**
 * The Kubernetes API of the sandbox clusters, over HTTPS on 127.0.0.1 with one
 * port per cluster, so each endpoint is a bare `https://127.0.0.1:PORT` as on
 * EKS (`kubectl get --raw` ignores a path in the server URL). It answers only
 * bearer tokens from `aws eks get-token` for that cluster; the paths it serves
 * are the route table in kube-routes.ts.
 */
export function startKubeApi(options: KubeApiOptions): KubeApi {
  const { lookup, now } = options;
  const store = options.store ?? emptyStore();
  const timeScale = options.timeScale ?? 1;
  const interval = options.watchIntervalMs ?? 500;

  /** The cluster as it is now, after the controllers have acted. */
  async function current(
    region: string,
    clusterName: string,
    callerArn?: string,
  ): Promise<{ picture: ClusterPicture; world: World } | undefined> {
    const picture = await lookup(region, clusterName, callerArn);
    if (!picture) return undefined;
    for (const controller of options.controllers ?? []) await controller.sync(picture, store).catch(() => undefined);
    const cluster = clusterStore(store, region, clusterName, picture.incarnation);
    return { picture, world: worldOf(picture, cluster, now(), timeScale) };
  }

  function watch(req: IncomingMessage, res: ServerResponse, read: () => Promise<KubeObject[]>, kind: string, query: URLSearchParams): void {
    const table = wantsTable(req.headers.accept);
    const seen = new Map<string, string>();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache, private', 'transfer-encoding': 'chunked' });
    const emit = (type: string, object: KubeObject) => {
      const payload = table ? toTable(kind, [object], now(), query.get('includeObject')) : object;
      res.write(`${JSON.stringify({ type, object: payload })}\n`);
    };
    const fromScratch = !query.get('resourceVersion') || query.get('resourceVersion') === '0';
    let first = true;
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const objects = await read();
        const names = new Set<string>();
        for (const object of objects) {
          const key = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
          names.add(key);
          const json = JSON.stringify(object);
          const before = seen.get(key);
          seen.set(key, json);
          if (first && !fromScratch) continue;
          if (before === undefined) emit('ADDED', object);
          else if (before !== json) emit('MODIFIED', object);
        }
        for (const [key, json] of seen) {
          if (names.has(key)) continue;
          seen.delete(key);
          emit('DELETED', JSON.parse(json) as KubeObject);
        }
        first = false;
      } catch {
        // keep watching; the next tick tries again
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), interval);
    const timeout = setTimeout(() => res.end(), Number(query.get('timeoutSeconds') ?? 1800) * 1000);
    res.on('close', () => {
      clearInterval(timer);
      clearTimeout(timeout);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, region: string, clusterName: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const token = bearerToken(req.headers.authorization);
    const isPublic = segments.length === 1 && PUBLIC_PATHS.has(segments[0]!);
    const keyId = token ? tokenAccessKeyId(token) : undefined;
    const issued = keyId !== undefined && keyId !== options.credentials.accessKeyId ? options.issued?.(keyId) : undefined;
    const verdict = token
      ? verifyToken(token, { clusterName, ...(issued ? { accessKeyId: keyId!, ...issued } : options.credentials) })
      : undefined;
    if ((token && !verdict?.ok) || (!token && !isPublic)) return sendJson(res, 401, UNAUTHORIZED);
    const callerArn = issued?.principalArn;
    const state = await current(region, clusterName, callerArn);
    if (!state) return sendJson(res, 404, statusBody(404, 'NotFound', `cluster ${clusterName} has no running control plane in ${region}`));
    const { picture } = state;
    const unknownCaller = isPublic ? undefined : authenticate(picture);
    if (unknownCaller) return sendJson(res, unknownCaller.code, unknownCaller.body);
    let world: World | undefined = state.world;
    const cluster = clusterStore(store, region, clusterName, picture.incarnation);
    const ctx: RequestContext = {
      req,
      res,
      url,
      params: {},
      picture,
      cluster,
      now: now(),
      world: () => (world ??= worldOf(picture, cluster, now(), timeScale)),
      body: () => readBody(req),
      watch: (read, kind) =>
        watch(
          req,
          res,
          async () => {
            const latest = await current(region, clusterName, callerArn);
            world = latest?.world;
            return latest ? read() : [];
          },
          kind,
          url.searchParams,
        ),
      changed: () => {
        world = undefined;
        void current(region, clusterName, callerArn);
      },
    };
    const answer = await dispatch(ctx, segments);
    if (answer) sendJson(res, answer.code, answer.body);
  }

  const listeners = new Map<string, Promise<{ server: Server; port: number }>>();
  let closed = false;

  function listen(region: string, clusterName: string): Promise<{ server: Server; port: number }> {
    const server: Server = createServer({ cert: options.serverCert, key: options.serverKey }, (req, res) => {
      handle(req, res, region, clusterName).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, statusBody(500, 'InternalError', `the sandbox could not answer: ${(error as Error).message}`));
        else res.end();
      });
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port }));
    });
  }

  const key = (region: string, clusterName: string) => `${region}\u0000${clusterName}`;
  const ports: number[] = [];
  return {
    store,
    async endpoint(region, clusterName) {
      if (closed) throw new Error('the sandbox Kubernetes API is stopped');
      let listener = listeners.get(key(region, clusterName));
      if (!listener) {
        listener = listen(region, clusterName);
        listeners.set(key(region, clusterName), listener);
        void listener.then(
          ({ port }) => ports.push(port),
          () => listeners.delete(key(region, clusterName)),
        );
      }
      return `https://127.0.0.1:${(await listener).port}`;
    },
    ports: () => [...ports],
    async close() {
      closed = true;
      const all = await Promise.allSettled(listeners.values());
      listeners.clear();
      await Promise.all(
        all.map((settled) =>
          settled.status === 'fulfilled'
            ? new Promise<void>((resolve) => {
                settled.value.server.close(() => resolve());
                settled.value.server.closeAllConnections();
              })
            : Promise.resolve(),
        ),
      );
    },
  };
}
