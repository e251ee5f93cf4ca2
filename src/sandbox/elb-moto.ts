import { unsignedAuthorization, type CallerScope, type MotoClient } from './moto-client.js';
import { child, childText, items, parseXml, type XmlElement } from './xml.js';

/**
 * The calls the cloud provider makes to EC2 and Elastic Load Balancing, sent to
 * moto in the cluster creator's account (query protocol; classic ELB is API
 * version 2012-06-01, ELBv2 2015-12-01).
 */

export class AwsCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function answerOf(status: number, body: string): XmlElement {
  let root: XmlElement | undefined;
  try {
    root = parseXml(body);
  } catch {
    root = undefined;
  }
  if (status >= 400 || !root) {
    // ELB answers <ErrorResponse><Error>, EC2 <Response><Errors><Error>.
    const error = child(root, 'Error') ?? child(child(root, 'Errors'), 'Error');
    throw new AwsCallError(childText(error, 'Code') || `HTTP ${status}`, childText(error, 'Message') || body.slice(0, 200));
  }
  return root;
}

export async function elbCall(
  moto: MotoClient,
  scope: CallerScope,
  version: '2012-06-01' | '2015-12-01',
  params: Record<string, string>,
): Promise<XmlElement> {
  const response = await moto.send({
    method: 'POST',
    path: '/',
    headers: {
      host: `elasticloadbalancing.${scope.region}.amazonaws.com`,
      authorization: unsignedAuthorization(scope, 'elasticloadbalancing'),
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body: Buffer.from(new URLSearchParams({ Version: version, ...params }).toString()),
  });
  return answerOf(response.status, response.body.toString('utf8'));
}

export async function ec2Call(moto: MotoClient, scope: CallerScope, params: Record<string, string>): Promise<XmlElement> {
  const answer = await moto.ec2(scope, params);
  return answerOf(answer.status, answer.body);
}

/** `Prefix.member.1`, `Prefix.member.2`, … as the query protocol lists values. */
export function members(prefix: string, values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [`${prefix}.member.${i + 1}`, v]));
}

export function tagMembers(prefix: string, tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  Object.entries(tags).forEach(([k, v], i) => {
    out[`${prefix}.member.${i + 1}.Key`] = k;
    out[`${prefix}.member.${i + 1}.Value`] = v;
  });
  return out;
}

export interface SubnetTags {
  id: string;
  zone: string;
  tags: Record<string, string>;
}

export async function vpcSubnets(moto: MotoClient, scope: CallerScope, vpcId: string): Promise<SubnetTags[]> {
  const root = await ec2Call(moto, scope, { Action: 'DescribeSubnets', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId });
  return items(root, 'subnetSet').map((s) => ({
    id: childText(s, 'subnetId'),
    zone: childText(s, 'availabilityZone'),
    tags: Object.fromEntries(items(s, 'tagSet').map((t) => [childText(t, 'key'), childText(t, 'value')])),
  }));
}

/** The text at a path of child element names, '' when absent. */
export function textAt(root: XmlElement, path: string[]): string {
  let node: XmlElement | undefined = root;
  for (const name of path.slice(0, -1)) node = child(node, name);
  return childText(node, path[path.length - 1]!);
}
