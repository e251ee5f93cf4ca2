import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy between the SDK and moto that misbehaves the way AWS and
 * networks do: throttling answers in each service's own shape, 500s,
 * connections reset before the request reaches the server, and delays. What it
 * does is decided by a seeded random generator, so a run can be repeated, and
 * it is bounded: one call is failed at most `maxFaultsPerCall` times in a row.
 */

/** `lost-answer`: the request reaches moto and is carried out, then the connection drops before the answer. */
/** `expired-token`: refused as AWS refuses a request signed with temporary credentials that have expired. */
export type FaultKind = 'throttle' | 'server-error' | 'reset' | 'lost-answer' | 'expired-token';

export interface FaultPlan {
  seed: number;
  /** Shares of the calls (0..1) answered with each fault. */
  throttle: number;
  serverError: number;
  reset: number;
  /** Share of the calls held back for up to `maxDelayMs` before they are forwarded. */
  delay: number;
  maxDelayMs: number;
  /** A call (one SDK invocation) is failed at most this many times; keep it below the SDK's maxAttempts. */
  maxFaultsPerCall: number;
  /** Fail every attempt of these operations (`service:Operation`), without limit. */
  always?: Partial<Record<string, FaultKind>>;
  /** Fail the first attempt of the first call of these operations: each kind of fault, for certain. */
  once?: Partial<Record<string, FaultKind>>;
  /** Once `operation` has succeeded, every later call fails with `fault`: credentials that expire mid-run. */
  after?: { operation: string; fault: FaultKind };
}

export const NO_FAULTS: FaultPlan = { seed: 1, throttle: 0, serverError: 0, reset: 0, delay: 0, maxDelayMs: 0, maxFaultsPerCall: 0 };

/** One SDK invocation (its `amz-sdk-invocation-id`): every attempt of it the proxy saw. */
export interface CallRecord {
  operation: string;
  attempts: number;
  faults: FaultKind[];
  /** The last attempt reached moto and moto answered below 500. */
  answered: boolean;
  /** Attempt numbers as the SDK counted them (`amz-sdk-request: attempt=N`). */
  sdkAttempts: number[];
}

export interface FaultStats {
  requests: number;
  delayed: number;
  faults: Record<FaultKind, number>;
  calls: Map<string, CallRecord>;
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  /** Replaces the plan (and restarts its random sequence). */
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
}

/** mulberry32: small, seedable, good enough to pick faults. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function serviceOf(req: IncomingMessage): string {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? 'unknown';
}

/** `ec2:CreateVpc`, `eks:POST /clusters`: the query protocols name the action in the body, EKS is REST. */
function operationOf(service: string, req: IncomingMessage, body: Buffer): string {
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body.toString('utf8'))?.[1];
  if (action) return `${service}:${action}`;
  const path = (req.url ?? '').split('?')[0]!.replace(/\/[^/]*-nodes(\/|$)/, '/<nodegroup>$1');
  return `${service}:${req.method} ${path}`;
}

const requestId = () => `fault-${Math.random().toString(16).slice(2, 10)}`;

/** Each service's own way of saying "slow down". */
function throttleAnswer(service: string): { status: number; headers: Record<string, string>; body: string } {
  if (service === 'eks') {
    return {
      status: 429,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException' },
      body: JSON.stringify({ message: 'Rate exceeded' }),
    };
  }
  if (service === 'ec2') {
    return {
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
    };
  }
  return {
    status: 400,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  };
}

/** Each service's answer to a request signed with expired temporary credentials. */
function expiredAnswer(service: string): { status: number; headers: Record<string, string>; body: string } {
  const message = 'The security token included in the request is expired';
  if (service === 'eks') {
    return {
      status: 403,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ExpiredTokenException' },
      body: JSON.stringify({ message }),
    };
  }
  if (service === 'ec2') {
    return {
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>RequestExpired</Code><Message>Request has expired.</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
    };
  }
  return {
    status: 403,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>${message}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  };
}

function serverErrorAnswer(service: string): { status: number; headers: Record<string, string>; body: string } {
  if (service === 'eks') {
    return {
      status: 500,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ServerException' },
      body: JSON.stringify({ message: 'Internal failure' }),
    };
  }
  if (service === 'ec2') {
    return {
      status: 500,
      headers: { 'content-type': 'text/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InternalError</Code><Message>An internal error has occurred</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
    };
  }
  return {
    status: 500,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>Internal failure</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  };
}

export async function startFaultProxy(target: string, initial: FaultPlan): Promise<FaultProxy> {
  const upstream = new URL(target);
  let plan = initial;
  let next = random(plan.seed);
  const stats: FaultStats = {
    requests: 0,
    delayed: 0,
    faults: { throttle: 0, 'server-error': 0, reset: 0, 'lost-answer': 0, 'expired-token': 0 },
    calls: new Map(),
  };

  const onceDone = new Set<string>();
  let expired = false;
  const pick = (operation: string, record: CallRecord): FaultKind | undefined => {
    if (expired && plan.after) return plan.after.fault;
    const always = plan.always?.[operation];
    if (always) return always;
    const once = plan.once?.[operation];
    if (once && !onceDone.has(operation)) {
      onceDone.add(operation);
      return once;
    }
    // Draw every time, so one call's outcome does not shift the sequence of the others.
    const roll = next();
    if (record.faults.length >= plan.maxFaultsPerCall) return undefined;
    if (roll < plan.throttle) return 'throttle';
    if (roll < plan.throttle + plan.serverError) return 'server-error';
    if (roll < plan.throttle + plan.serverError + plan.reset) return 'reset';
    return undefined;
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, record: CallRecord | undefined) => {
    const out = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'content-length': String(body.length) },
      },
      (answer) => {
        if (record) record.answered = (answer.statusCode ?? 500) < 500;
        // A success, not a DryRun's refusal (412): the operation really happened.
        if ((answer.statusCode ?? 500) < 300 && record?.operation === plan.after?.operation) expired = true;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if ((req.url ?? '').startsWith('/moto-api')) {
        forward(req, res, body, undefined);
        return;
      }
      stats.requests += 1;
      const service = serviceOf(req);
      const operation = operationOf(service, req, body);
      const id = String(req.headers['amz-sdk-invocation-id'] ?? requestId());
      const record = stats.calls.get(id) ?? { operation, attempts: 0, faults: [], answered: false, sdkAttempts: [] };
      stats.calls.set(id, record);
      record.attempts += 1;
      record.sdkAttempts.push(Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 0));
      const fault = pick(operation, record);
      const delayMs = plan.delay > 0 && next() < plan.delay ? Math.floor(next() * plan.maxDelayMs) : 0;
      if (delayMs > 0) stats.delayed += 1;
      setTimeout(() => {
        if (!fault) {
          forward(req, res, body, record);
          return;
        }
        stats.faults[fault] += 1;
        record.faults.push(fault);
        record.answered = false;
        if (fault === 'reset') {
          req.socket.destroy();
          return;
        }
        if (fault === 'lost-answer') {
          const out = httpRequest(
            {
              hostname: upstream.hostname,
              port: upstream.port,
              method: req.method,
              path: req.url,
              headers: { ...req.headers, 'content-length': String(body.length) },
            },
            (answer) => {
              answer.resume();
              answer.on('end', () => req.socket.destroy());
            },
          );
          out.on('error', () => req.socket.destroy());
          out.end(body);
          return;
        }
        const answer =
          fault === 'throttle' ? throttleAnswer(service) : fault === 'expired-token' ? expiredAnswer(service) : serverErrorAnswer(service);
        res.writeHead(answer.status, {
          ...answer.headers,
          'content-length': String(Buffer.byteLength(answer.body)),
          'x-amzn-requestid': requestId(),
        });
        res.end(answer.body);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setPlan(replacement) {
      plan = replacement;
      next = random(plan.seed);
      onceDone.clear();
      expired = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
