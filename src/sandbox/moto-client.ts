import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { parseXml, type XmlElement } from './xml.js';

export interface RawRequest {
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Who a call to moto is made as. moto picks the account from the access key and
 * the service and region from the credential scope of the Authorization header;
 * it does not check signatures while IAM enforcement is off.
 */
export interface CallerScope {
  accessKeyId: string;
  region: string;
}

export const EC2_API_VERSION = '2016-11-15';

export function unsignedAuthorization(scope: CallerScope, service: string): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId}/${day}/${scope.region}/${service}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
}

/** The access key and credential scope of a SigV4 Authorization header. */
export function parseAuthorization(header: string | undefined): (CallerScope & { service: string }) | undefined {
  const match = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header ?? '');
  if (!match) return undefined;
  return { accessKeyId: match[1]!, region: match[2]!, service: match[3]! };
}

/** Plain HTTP to one moto_server. */
export class MotoClient {
  readonly url: URL;

  constructor(url: string) {
    this.url = new URL(url);
  }

  send(raw: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          hostname: this.url.hostname,
          port: this.url.port,
          method: raw.method,
          path: raw.path,
          headers: { ...raw.headers, 'content-length': String(raw.body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(raw.body);
    });
  }

  /** An EKS REST-JSON call; `json` is undefined when the answer is not JSON. */
  async eks(
    scope: CallerScope,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: any; errorType?: string | undefined }> {
    const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
    const response = await this.send({
      method,
      path,
      headers: {
        host: `eks.${scope.region}.amazonaws.com`,
        authorization: unsignedAuthorization(scope, 'eks'),
        'content-type': 'application/json',
      },
      body: payload,
    });
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch {
      json = undefined;
    }
    const errorType = response.headers['x-amzn-errortype'];
    return { status: response.status, json, errorType: typeof errorType === 'string' ? errorType : undefined };
  }

  /** An EC2 query-protocol call; `root` is undefined when the answer is not XML. */
  async ec2(
    scope: CallerScope,
    params: Record<string, string>,
    authorization?: string,
  ): Promise<{ status: number; root: XmlElement | undefined; body: string }> {
    const form = new URLSearchParams({ Version: EC2_API_VERSION, ...params });
    const response = await this.send({
      method: 'POST',
      path: '/',
      headers: {
        host: `ec2.${scope.region}.amazonaws.com`,
        authorization: authorization ?? unsignedAuthorization(scope, 'ec2'),
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
      body: Buffer.from(form.toString()),
    });
    const body = response.body.toString('utf8');
    let root: XmlElement | undefined;
    try {
      root = parseXml(body);
    } catch {
      root = undefined;
    }
    return { status: response.status, root, body };
  }
}

/** Query parameters for EC2 filters: `{ 'vpc-id': ['vpc-1'] }` becomes Filter.1.Name / Filter.1.Value.1. */
export function ec2Filters(filters: Record<string, string[]>): Record<string, string> {
  const params: Record<string, string> = {};
  Object.entries(filters).forEach(([name, values], i) => {
    params[`Filter.${i + 1}.Name`] = name;
    values.forEach((value, j) => {
      params[`Filter.${i + 1}.Value.${j + 1}`] = value;
    });
  });
  return params;
}
