import { parse as parseYaml } from 'yaml';
import { checks, withDefaults } from './kube-defaults.js';
import type { ClusterPicture, KubeObject } from './kube-objects.js';
import { decodeKubeProtobuf } from './kube-protobuf.js';
import { qualifiedName, type ResourceType } from './kube-resources.js';
import { findObject, nextVersion, removeObject, type ClusterStore } from './kube-store.js';
import { hash, isObject, timestamp, uid } from './kube-util.js';
import { replacePod } from './kube-workloads.js';
import type { World } from './kube-world.js';

/** Creating, changing and deleting what learners make, with the defaults and checks the API server applies. */

export interface Answer {
  code: number;
  body: unknown;
}

export interface WriteContext {
  picture: ClusterPicture;
  cluster: ClusterStore;
  world: World;
  now: number;
}

export function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

const fail = (code: number, reason: string, message: string, details?: Record<string, unknown>): Answer => ({
  code,
  body: statusBody(code, reason, message, details),
});

export function notFound(resource: ResourceType, name: string): Answer {
  return fail(404, 'NotFound', `${qualifiedName(resource)} "${name}" not found`, {
    name,
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.name,
  });
}

function invalid(resource: ResourceType, name: string, causes: { field: string; message: string }[]): Answer {
  const text = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  return fail(422, 'Invalid', `${resource.kind}${resource.group ? `.${resource.group}` : ''} "${name}" is invalid: ${text}`, {
    name,
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.kind,
    causes: causes.map((c) => ({ reason: 'FieldValueInvalid', message: c.message, field: c.field })),
  });
}

/** The body of a write: JSON, YAML (server-side apply) or protobuf (kubectl's typed clients). */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if ((contentType ?? '').startsWith('application/vnd.kubernetes.protobuf')) return decodeKubeProtobuf(raw);
  if (/yaml/.test(contentType ?? '')) return parseYaml(raw.toString('utf8'));
  return JSON.parse(raw.toString('utf8'));
}

function namespaceExists(ctx: WriteContext, namespace: string): boolean {
  return (ctx.world.namespaces ?? []).some((n) => n.metadata.name === namespace);
}

export function createObject(
  ctx: WriteContext,
  resource: ResourceType,
  namespace: string | undefined,
  body: unknown,
  dryRun: boolean,
): Answer {
  if (!isObject(body) || !isObject(body.metadata)) return fail(400, 'BadRequest', 'the body of the request was in an unknown format');
  if (body.kind !== undefined && body.kind !== resource.kind) {
    return fail(
      400,
      'BadRequest',
      `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${resource.group ? `${resource.group}/` : ''}${resource.version})`,
    );
  }
  const metadata = body.metadata as Record<string, any>;
  const name: string =
    metadata.name ?? (metadata.generateName ? `${metadata.generateName}${hash(`${ctx.now}`).toString('hex').slice(0, 5)}` : '');
  if (!name) return invalid(resource, '', [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
    return invalid(resource, name, [
      {
        field: 'metadata.name',
        message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      },
    ]);
  }
  const ns = resource.namespaced ? (namespace ?? metadata.namespace ?? 'default') : undefined;
  if (ns !== undefined && !namespaceExists(ctx, ns))
    return fail(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });
  const existing =
    resource.name === 'namespaces'
      ? (ctx.world.namespaces ?? []).find((n) => n.metadata.name === name)
      : (ctx.world[resource.name] ?? []).find((o) => o.metadata.name === name && o.metadata.namespace === ns);
  if (existing)
    return fail(409, 'AlreadyExists', `${qualifiedName(resource)} "${name}" already exists`, {
      name,
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.name,
    });
  const object = withDefaults(ctx, resource, {
    ...(body as Record<string, unknown>),
    kind: resource.kind,
    apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
    metadata: {
      ...metadata,
      name,
      ...(ns !== undefined ? { namespace: ns } : {}),
      uid: uid(`${ctx.picture.incarnation} ${resource.name} ${ns}/${name} ${ctx.now}`),
      resourceVersion: dryRun ? String(ctx.cluster.resourceVersion) : nextVersion(ctx.cluster),
      generation: 1,
      creationTimestamp: timestamp(ctx.now),
      ...(resource.kind === 'Deployment'
        ? { annotations: { ...(metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': '1' } }
        : {}),
    },
  } as KubeObject);
  const causes = checks(resource, object);
  if (causes.length > 0) return invalid(resource, name, causes);
  if (!dryRun) ctx.cluster.objects.push(object);
  return { code: 201, body: object };
}

/** Strategic merge as kubectl uses it, simplified: maps merge, `null` removes, lists of named items merge by name. */
export function mergePatch(target: unknown, patch: unknown, strategic: boolean): unknown {
  if (Array.isArray(patch)) {
    if (strategic && Array.isArray(target) && patch.every((p) => isObject(p) && typeof p.name === 'string')) {
      const out = patch.map((p) => {
        const before = target.find((t) => isObject(t) && t.name === (p as { name: string }).name);
        return before ? mergePatch(before, p, strategic) : p;
      });
      return out;
    }
    return patch;
  }
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value, strategic);
  }
  return out;
}

export function patchObject(
  ctx: WriteContext,
  resource: ResourceType,
  namespace: string | undefined,
  name: string,
  contentType: string,
  body: unknown,
): Answer {
  const stored = findObject(ctx.cluster, resource.kind, resource.namespaced ? namespace : undefined, name);
  const apply = contentType.startsWith('application/apply-patch');
  if (!stored) {
    if (apply) return createObject(ctx, resource, namespace, body, false);
    return (ctx.world[resource.name] ?? []).some((o) => o.metadata.name === name && o.metadata.namespace === namespace)
      ? fail(405, 'MethodNotAllowed', `the sandbox does not let you change ${qualifiedName(resource)} "${name}": EKS manages it`)
      : notFound(resource, name);
  }
  if (!apply && !/merge-patch\+json/.test(contentType)) {
    return fail(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  }
  const merged = mergePatch(stored, body, !contentType.startsWith('application/merge-patch')) as KubeObject;
  return replaceStored(ctx, resource, stored, merged);
}

export function replaceObject(
  ctx: WriteContext,
  resource: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
): Answer {
  const stored = findObject(ctx.cluster, resource.kind, resource.namespaced ? namespace : undefined, name);
  if (!stored) return notFound(resource, name);
  if (!isObject(body)) return fail(400, 'BadRequest', 'the body of the request was in an unknown format');
  return replaceStored(ctx, resource, stored, { ...(body as KubeObject), status: stored.status });
}

function replaceStored(ctx: WriteContext, resource: ResourceType, stored: KubeObject, next: KubeObject): Answer {
  const specChanged = JSON.stringify(next.spec) !== JSON.stringify(stored.spec);
  const object = withDefaults(ctx, resource, {
    ...next,
    kind: stored.kind,
    apiVersion: stored.apiVersion,
    metadata: {
      ...next.metadata,
      name: stored.metadata.name,
      ...(stored.metadata.namespace !== undefined ? { namespace: stored.metadata.namespace } : {}),
      uid: stored.metadata.uid,
      creationTimestamp: stored.metadata.creationTimestamp,
      resourceVersion: nextVersion(ctx.cluster),
      generation: Number(stored.metadata.generation ?? 1) + (specChanged ? 1 : 0),
    },
  });
  const causes = checks(resource, object);
  if (causes.length > 0) return invalid(resource, stored.metadata.name, causes);
  ctx.cluster.objects = ctx.cluster.objects.map((o) => (o.metadata.uid === stored.metadata.uid ? object : o));
  return { code: 200, body: object };
}

export function deleteObject(ctx: WriteContext, resource: ResourceType, namespace: string | undefined, name: string): Answer {
  const ns = resource.namespaced ? namespace : undefined;
  const stored = findObject(ctx.cluster, resource.kind, ns, name);
  if (!stored) {
    const shown = (ctx.world[resource.name] ?? []).find((o) => o.metadata.name === name && o.metadata.namespace === ns);
    if (!shown) return notFound(resource, name);
    const owner = (shown.metadata.ownerReferences as { kind: string; name: string; uid: string }[] | undefined)?.[0];
    if (resource.kind === 'Pod' && owner?.kind === 'ReplicaSet') {
      // The ReplicaSet makes a new pod in its place.
      const deployment = (ctx.world.replicasets ?? []).find((rs) => rs.metadata.uid === owner.uid)?.metadata.ownerReferences as
        { uid: string }[] | undefined;
      const record = deployment?.[0] ? ctx.cluster.replicas[deployment[0].uid] : undefined;
      if (record) replacePod(record, owner.name, name, ctx.now);
      return { code: 200, body: { ...shown, metadata: { ...shown.metadata, deletionTimestamp: timestamp(ctx.now) } } };
    }
    if (resource.kind === 'Pod' && owner?.kind === 'DaemonSet') return { code: 200, body: shown };
    return fail(405, 'MethodNotAllowed', `the sandbox does not let you delete ${qualifiedName(resource)} "${name}": EKS manages it`);
  }
  if (resource.kind === 'Service' && ctx.cluster.loadBalancers[stored.metadata.uid]) {
    // The cloud provider's finalizer keeps the Service until its load balancer is gone.
    stored.metadata.deletionTimestamp = timestamp(ctx.now);
    stored.metadata.finalizers = ['service.kubernetes.io/load-balancer-cleanup'];
    stored.metadata.resourceVersion = nextVersion(ctx.cluster);
    return { code: 200, body: stored };
  }
  removeObject(ctx.cluster, stored);
  if (resource.kind === 'Namespace') {
    for (const o of ctx.cluster.objects.filter((x) => x.metadata.namespace === name)) {
      if (!(o.kind === 'Service' && ctx.cluster.loadBalancers[o.metadata.uid])) removeObject(ctx.cluster, o);
      else o.metadata.deletionTimestamp = timestamp(ctx.now);
    }
  }
  return { code: 200, body: stored };
}
