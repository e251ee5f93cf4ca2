import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiServerGitVersion, patchVersion } from './kube-versions.js';
import { namespacesOf, nodesOf, servicesOf, type ClusterPicture, type KubeObject } from './kube-objects.js';
import { toList, toTable, wantsTable } from './kube-tables.js';
import { bearerToken, verifyToken } from './token.js';

/** Where the API finds what to show for a cluster; undefined when it has no running control plane. */
export type ClusterLookup = (region: string, clusterName: string) => Promise<ClusterPicture | undefined>;

export interface KubeApiOptions {
  serverCert: string;
  serverKey: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  lookup: ClusterLookup;
  /** The sandbox's clock, for ages. */
  now: () => number;
  watchIntervalMs?: number;
}

export interface KubeApi {
  /** The endpoint DescribeCluster shows for a cluster; its listener starts on first use and stays until close. */
  endpoint(region: string, clusterName: string): Promise<string>;
  /** The ports listening now, one per cluster. */
  ports(): number[];
  close(): Promise<void>;
}

interface Resource {
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  objects(cluster: ClusterPicture): KubeObject[];
}

const RESOURCES: Resource[] = [
  { name: 'namespaces', singularName: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], objects: namespacesOf },
  { name: 'nodes', singularName: 'node', kind: 'Node', namespaced: false, shortNames: ['no'], objects: nodesOf },
  { name: 'services', singularName: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], objects: servicesOf },
];

/** Paths EKS lets anyone read (system:public-info-viewer). */
const PUBLIC_PATHS = new Set(['version', 'healthz', 'livez', 'readyz']);

function status(code: number, reason: string, message: string, details?: Record<string, string>): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': String(payload.length), 'cache-control': 'no-cache, private' });
  res.end(payload);
}

/** `a=b`, `a==b`, `a!=b`, `a`, `!a`, comma-separated. */
function matchesLabels(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = (object.metadata.labels as Record<string, string> | undefined) ?? {};
  return selector.split(',').every((term) => {
    const t = term.trim();
    if (!t) return true;
    const m = /^([^!=]+?)\s*(!=|==|=)\s*(.*)$/.exec(t);
    if (m) return m[2] === '!=' ? labels[m[1]!] !== m[3] : labels[m[1]!] === m[3];
    return t.startsWith('!') ? !(t.slice(1) in labels) : t in labels;
  });
}

function matchesFields(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^(metadata\.name|metadata\.namespace)\s*(!=|==|=)\s*(.*)$/.exec(term.trim());
    if (!m) return true;
    const value = m[1] === 'metadata.name' ? object.metadata.name : object.metadata.namespace;
    return m[2] === '!=' ? value !== m[3] : value === m[3];
  });
}

/**
 * A read-only Kubernetes API for the sandbox clusters, over HTTPS on 127.0.0.1
 * with one port per cluster, so each endpoint is a bare `https://127.0.0.1:PORT`
 * as on EKS (`kubectl get --raw` ignores a path in the server URL). It answers
 * only bearer tokens from `aws eks get-token` for that cluster.
 */
export function startKubeApi(options: KubeApiOptions): KubeApi {
  const { lookup, now } = options;
  const interval = options.watchIntervalMs ?? 500;

  function authorized(req: IncomingMessage, clusterName: string): 'ok' | 'anonymous' | 'denied' {
    const token = bearerToken(req.headers.authorization);
    if (!token) return 'anonymous';
    return verifyToken(token, { clusterName, ...options.credentials }).ok ? 'ok' : 'denied';
  }

  function list(cluster: ClusterPicture, resource: Resource, namespace: string | undefined, query: URLSearchParams): KubeObject[] {
    return resource
      .objects(cluster)
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .filter((o) => matchesLabels(o, query.get('labelSelector')) && matchesFields(o, query.get('fieldSelector')));
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
        const current = await read();
        const names = new Set<string>();
        for (const object of current) {
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
    const timeoutSeconds = Number(query.get('timeoutSeconds') ?? 1800);
    const timeout = setTimeout(() => res.end(), timeoutSeconds * 1000);
    res.on('close', () => {
      clearInterval(timer);
      clearTimeout(timeout);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, region: string, clusterName: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const rest = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const auth = authorized(req, clusterName);
    const isPublic = rest.length === 1 && PUBLIC_PATHS.has(rest[0]!);
    if (auth === 'denied' || (auth === 'anonymous' && !isPublic)) {
      return sendJson(res, 401, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
    const cluster = await lookup(region, clusterName);
    if (!cluster) return sendJson(res, 404, status(404, 'NotFound', `cluster ${clusterName} has no running control plane in ${region}`));
    if (req.method !== 'GET') return sendJson(res, 405, status(405, 'MethodNotAllowed', 'the sandbox Kubernetes API is read-only'));
    const path = rest.join('/');
    if (path === 'version') {
      const [major, minor] = patchVersion(cluster.version).split('.');
      return sendJson(res, 200, {
        major,
        minor,
        gitVersion: apiServerGitVersion(cluster.version),
        gitCommit: apiServerGitVersion(cluster.version).slice(-7).padEnd(40, '0'),
        gitTreeState: 'clean',
        buildDate: '2025-10-21T18:04:56Z',
        goVersion: 'go1.24.6',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    if (PUBLIC_PATHS.has(path)) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('ok');
    }
    if (path === 'api') {
      return sendJson(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:443' }] });
    }
    if (path === 'apis') return sendJson(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (path === 'api/v1') {
      return sendJson(res, 200, {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: RESOURCES.map((r) => ({
          name: r.name,
          singularName: r.singularName,
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: ['get', 'list', 'watch'],
          shortNames: r.shortNames,
          ...(r.name === 'services' ? { categories: ['all'] } : {}),
        })),
      });
    }
    // api/v1/<resource>[/<name>] or api/v1/namespaces/<ns>/<resource>[/<name>]
    if (rest[0] !== 'api' || rest[1] !== 'v1') return sendJson(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    let [, , resourceName, name, sub, subName] = rest;
    let namespace: string | undefined;
    if (resourceName === 'namespaces' && sub !== undefined) {
      namespace = name;
      resourceName = sub;
      name = subName;
    }
    const resource = RESOURCES.find((r) => r.name === resourceName && (namespace === undefined || r.namespaced));
    if (!resource || rest.length > (namespace === undefined ? 4 : 6)) {
      return sendJson(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    }
    if (name !== undefined) {
      const object = list(cluster, resource, namespace, new URLSearchParams()).find((o) => o.metadata.name === name);
      if (!object) return sendJson(res, 404, status(404, 'NotFound', `${resource.name} "${name}" not found`, { name, kind: resource.name }));
      return sendJson(res, 200, wantsTable(req.headers.accept) ? toTable(resource.kind, [object], now(), url.searchParams.get('includeObject')) : object);
    }
    if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
      const read = async () => {
        const latest = await lookup(region, clusterName);
        return latest ? list(latest, resource, namespace, url.searchParams) : [];
      };
      return watch(req, res, read, resource.kind, url.searchParams);
    }
    const objects = list(cluster, resource, namespace, url.searchParams);
    return sendJson(
      res,
      200,
      wantsTable(req.headers.accept) ? toTable(resource.kind, objects, now(), url.searchParams.get('includeObject')) : toList(resource.kind, objects),
    );
  }

  const listeners = new Map<string, Promise<{ server: Server; port: number }>>();
  let closed = false;

  function listen(region: string, clusterName: string): Promise<{ server: Server; port: number }> {
    const server: Server = createServer({ cert: options.serverCert, key: options.serverKey }, (req, res) => {
      handle(req, res, region, clusterName).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, status(500, 'InternalError', `the sandbox could not answer: ${(error as Error).message}`));
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
    async endpoint(region, clusterName) {
      if (closed) throw new Error('the sandbox Kubernetes API is stopped');
      let listener = listeners.get(key(region, clusterName));
      if (!listener) {
        listener = listen(region, clusterName);
        listeners.set(key(region, clusterName), listener);
        void listener.then(({ port }) => ports.push(port), () => listeners.delete(key(region, clusterName)));
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
