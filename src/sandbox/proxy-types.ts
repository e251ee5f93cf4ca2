import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CallerScope, MotoClient } from './moto-client.js';
import { ec2ErrorXml } from './ec2-errors.js';

/** One request as the proxy received it, with who signed it. */
export interface ProxyRequest {
  method: string;
  /** Path and query as sent, parsed against a dummy origin. */
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  scope: CallerScope;
  authorization: string;
}

/** An answer made (or reshaped) by the proxy instead of moto's. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A handler answers, or returns undefined to let the request through to moto unchanged. */
export type Handler = (request: ProxyRequest) => Promise<ProxyAnswer | undefined>;

export function jsonAnswer(status: number, json: unknown, errorType?: string): ProxyAnswer {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  return { status, headers, body: Buffer.from(JSON.stringify(json)) };
}

/** An EKS error as EKS (and moto) shape it: the type in a header, a message in the body. */
export function eksError(status: number, errorType: string, message: string, extra: Record<string, unknown> = {}): ProxyAnswer {
  return jsonAnswer(status, { ...extra, message }, errorType);
}

export function xmlAnswer(status: number, xml: string): ProxyAnswer {
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body: Buffer.from(xml) };
}

export function ec2Error(code: string, message: string): ProxyAnswer {
  return xmlAnswer(400, ec2ErrorXml(code, message));
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

/** The headers of a message without those that only concern one hop. */
export function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

/** Sends a request to moto as it came and returns moto's answer, for handlers that look at the answer. */
export async function forward(moto: MotoClient, request: ProxyRequest): Promise<ProxyAnswer> {
  const answer = await moto.send({
    method: request.method,
    path: request.url.pathname + request.url.search,
    headers: endToEnd(request.headers),
    body: request.body,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(endToEnd(answer.headers))) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { status: answer.status, headers, body: answer.body };
}
