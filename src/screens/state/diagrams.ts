import type { AuthShape, VpcShape } from '../../aws/live-types.js';
import type { Lang } from '../../text.js';
import { wrapWords } from '../format.js';

export const DIAGRAM_WIDTH = 80;

/** Cuts a value into pieces of at most `width` characters (ids and CIDRs never contain spaces). */
function pieces(value: string, width: number): string[] {
  if (value.length <= width) return [value];
  const out: string[] = [];
  for (let i = 0; i < value.length; i += width) out.push(value.slice(i, i + width));
  return out;
}

/** One AZ's column: a box for the public subnets and one for the private, each line `inner` wide. */
function azColumn(shape: VpcShape, az: string, inner: number): string[] {
  const rows: string[] = [];
  const rule = `+${'-'.repeat(inner + 2)}+`;
  const cell = (value: string) => pieces(value, inner).map((p) => `| ${p.padEnd(inner)} |`);
  // A label and its value on one line when they fit, else the value under its label.
  const pair = (label: string, value: string) =>
    label.length + 1 + value.length <= inner
      ? cell(`${label} ${value}`)
      : [...cell(label), ...cell(`  ${value}`.slice(value.length + 2 > inner ? 2 : 0))];
  const title = `+- ${az} `;
  rows.push(`${title}${'-'.repeat(Math.max(0, inner + 3 - title.length))}+`.slice(0, inner + 4));
  for (const tier of ['public', 'private']) {
    for (const s of shape.subnets.filter((x) => x.az === az && x.tier === tier)) {
      rows.push(...pair(tier, s.cidr), ...cell(s.id));
      for (const [key, value] of s.tags.filter(([k]) => k.startsWith('kubernetes.io/role/')))
        rows.push(...cell(`${key.replace('kubernetes.io/', '')}=${value}`));
      for (const n of shape.nats.filter((x) => x.subnet === s.id)) rows.push(...pair('NAT', `${n.id} (${n.state || '?'})`));
      rows.push(...pair('0.0.0.0/0 ->', s.defaultRoute ?? '(none)'));
      rows.push(rule);
    }
  }
  return rows;
}

/** The VPC: AZs side by side (stacked when they do not fit), subnets with CIDRs and role tags, IGW, NATs and default routes. */
export function vpcDiagram(shape: VpcShape, lang: Lang, width = DIAGRAM_WIDTH): string[] {
  const w = Math.min(width, DIAGRAM_WIDTH);
  const azs = [...new Set(shape.subnets.map((s) => s.az))].sort();
  const lines: string[] = [];
  lines.push(lang === 'ja' ? 'インターネット' : 'Internet');
  lines.push('   |');
  lines.push(...pieces(`   IGW ${shape.igw ?? (lang === 'ja' ? '(まだありません)' : '(none yet)')}`, w));
  lines.push('   |');
  lines.push(...pieces(`VPC ${shape.vpc.id} ${shape.vpc.cidr}`, w));
  // As many AZ columns per row as fit, each at least 24 wide.
  const perRow = Math.max(1, Math.min(azs.length, Math.floor((w + 1) / 25)));
  const inner = Math.floor((w + 1) / perRow) - 5;
  for (let start = 0; start < azs.length; start += perRow) {
    const columns = azs.slice(start, start + perRow).map((az) => azColumn(shape, az, inner));
    const height = Math.max(...columns.map((c) => c.length));
    for (let i = 0; i < height; i++)
      lines.push(
        columns
          .map((c) => (c[i] ?? '').padEnd(inner + 4))
          .join(' ')
          .trimEnd(),
      );
  }
  const legend =
    lang === 'ja'
      ? [
          '0.0.0.0/0 -> : サブネットのルートテーブルが残りの通信を送る先',
          'role/elb: kubernetes.io/role/elb、インターネット向け LB 用',
          'role/internal-elb: 内部 LB 用',
        ]
      : [
          '0.0.0.0/0 -> : where the subnet’s route table sends all other traffic',
          'role/elb: kubernetes.io/role/elb, for internet-facing load balancers',
          'role/internal-elb: for internal load balancers',
        ];
  for (const line of legend) lines.push(...wrapWords(line, w));
  return lines;
}

/** kubectl → exec aws eks get-token → presigned STS URL → EKS API server → access entry → RBAC, with this build's names. */
export function authPath(shape: AuthShape, lang: Lang, width = DIAGRAM_WIDTH): string[] {
  const w = Math.min(width, DIAGRAM_WIDTH);
  const ja = lang === 'ja';
  const user = shape.user ?? (ja ? '(ステップ 4 の後に決まります)' : '(known after step 4)');
  const boxes: [string, string][] = [
    [`kubectl  (user ${user})`, ja ? 'kubeconfig の users[].exec を実行します' : 'runs the users[].exec of the kubeconfig'],
    [
      `aws eks get-token --cluster-name ${shape.cluster} --region ${shape.region}`,
      ja
        ? 'IAM の認証情報で URL に署名します（AWS への通信なし、SSO などを除く）'
        : 'signs a URL with your IAM credentials (no call to AWS, SSO aside)',
    ],
    [
      'STS GetCallerIdentity (presigned URL)',
      ja
        ? `x-k8s-aws-id: ${shape.cluster}。トークン = "k8s-aws-v1." + base64url(URL)`
        : `x-k8s-aws-id: ${shape.cluster}; token = "k8s-aws-v1." + base64url(URL)`,
    ],
    [
      `EKS API server  ${shape.endpoint ?? shape.cluster}`,
      ja
        ? 'URL を STS に送り、IAM プリンシパルの ARN を得ます（401 = 認証失敗）'
        : 'sends the URL to STS and learns the IAM principal ARN (401 = not authenticated)',
    ],
    [
      'access entry',
      ja ? 'その ARN を Kubernetes のユーザー名とグループに対応づけます' : 'maps that ARN to a Kubernetes username and groups',
    ],
    [
      'Kubernetes RBAC',
      ja
        ? 'この操作が許されるかを決めます（403 Forbidden = 認可されていない）'
        : 'decides whether the request is allowed (403 Forbidden = not authorised)',
    ],
  ];
  const lines: string[] = [];
  boxes.forEach(([name, what], i) => {
    const inner = Math.max(10, Math.min(w - 4, Math.max(name.length, 20)));
    const named = pieces(name, inner);
    const rule = `+${'-'.repeat(Math.max(...named.map((n) => n.length)) + 2)}+`;
    lines.push(rule, ...named.map((n) => `| ${n.padEnd(rule.length - 4)} |`), rule);
    if (i < boxes.length - 1) lines.push(...pieces(`   |  ${what}`, w), '   v');
    else lines.push(...pieces(`      ${what}`, w));
  });
  return lines;
}
