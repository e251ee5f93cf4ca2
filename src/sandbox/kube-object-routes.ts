import type { KubeObject } from './kube-objects.js';
import { findResource, type ResourceType } from './kube-resources.js';
import { toList, toTable, wantsTable } from './kube-tables.js';
import { createObject, deleteObject, notFound, parseBody, patchObject, replaceObject, statusBody, type Answer } from './kube-writes.js';
import { select } from './kube-selectors.js';
import { METHOD_NOT_ALLOWED, NOT_FOUND, ok, type RequestContext, type RouteMethods } from './kube-request.js';

/** The methods on an object path: a collection (list, watch, create), one object (get, patch, replace, delete) and a Deployment's scale. */

function resourceOf(ctx: RequestContext): ResourceType | undefined {
  const resource = findResource(ctx.params.group ?? '', ctx.params.version ?? '', ctx.params.resource);
  if (!resource || (ctx.params.namespace !== undefined && !resource.namespaced)) return undefined;
  return resource;
}

function present(ctx: RequestContext, resource: ResourceType, objects: KubeObject[], single: boolean): Answer {
  const includeObject = ctx.url.searchParams.get('includeObject');
  if (wantsTable(ctx.req.headers.accept)) return ok(toTable(resource.kind, objects, ctx.now, includeObject));
  return ok(single ? objects[0] : toList(resource.kind, objects));
}

/** A body that could not be read: `dispatch` answers it with a 400 BadRequest. */
export class BadBody extends Error {}

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

export const collection: RouteMethods = {
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

export const item: RouteMethods = {
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

/** `deployments/<name>/scale`, which `kubectl scale` patches. */
export const scale: RouteMethods = Object.fromEntries(
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
