import { DescribeAddressesCommand, DescribeAvailabilityZonesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { execa } from 'execa';
import type { TutorConfig } from '../config.js';
import { TutorError } from '../errors.js';
import { text, type Text } from '../text.js';
import { Printer } from './print.js';

export interface Finding {
  ok: boolean;
  label: string;
  /** What was found, or what to do about it. */
  detail: Text;
}

async function version(command: string, args: string[]): Promise<string | undefined> {
  const result = await execa(command, args, { reject: false, timeout: 20_000 });
  if (result.failed && result.exitCode === undefined) return undefined;
  return `${result.stdout}\n${result.stderr}`.trim();
}

/** aws CLI v1 writes v1beta1 tokens from 1.23.9 on; v2 from 2.6.3. */
export function awsCliSupportsV1beta1(versionLine: string): boolean {
  const match = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(versionLine);
  if (!match) return false;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  const at = (a: number, b: number, c: number) => minor > b || (minor === b && patch >= c) || major > a;
  return major === 1 ? at(1, 23, 9) : major === 2 ? at(2, 6, 3) : major > 2;
}

export async function findings(config: TutorConfig): Promise<Finding[]> {
  const out: Finding[] = [];
  const node = process.versions.node;
  out.push({ ok: Number(node.split('.')[0]) >= 20, label: 'Node.js', detail: text(`v${node} (20 or newer needed)`, `v${node}(20 以上が必要)`) });

  const kubectl = await version('kubectl', ['version', '--client', '-o', 'json']).catch(() => undefined);
  const kubectlVersion = kubectl ? /"gitVersion":\s*"([^"]+)"/.exec(kubectl)?.[1] : undefined;
  out.push(
    kubectl
      ? { ok: true, label: 'kubectl', detail: text(kubectlVersion ?? 'found', kubectlVersion ?? 'あり') }
      : { ok: false, label: 'kubectl', detail: text('not found: install it from https://kubernetes.io/docs/tasks/tools/ (steps 4 and 5 use it)', '見つかりません: https://kubernetes.io/docs/tasks/tools/ からインストールしてください(ステップ 4 と 5 で使います)') },
  );
  const aws = await version('aws', ['--version']).catch(() => undefined);
  const awsLine = aws?.split('\n')[0] ?? '';
  out.push(
    !aws
      ? { ok: false, label: 'aws CLI', detail: text('not found: install the AWS CLI; kubectl runs `aws eks get-token` for every call', '見つかりません: AWS CLI をインストールしてください。kubectl は毎回 `aws eks get-token` を実行します') }
      : awsCliSupportsV1beta1(awsLine)
        ? { ok: true, label: 'aws CLI', detail: text(awsLine, awsLine) }
        : { ok: false, label: 'aws CLI', detail: text(`${awsLine}: too old for v1beta1 tokens; update to 1.23.9+ or 2.6.3+`, `${awsLine}: v1beta1 のトークンには古すぎます。1.23.9 以上か 2.6.3 以上に更新してください`) },
  );

  if (config.mode === 'dry-run') return out;
  const { openSession } = await import('../session.js');
  let session;
  try {
    session = await openSession(config, { lock: false, identify: true });
  } catch (error) {
    out.push({ ok: false, label: config.lang === 'ja' ? '認証情報' : 'Credentials', detail: error instanceof TutorError ? error.text : text(String(error), String(error)) });
    return out;
  }
  try {
    const { ec2 } = session.engine.clients;
    if (session.sandbox) out.push({ ok: true, label: 'Sandbox', detail: text(`moto at ${session.sandbox.motoUrl}`, `moto: ${session.sandbox.motoUrl}`) });
    else out.push({ ok: true, label: config.lang === 'ja' ? '認証情報' : 'Credentials', detail: text(`account ${session.identity?.account} as ${session.identity?.arn}`, `アカウント ${session.identity?.account}(${session.identity?.arn})`) });
    const zones = await ec2.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }));
    const names = (zones.AvailabilityZones ?? []).map((z) => z.ZoneName).join(', ');
    out.push({ ok: (zones.AvailabilityZones?.length ?? 0) >= 2, label: config.lang === 'ja' ? 'リージョン' : 'Region', detail: text(`${session.config.region}: ${names}`, `${session.config.region}: ${names}`) });
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
    out.push({
      ok: vpcs < 5,
      label: 'VPCs',
      detail: text(`${vpcs} of the default quota of 5 per region in use`, `リージョンあたりの既定クォータ 5 のうち ${vpcs} 個を使用中`),
    });
    const eips = (await ec2.send(new DescribeAddressesCommand({}))).Addresses?.length ?? 0;
    const needed = config.nat === 'ha' ? config.azs : config.nat === 'single' ? 1 : 0;
    out.push({
      ok: eips + needed <= 5,
      label: 'Elastic IPs',
      detail: text(`${eips} of the default quota of 5 in use; this build needs ${needed}`, `既定クォータ 5 のうち ${eips} 個を使用中。今回の構築で ${needed} 個必要`),
    });
  } finally {
    await session.close();
  }
  return out;
}

export async function doctor(config: TutorConfig): Promise<number> {
  const printer = new Printer(config);
  const list = await findings(config);
  for (const f of list) printer.line(`${f.ok ? '✓' : '✗'} ${f.label}: ${f.detail[config.lang]}`);
  return list.every((f) => f.ok) ? 0 : 1;
}
