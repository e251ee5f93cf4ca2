import type { EksAnswer, EksView, Json } from './eks-view.js';
import { jsonAnswer, type ProxyAnswer, type ProxyRequest } from './proxy-types.js';

/** Small pieces every EKS route shares: moto's answers passed on, JSON bodies read, lists paged. */

/**
 * The routes of one part of EKS that the sandbox answers itself (add-ons,
 * access entries, upgrades): the request's path segments and its JSON body in,
 * an answer out, or undefined for a request they do not take.
 */
export type EksRoutes = (
  view: EksView,
  request: ProxyRequest,
  segments: string[],
  body: Json | undefined,
) => Promise<ProxyAnswer | undefined>;

export function relay(answer: EksAnswer): ProxyAnswer {
  return jsonAnswer(answer.status, answer.json ?? {}, answer.status >= 300 ? answer.errorType : undefined);
}

export function parseBody(request: ProxyRequest): Json | undefined {
  try {
    const json: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** One page of names, paged the way moto and EKS page them (the token is the next name). */
export function page(names: string[], query: URLSearchParams): { names: string[]; nextToken?: string } {
  const max = Number(query.get('maxResults') ?? 100) || 100;
  const token = query.get('nextToken');
  const start = token ? Math.max(0, names.indexOf(token)) : 0;
  const slice = names.slice(start, start + max);
  const next = names[start + max];
  return next === undefined ? { names: slice } : { names: slice, nextToken: next };
}

/** Epoch seconds, as EKS's JSON carries timestamps. */
export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);

/** The account in an ARN such as moto's cluster ARN. */
export const accountOf = (arn: unknown): string => (typeof arn === 'string' ? (arn.split(':')[4] ?? '') : '') || '123456789012';
