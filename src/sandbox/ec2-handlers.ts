import { patchInterfaces } from './cluster-interfaces.js';
import { checkToken, fingerprint, rememberToken } from './client-tokens.js';
import { DEPENDENCY_RULES } from './dependency-rules.js';
import { CREATED_ID, DESCRIBED_SET, Ec2Consistency } from './ec2-consistency.js';
import type { EksView } from './eks-view.js';
import type { NatGatewayClock } from './nat-gateways.js';
import { ec2Error, xmlAnswer, type Handler, type ProxyAnswer, type ProxyRequest } from './proxy-types.js';
import { child, childText, items, parseXml, xmlDocument } from './xml.js';

/** The query parameters of an EC2 call, from the form body (POST) or the URL (GET). */
export function ec2Params(request: ProxyRequest): URLSearchParams {
  return request.method === 'POST' ? new URLSearchParams(request.body.toString('utf8')) : new URLSearchParams(request.url.search);
}

/**
 * Takes the `state` filters out of DescribeNatGateways (moto would match them
 * against its own instant states) and renumbers the other filters, which moto
 * reads as Filter.1, Filter.2, … until the first gap.
 */
export function splitStateFilter(params: URLSearchParams): { forwarded: Record<string, string>; states: string[] | undefined } {
  const filters = new Map<string, { name: string; values: string[] }>();
  const forwarded: Record<string, string> = {};
  for (const [key, value] of params) {
    const match = /^Filter\.(\d+)\.(Name|Value\.\d+)$/.exec(key);
    if (!match) {
      forwarded[key] = value;
      continue;
    }
    const filter = filters.get(match[1]!) ?? { name: '', values: [] };
    if (match[2] === 'Name') filter.name = value;
    else filter.values.push(value);
    filters.set(match[1]!, filter);
  }
  let states: string[] | undefined;
  let n = 0;
  for (const filter of filters.values()) {
    if (filter.name === 'state') {
      states = [...(states ?? []), ...filter.values];
      continue;
    }
    n += 1;
    forwarded[`Filter.${n}.Name`] = filter.name;
    filter.values.forEach((value, i) => {
      forwarded[`Filter.${n}.Value.${i + 1}`] = value;
    });
  }
  return { forwarded, states };
}

/** The EC2 query-protocol actions the sandbox reshapes or guards; all others go to moto unchanged. */
export function ec2Handler(view: EksView, nat: NatGatewayClock): Handler {
  const { moto, behaviours, memory } = view;
  const consistency = new Ec2Consistency(behaviours, memory, view.timeline.now);

  async function createNatGateway(request: ProxyRequest, params: URLSearchParams): Promise<ProxyAnswer> {
    const answer = await moto.ec2(request.scope, Object.fromEntries(params), request.authorization);
    const gateway = child(answer.root, 'natGateway');
    if (answer.status !== 200 || !answer.root || !gateway) return xmlAnswer(answer.status, answer.body);
    nat.sawCreated(request.scope, childText(gateway, 'natGatewayId'));
    consistency.sawCreated(request.scope, 'CreateNatGateway', answer.root);
    nat.patchItem(request.scope.region, gateway);
    return xmlAnswer(200, xmlDocument(answer.root));
  }

  async function deleteNatGateway(request: ProxyRequest, params: URLSearchParams): Promise<ProxyAnswer> {
    const id = params.get('NatGatewayId') ?? '';
    const before = await nat.describe(moto, request.scope, { 'nat-gateway-id': [id] }, request.authorization);
    const answer = await moto.ec2(request.scope, Object.fromEntries(params), request.authorization);
    if (answer.status === 200 && before[0]) {
      nat.sawDeleted(request.scope, id, before[0].addresses.map((a) => a.associationId).filter(Boolean));
    }
    return xmlAnswer(answer.status, answer.body);
  }

  async function describeNatGateways(request: ProxyRequest, params: URLSearchParams): Promise<ProxyAnswer> {
    const { forwarded, states } = splitStateFilter(params);
    const answer = await moto.ec2(request.scope, forwarded, request.authorization);
    const set = child(answer.root, 'natGatewaySet');
    if (answer.status !== 200 || !answer.root || !set) return xmlAnswer(answer.status, answer.body);
    set.children = items(answer.root, 'natGatewaySet').filter((item) => {
      const state = nat.patchItem(request.scope.region, item);
      return states === undefined || states.includes(state);
    });
    consistency.omitFresh(request.scope, 'DescribeNatGateways', params, answer.root);
    return xmlAnswer(200, xmlDocument(answer.root));
  }

  /** A create (or a filtered Describe) sent on by the sandbox, so it can note the new id or leave a new resource out. */
  async function passOn(request: ProxyRequest, action: string, params: URLSearchParams): Promise<ProxyAnswer> {
    const answer = await moto.ec2(request.scope, Object.fromEntries(params), request.authorization);
    if (answer.status !== 200) return xmlAnswer(answer.status, answer.body);
    consistency.sawCreated(request.scope, action, answer.root);
    if (consistency.omitFresh(request.scope, action, params, answer.root) && answer.root) return xmlAnswer(200, xmlDocument(answer.root));
    return xmlAnswer(200, answer.body);
  }

  async function guarded(request: ProxyRequest, action: string, params: URLSearchParams): Promise<ProxyAnswer | undefined> {
    if (action === 'CreateNatGateway') return createNatGateway(request, params);
    if (action === 'DeleteNatGateway') return deleteNatGateway(request, params);
    if (action === 'DescribeNatGateways') return describeNatGateways(request, params);
    const rule = DEPENDENCY_RULES[action];
    const refusal = rule ? await rule({ view, nat, scope: request.scope, authorization: request.authorization }, params) : undefined;
    if (refusal) {
      if (refusal.behaviour)
        behaviours.fired(refusal.behaviour, `${action} refused: held by ${refusal.holder}`, refusal.code, refusal.message);
      return ec2Error(refusal.code, refusal.message);
    }
    if (action === 'DescribeNetworkInterfaces') {
      const answer = await moto.ec2(request.scope, Object.fromEntries(params), request.authorization);
      return xmlAnswer(answer.status, patchInterfaces(answer.root) && answer.root ? xmlDocument(answer.root) : answer.body);
    }
    if (CREATED_ID[action] || DESCRIBED_SET[action] || params.has('ClientToken')) return passOn(request, action, params);
    return undefined;
  }

  /** The same ClientToken again: the first answer (a NAT gateway in its state of now), or IdempotentParameterMismatch. */
  function replayed(request: ProxyRequest, action: string, params: URLSearchParams, print: string): ProxyAnswer | undefined {
    const token = checkToken(behaviours, memory, request.scope, action, params.get('ClientToken'), print, 'ec2');
    if (token.kind === 'new') return undefined;
    if (token.kind === 'mismatch') return token.answer;
    const root = parseXml(token.answer);
    const gateway = child(root, 'natGateway');
    if (gateway) nat.patchItem(request.scope.region, gateway);
    return xmlAnswer(200, xmlDocument(root));
  }

  return async (request) => {
    const params = ec2Params(request);
    const action = params.get('Action') ?? '';
    const token = params.get('ClientToken');
    const print = token ? fingerprint(Object.fromEntries(params), 'ClientToken') : '';
    if (token) {
      const again = replayed(request, action, params, print);
      if (again) return again;
    }
    const missed = consistency.before(request.scope, action, params);
    if (missed) return missed;
    const answer = await guarded(request, action, params);
    if (token && answer?.status === 200) rememberToken(memory, request.scope, action, token, print, answer.body.toString('utf8'));
    return answer;
  };
}
