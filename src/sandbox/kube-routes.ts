import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './kube-access.js';
import { field } from './kube-columns.js';
import type { ClusterPicture, KubeObject } from './kube-objects.js';
import { openApiGroupVersion, openApiRoot } from './kube-openapi.js';
import { findResource, groupList, groupOf, resourceList, RESOURCES, type ResourceType } from './kube-resources.js';
import type { ClusterStore } from './kube-store.js';
import { toList, toTable, wantsTable } from './kube-tables.js';
import { apiServerGitVersion, patchVersion } from './kube-versions.js';
import type { World } from './kube-world.js';
import { createObject, deleteObject, notFound, parseBody, patchObject, replaceObject, statusBody, type Answer } from './kube-writes.js';

/** One request to one cluster's API, with what the routes need to answer it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  picture: ClusterPicture;
  cluster: ClusterStore;
  now: number;
  world(): World;
  body(): Promise<Buffer>;
  /** Streams changes to a list until the client goes away. */
  watch(read: () => Promise<KubeObject[]>, kind: string): void;
  /** Called after a write, so controllers act on it. */
  changed(): void;
}

export type RouteHandler = (ctx: RequestContext) => Answer | Promise<Answer | undefined> | undefined;

interface Route {
  path: string[];
  methods: Record<string, RouteHandler>;
}

export const ok = (body: unknown): Answer => ({ code: 200, body });
const NOT_FOUND: Answer = { code: 404, body: statusBody(404, 'NotFound', 'the server could not find the requested resource') };
export const METHOD_NOT_ALLOWED: Answer = {
  code: 405,
  body: statusBody(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
};

function version(ctx: RequestContext): Answer {
  const [major, minor] = patchVersion(ctx.picture.version).split('.');
  const gitVersion = apiServerGitVersion(ctx.picture.version);
  return ok({
    major,
    minor,
    gitVersion,
    gitCommit: gitVersion.slice(-7).padEnd(40, '0'),
    gitTreeState: 'clean',
    buildDate: '2025-10-21T18:04:56Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  });
}

const healthy: RouteHandler = (ctx) => {
  ctx.res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  ctx.res.end('ok');
  return undefined;
};

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

/** Field selectors on any dotted path (`spec.nodeName`, `status.phase`, `involvedObject.uid`). */
function matchesFields(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term.trim());
    if (!m) return true;
    const value = String(field(object, m[1]!.split('.')) ?? '');
    return m[2] === '!=' ? value !== m[3] : value === m[3];
  });
}

function resourceOf(ctx: RequestContext): ResourceType | undefined {
  const resource = findResource(ctx.params.group ?? '', ctx.params.version ?? '', ctx.params.resource);
  if (!resource || (ctx.params.namespace !== undefined && !resource.namespaced)) return undefined;
  return resource;
}

function select(objects: KubeObject[], namespace: string | undefined, query: URLSearchParams): KubeObject[] {
  return objects
    .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
    .filter((o) => matchesLabels(o, query.get('labelSelector')) && matchesFields(o, query.get('fieldSelector')));
}

function present(ctx: RequestContext, resource: ResourceType, objects: KubeObject[], single: boolean): Answer {
  const includeObject = ctx.url.searchParams.get('includeObject');
  if (wantsTable(ctx.req.headers.accept)) return ok(toTable(resource.kind, objects, ctx.now, includeObject));
  return ok(single ? objects[0] : toList(resource.kind, objects));
}

class BadBody extends Error {}

async function body(ctx: RequestContext): Promise<unknown> {
  const raw = await ctx.body();
  try {
    return parseBody(raw, ctx.req.headers['content-type']);
  } catch (error) {
    throw new BadBody((error as Error).message);
  }
}

function afterWrite(ctx: RequestContext, answer: Answer): Answer {
  if (answer.code < 300) ctx.changed();
  return answer;
}

const collection: Route['methods'] = {
  GET: (ctx) => {
    const resource = resourceOf(ctx);
    if (!resource) return NOT_FOUND;
    const watch = ctx.url.searchParams.get('watch');
    if (watch === 'true' || watch === '1') {
      ctx.watch(async () => select(ctx.world()[resource.name] ?? [], ctx.params.namespace, ctx.url.searchParams), resource.kind);
      return undefined;
    }
    return present(ctx, resource, select(ctx.world()[resource.name] ?? [], ctx.params.namespace, ctx.url.searchParams), false);
  },
  POST: async (ctx) => {
    const resource = resourceOf(ctx);
    if (!resource) return NOT_FOUND;
    if (!resource.writable) return METHOD_NOT_ALLOWED;
    const dryRun = ctx.url.searchParams.get('dryRun') === 'All';
    return afterWrite(ctx, createObject(writeContext(ctx), resource, ctx.params.namespace, await body(ctx), dryRun));
  },
};

const writeContext = (ctx: RequestContext) => ({ picture: ctx.picture, cluster: ctx.cluster, world: ctx.world(), now: ctx.now });

const item: Route['methods'] = {
  GET: (ctx) => {
    const resource = resourceOf(ctx);
    if (!resource) return NOT_FOUND;
    const name = ctx.params.name!;
    const namespace = resource.namespaced ? ctx.params.namespace : undefined;
    const object = (ctx.world()[resource.name] ?? []).find((o) => o.metadata.name === name && o.metadata.namespace === namespace);
    return object ? present(ctx, resource, [object], true) : notFound(resource, name);
  },
  PATCH: async (ctx) => {
    const resource = resourceOf(ctx);
    if (!resource) return NOT_FOUND;
    if (!resource.writable) return METHOD_NOT_ALLOWED;
    const contentType = String(ctx.req.headers['content-type'] ?? '');
    return afterWrite(
      ctx,
      patchObject(
        writeContext(ctx),
        resource,
        ctx.params.namespace ?? (resource.namespaced ? 'default' : undefined),
        ctx.params.name!,
        contentType,
        await body(ctx),
      ),
    );
  },
  PUT: async (ctx) => {
    const resource = resourceOf(ctx);
    if (!resource) return NOT_FOUND;
    if (!resource.writable) return METHOD_NOT_ALLOWED;
    return afterWrite(ctx, replaceObject(writeContext(ctx), resource, ctx.params.namespace, ctx.params.name!, await body(ctx)));
  },
  DELETE: (ctx) => {
    const resource = resourceOf(ctx);
    if (!resource) return NOT_FOUND;
    if (!resource.writable) return METHOD_NOT_ALLOWED;
    return afterWrite(ctx, deleteObject(writeContext(ctx), resource, ctx.params.namespace, ctx.params.name!));
  },
};

const found = (body: unknown): Answer => (body ? ok(body) : NOT_FOUND);
/** `deployments/<name>/scale`, which `kubectl scale` patches. */
const scale: Route['methods'] = Object.fromEntries(
  (['GET', 'PATCH', 'PUT'] as const).map((method) => [
    method,
    async (ctx: RequestContext): Promise<Answer> => {
      const resource = resourceOf(ctx);
      if (!resource || resource.kind !== 'Deployment' || ctx.params.subresource !== 'scale') return NOT_FOUND;
      const name = ctx.params.name!;
      let answer: Answer | undefined;
      if (method !== 'GET') {
        const wanted = (await body(ctx)) as { spec?: { replicas?: number } };
        const replicas = Number(wanted?.spec?.replicas);
        if (!Number.isInteger(replicas) || replicas < 0)
          return {
            code: 422,
            body: statusBody(
              422,
              'Invalid',
              `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${String(wanted?.spec?.replicas)}: must be greater than or equal to 0`,
            ),
          };
        answer = afterWrite(
          ctx,
          patchObject(writeContext(ctx), resource, ctx.params.namespace, name, 'application/merge-patch+json', { spec: { replicas } }),
        );
        if (answer.code >= 300) return answer;
      }
      const deployment =
        (answer?.body as KubeObject | undefined) ??
        (ctx.world().deployments ?? []).find((d) => d.metadata.name === name && d.metadata.namespace === ctx.params.namespace);
      if (!deployment) return notFound(resource, name);
      const spec = deployment.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
      const selector = Object.entries(spec.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const { name: n, namespace, uid, resourceVersion, creationTimestamp } = deployment.metadata;
      return ok({
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        metadata: { name: n, namespace, uid, resourceVersion, creationTimestamp },
        spec: { replicas: spec.replicas ?? 1 },
        status: { replicas: Number((deployment.status as { replicas?: number } | undefined)?.replicas ?? 0), selector },
      });
    },
  ]),
);

const get = (handler: RouteHandler): Route['methods'] => ({ GET: handler });

/** Every path the API answers; anything else is a 404 Status, a known path with another method a 405. */
const ROUTES: Route[] = [
  ...['version', 'healthz', 'livez', 'readyz'].map((p) => ({ path: [p], methods: get(p === 'version' ? version : healthy) })),
  {
    path: ['api'],
    methods: get(() =>
      ok({
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:443' }],
      }),
    ),
  },
  { path: ['apis'], methods: get(() => ok(groupList())) },
  { path: ['openapi', 'v3'], methods: get(() => ok(openApiRoot())) },
  { path: ['openapi', 'v3', 'api', ':version'], methods: get((ctx) => found(openApiGroupVersion('', ctx.params.version!))) },
  {
    path: ['openapi', 'v3', 'apis', ':group', ':version'],
    methods: get((ctx) => found(openApiGroupVersion(ctx.params.group!, ctx.params.version!))),
  },
  {
    path: ['apis', ':group'],
    methods: get((ctx) => (RESOURCES.some((r) => r.group === ctx.params.group) ? ok(groupOf(ctx.params.group!)) : NOT_FOUND)),
  },
  { path: ['api', ':version'], methods: get((ctx) => found(resourceList('', ctx.params.version!))) },
  { path: ['apis', ':group', ':version'], methods: get((ctx) => found(resourceList(ctx.params.group!, ctx.params.version!))) },
  ...[
    ['api', ':version'],
    ['apis', ':group', ':version'],
  ].flatMap((prefix) => [
    { path: [...prefix, ':resource'], methods: collection },
    { path: [...prefix, ':resource', ':name'], methods: item },
    { path: [...prefix, 'namespaces', ':namespace', ':resource'], methods: collection },
    { path: [...prefix, 'namespaces', ':namespace', ':resource', ':name'], methods: item },
    { path: [...prefix, 'namespaces', ':namespace', ':resource', ':name', ':subresource'], methods: scale },
  ]),
];

/** Paths EKS lets anyone read (system:public-info-viewer). */
export const PUBLIC_PATHS = new Set(['version', 'healthz', 'livez', 'readyz']);

export function route(segments: string[]): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of ROUTES) {
    if (candidate.path.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = candidate.path.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i]!;
        return true;
      }
      return part === segments[i];
    });
    if (fits) return { route: candidate, params };
  }
  return undefined;
}

export async function dispatch(ctx: RequestContext, segments: string[]): Promise<Answer | undefined> {
  const found = route(segments);
  if (!found) return NOT_FOUND;
  ctx.params = found.params;
  const forbidden = authorize(ctx.picture, ctx.req.method ?? 'GET', found.params, ctx.url.searchParams);
  if (forbidden) return forbidden;
  const handler = found.route.methods[ctx.req.method ?? 'GET'];
  if (!handler) return METHOD_NOT_ALLOWED;
  try {
    return await handler(ctx);
  } catch (error) {
    if (error instanceof BadBody)
      return { code: 400, body: statusBody(400, 'BadRequest', `the body of the request could not be read: ${error.message}`) };
    throw error;
  }
}
