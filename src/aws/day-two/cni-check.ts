import { text } from '../../text.js';
import { describeNodegroup } from '../steps/nodegroup.js';
import type { Check } from '../types.js';
import { check, describeSubnets, inCidr, kubectl, tableRows, type DayTwoContext, type SubnetFacts } from './context.js';

/** The subnet whose range holds the address, if any. */
export function subnetOf(ip: string, subnets: SubnetFacts[]): SubnetFacts | undefined {
  return subnets.find((s) => inCidr(ip, s.cidr));
}

/**
 * The VPC CNI at work: `kubectl get pods -n kube-system -o wide` beside the
 * node subnets' CIDRs. aws-node and kube-proxy run on every node (host
 * network: the node's address); CoreDNS has addresses the CNI took from the
 * node subnets.
 */
export async function checkCni(ctx: DayTwoContext): Promise<Check[]> {
  const group = await describeNodegroup(ctx);
  const subnets = await describeSubnets(ctx, group?.subnets ?? []);
  ctx.emit({
    type: 'note',
    text: text(
      `Node subnets:\n${subnets.map((s) => `  ${s.id}  ${s.cidr}  ${s.zone}`).join('\n')}`,
      `ノードのサブネット:\n${subnets.map((s) => `  ${s.id}  ${s.cidr}  ${s.zone}`).join('\n')}`,
    ),
  });
  const nodes = await kubectl(ctx, ['get', 'nodes', '-o', 'wide']);
  const pods = await kubectl(ctx, ['get', 'pods', '-n', 'kube-system', '-o', 'wide']);
  if (nodes.exitCode !== 0 || pods.exitCode !== 0) {
    return [
      check(
        'cni:kubectl',
        false,
        'kubectl lists the nodes and the kube-system pods',
        'kubectl でノードと kube-system の Pod を一覧できる',
        (pods.stderr || nodes.stderr).trim().split('\n')[0],
      ),
    ];
  }
  const nodeNames = tableRows(nodes.stdout)
    .map((r) => r.NAME ?? '')
    .filter(Boolean);
  const rows = tableRows(pods.stdout);
  const of = (prefix: string) => rows.filter((r) => (r.NAME ?? '').startsWith(`${prefix}-`));
  const beside = rows.map((r) => {
    const subnet = subnetOf(r.IP ?? '', subnets);
    return `  ${(r.NAME ?? '').padEnd(32)} ${(r.IP ?? '').padEnd(16)} ${subnet ? `${subnet.id} ${subnet.cidr}` : '-'}`;
  });
  ctx.emit({
    type: 'note',
    text: text(
      `Pod addresses and the subnet each falls in:\n${beside.join('\n')}`,
      `Pod のアドレスと、それが属するサブネット:\n${beside.join('\n')}`,
    ),
  });
  const checks: Check[] = [];
  for (const daemon of ['aws-node', 'kube-proxy']) {
    const running = of(daemon).filter((r) => r.STATUS === 'Running');
    const on = new Set(running.map((r) => r.NODE));
    const missing = nodeNames.filter((n) => !on.has(n));
    checks.push(
      check(
        `cni:${daemon}`,
        nodeNames.length > 0 && missing.length === 0,
        `${daemon} runs on each node`,
        `${daemon} が各ノードで動いている`,
        missing.length ? `not on ${missing.join(', ')}` : `${running.length} on ${nodeNames.length} nodes`,
      ),
    );
  }
  const coredns = of('coredns');
  const outside = coredns.filter((r) => !subnetOf(r.IP ?? '', subnets));
  checks.push(
    check(
      'cni:coredns-ips',
      coredns.length > 0 && outside.length === 0,
      'CoreDNS pods have addresses inside the node subnets (the VPC CNI gave them)',
      'CoreDNS の Pod のアドレスがノードのサブネット内にある(VPC CNI が割り当てた)',
      coredns.map((r) => `${r.IP} ${subnetOf(r.IP ?? '', subnets)?.cidr ?? 'outside'}`).join(', '),
    ),
  );
  return checks;
}
