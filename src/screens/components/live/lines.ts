import { text, type Lang } from '../../../text.js';
import { authPath, vpcDiagram } from '../../state/diagrams.js';
import type { LiveView } from '../../services/types.js';
import { wrapWords } from '../../format.js';
import type { Line, Seg } from '../Lines.js';

const cut = (value: string, width: number) => (value.length > width ? `${value.slice(0, Math.max(0, width - 1))}…` : value);

/** The two policies side by side (stacked when narrow), the actions the lesson talks about first and marked ★. */
function policies(view: Extract<LiveView, { kind: 'policies' }>, width: number): Line[] {
  const lines: Line[] = [
    [
      {
        text: text(
          '★ = what the lesson talks about: ENIs in your VPC, load balancers, scaling, logs',
          '★ = レッスンで扱うもの: VPC 内の ENI、ロードバランサー、スケーリング、ログ',
        ),
        tone: 'muted',
      },
    ],
  ];
  const columns = view.policies.map((policy) => [
    [{ text: `${policy.name} (${policy.version}, ${policy.actions.length})`, bold: true }] as Seg[],
    ...policy.actions.map((a): Seg[] => [
      { text: `${a.important ? '★' : ' '} ${a.action}`, ...(a.important ? { tone: 'important' as const } : { tone: 'muted' as const }) },
    ]),
  ]);
  if (width >= 70 && columns.length === 2) {
    const half = Math.floor((width - 2) / 2);
    const [left, right] = columns as [Seg[][], Seg[][]];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i]?.[0];
      const r = right[i]?.[0];
      const lText = l ? cut(String(l.text), half) : '';
      lines.push([
        { text: lText.padEnd(half + 2), ...(l?.tone ? { tone: l.tone } : {}), ...(l?.bold ? { bold: true } : {}) },
        ...(r ? [{ ...r, text: cut(String(r.text), half) }] : []),
      ]);
    }
    return lines;
  }
  for (const column of columns) lines.push(...column, '');
  return lines;
}

function vpc(view: Extract<LiveView, { kind: 'vpc' }>): Line[] {
  const lines: Line[] = [
    [
      { text: 'VPC ', bold: true },
      { text: `${view.vpc?.id ?? '?'} ${view.vpc?.cidr ?? ''}` },
      ...(view.igw ? [{ text: '   IGW ', bold: true }, { text: view.igw }] : []),
    ],
  ];
  for (const s of view.subnets) {
    lines.push([
      { text: s.tier.padEnd(8), tone: s.tier === 'public' ? 'accent' : 'code' },
      { text: `${s.az.padEnd(16)}${s.id.padEnd(26)}${s.cidr}` },
    ]);
    const tags = s.tags.filter(([key]) => key !== 'Name');
    if (tags.length) lines.push([{ text: `        ${tags.map(([k, v]) => `${k}=${v}`).join('  ')}`, tone: 'important' }]);
  }
  for (const n of view.nats)
    lines.push([{ text: 'NAT ', bold: true }, { text: `${n.id} ${n.state}` }, { text: `  (${n.subnet})`, tone: 'muted' }]);
  return lines;
}

function cluster(view: Extract<LiveView, { kind: 'cluster' }>): Line[] {
  const pad = Math.max(...view.fields.map(([key]) => key.length)) + 2;
  return view.fields.map(([key, value]) => [{ text: `${key}:`.padEnd(pad), tone: 'muted' }, { text: value }]);
}

function kubeconfig(view: Extract<LiveView, { kind: 'kubeconfig' }>): Line[] {
  return [
    [
      { text: '# ', tone: 'muted' },
      { text: view.path, tone: 'muted' },
    ],
    ...view.lines.map((line): Line => [{ text: line, tone: 'code' }]),
  ];
}

function token(view: Extract<LiveView, { kind: 'token' }>, width: number): Line[] {
  const lines: Line[] = [
    [{ text: `$ ${view.command}`, tone: 'code' }],
    [
      {
        text: text(
          'token = "k8s-aws-v1." + base64url of this presigned STS URL:',
          'token = "k8s-aws-v1." + 次の署名付き STS URL を base64url にしたもの:',
        ),
        tone: 'muted',
      },
    ],
    [{ text: `${view.url}?`, bold: true }],
  ];
  for (const [name, value] of view.params) {
    const elided = value.includes('elided');
    for (const [i, piece] of wrapWords(`${name}=${value}`, Math.max(20, width - 4)).entries()) {
      lines.push([
        {
          text: `${i === 0 ? '  ' : '    '}${piece}`,
          ...(elided
            ? { tone: 'muted' as const }
            : name === 'x-k8s-aws-id' || name === 'X-Amz-SignedHeaders'
              ? { tone: 'important' as const }
              : {}),
        },
      ]);
    }
  }
  if (view.expires) lines.push([{ text: text(`expires ${view.expires}`, `有効期限 ${view.expires}`), tone: 'muted' }]);
  return lines;
}

function nodes(view: Extract<LiveView, { kind: 'nodes' }>): Line[] {
  return [
    [{ text: `$ ${view.command}`, tone: 'code' }],
    ...view.output.split('\n').map((line): Line => [{ text: line, ...(/\bReady\b/.test(line) ? { tone: 'ok' as const } : {}) }]),
  ];
}

/** What a live page shows, as lines the page can window and scroll. */
export function liveLines(view: LiveView, width: number, lang: Lang = 'en'): Line[] {
  switch (view.kind) {
    case 'policies':
      return policies(view, width);
    case 'vpc':
      return vpc(view);
    case 'cluster':
      return cluster(view);
    case 'kubeconfig':
      return kubeconfig(view);
    case 'token':
      return token(view, width);
    case 'nodes':
      return nodes(view);
    case 'vpc-diagram':
      return vpcDiagram(view.shape, lang, width).map((line): Line => [{ text: line, tone: 'code' }]);
    case 'auth-path':
      return authPath(view.shape, lang, width).map((line): Line => [{ text: line, tone: 'code' }]);
    case 'unavailable':
      return [[{ text: view.reason, tone: 'muted' }]];
  }
}
