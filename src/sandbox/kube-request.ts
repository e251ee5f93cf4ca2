import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterPicture, KubeObject } from './kube-objects.js';
import type { ClusterStore } from './kube-store.js';
import type { World } from './kube-world.js';
import { statusBody, type Answer } from './kube-writes.js';

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

/** A path's handlers, by HTTP method. */
export type RouteMethods = Record<string, RouteHandler>;

/** The answers every route gives alike. */
export const ok = (body: unknown): Answer => ({ code: 200, body });
export const NOT_FOUND: Answer = { code: 404, body: statusBody(404, 'NotFound', 'the server could not find the requested resource') };
export const METHOD_NOT_ALLOWED: Answer = {
  code: 405,
  body: statusBody(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
};
