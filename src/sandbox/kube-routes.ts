import { authorize } from './kube-access.js';
import { BadBody, collection, item, scale } from './kube-object-routes.js';
import { openApiGroupVersion, openApiRoot } from './kube-openapi.js';
import { groupList, groupOf, resourceList, RESOURCES } from './kube-resources.js';
import { apiServerGitVersion, patchVersion } from './kube-versions.js';
import { statusBody, type Answer } from './kube-writes.js';
import { METHOD_NOT_ALLOWED, NOT_FOUND, ok, type RequestContext, type RouteHandler, type RouteMethods } from './kube-request.js';

export type { RequestContext } from './kube-request.js';

interface Route {
  path: string[];
  methods: RouteMethods;
}

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

const found = (body: unknown): Answer => (body ? ok(body) : NOT_FOUND);
const get = (handler: RouteHandler): RouteMethods => ({ GET: handler });

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
