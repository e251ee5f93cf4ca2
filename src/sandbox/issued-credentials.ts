import { callerPrincipal } from './eks-access.js';
import type { EksView } from './eks-view.js';
import { ec2Params } from './ec2-handlers.js';
import type { Handler, ProxyAnswer, ProxyRequest } from './proxy-types.js';
import { forward } from './proxy-types.js';
import type { IssuedCredentialMemo } from './timeline.js';
import { childText, parseXml, type XmlElement } from './xml.js';

/**
 * The credentials the sandbox hands out besides its own keys: STS AssumeRole
 * sessions and IAM CreateAccessKey keys, answered by moto and remembered here
 * (key id, secret, session token, principal), so the Kubernetes API can check
 * a token signed with them and know whose it is. They are moto's dummies,
 * never a learner's real keys.
 */

function find(node: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!node) return undefined;
  if (node.name === name) return node;
  for (const child of node.children) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return undefined;
}

/** moto's XML answer, or undefined when it cannot be read. */
function parsed(xml: string): XmlElement | undefined {
  try {
    return parseXml(xml);
  } catch {
    return undefined;
  }
}

/** An assumed-role session's IAM principal, as access entries name it: the role. */
export function principalOfArn(arn: string): string {
  const session = /^arn:aws:sts::(\d+):assumed-role\/([^/]+)\/[^/]+$/.exec(arn);
  return session ? `arn:aws:iam::${session[1]}:role/${session[2]}` : arn;
}

/** What an AssumeRole answer issued, or undefined when it is not one. */
export function assumedCredentials(xml: string, at: number): IssuedCredentialMemo | undefined {
  const root = parsed(xml);
  if (!root) return undefined;
  const credentials = find(root, 'Credentials');
  const user = find(root, 'AssumedRoleUser');
  const accessKeyId = childText(credentials, 'AccessKeyId');
  const secretAccessKey = childText(credentials, 'SecretAccessKey');
  const arn = childText(user, 'Arn');
  if (!accessKeyId || !secretAccessKey || !arn) return undefined;
  const sessionToken = childText(credentials, 'SessionToken');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), arn, principalArn: principalOfArn(arn), issuedAt: at };
}

/** What a CreateAccessKey answer issued, with the user's ARN in the caller's account. */
export function createdAccessKey(xml: string, account: string, at: number): IssuedCredentialMemo | undefined {
  const root = parsed(xml);
  if (!root) return undefined;
  const key = find(root, 'AccessKey');
  const accessKeyId = childText(key, 'AccessKeyId');
  const secretAccessKey = childText(key, 'SecretAccessKey');
  const userName = childText(key, 'UserName');
  if (!accessKeyId || !secretAccessKey || !userName) return undefined;
  const arn = `arn:aws:iam::${account}:user/${userName}`;
  return { accessKeyId, secretAccessKey, arn, principalArn: arn, issuedAt: at };
}

/** IAM CreateAccessKey: sent to moto, and the key it made remembered. */
export async function rememberAccessKey(view: EksView, request: ProxyRequest): Promise<ProxyAnswer> {
  const answer = await forward(view.moto, request);
  if (answer.status !== 200) return answer;
  const caller = await callerPrincipal(view, request.scope);
  const account = caller.split(':')[4] || '123456789012';
  const issued = createdAccessKey(answer.body.toString('utf8'), account, view.timeline.now());
  if (issued) view.memory.issue(issued);
  return answer;
}

/** STS (Query protocol): AssumeRole goes to moto and the session it issued is remembered; everything else passes. */
export function stsHandler(view: EksView): Handler {
  return async (request) => {
    if (ec2Params(request).get('Action') !== 'AssumeRole') return undefined;
    const answer = await forward(view.moto, request);
    if (answer.status !== 200) return answer;
    const issued = assumedCredentials(answer.body.toString('utf8'), view.timeline.now());
    if (issued) view.memory.issue(issued);
    return answer;
  };
}
