import { isAbsolute, resolve } from 'node:path';
import { partition } from '@aws-sdk/core/client';
import envPaths from 'env-paths';
import { DEFAULT_CLUSTER_NAME, DEFAULT_TIME_SCALE, type Mode, type NatMode, type RegistryPolicy, type TutorConfig } from './config.js';
import { badInput } from './errors.js';
import { parseCidr } from './aws/network.js';
import { amiTypeFor } from './aws/steps/ami-types.js';
import { detectLang, text, type Lang } from './text.js';

/** Options as the argument parser hands them over: strings and booleans, unchecked. */
export interface RawOptions {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  dryRun?: boolean;
  sandbox?: boolean;
  clusterName?: string;
  kubernetesVersion?: string;
  vpcCidr?: string;
  azs?: string;
  nat?: string;
  nodes?: string;
  instanceType?: string;
  registryPolicy?: string;
  logging?: boolean;
  stateDir?: string;
  yes?: boolean;
  lang?: string;
  timeScale?: string;
  kubectl?: boolean;
  presenter?: boolean;
  plain?: boolean;
  debug?: boolean;
}

/**
 * A region of the commercial partition, as the SDK's own partition data lists
 * them (a region AWS opens reaches the tutor with the next SDK release).
 */
export function isKnownRegion(value: string): boolean {
  if (!/^[a-z]{2}-[a-z]+-\d+$/.test(value)) return false;
  const found = partition(value) as { name?: string; description?: string };
  return found.name === 'aws' && found.description !== undefined;
}

const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;
const VERSION = /^1\.\d{2}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\d[a-z0-9-]*\.(nano|micro|small|medium|large|metal|\d{0,2}xlarge)$/;
const PRIVATE_RANGES: [string, number][] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
];

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw badInput(
    text(
      `--${option} "${value}" is not allowed: use one of ${allowed.join(', ')}.`,
      `--${option} に「${value}」は指定できません。${allowed.join('、')} のいずれかを指定してください。`,
    ),
  );
}

function integer(option: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw badInput(
      text(
        `--${option} "${value}" is not allowed: use a whole number from ${min} to ${max}.`,
        `--${option} に「${value}」は指定できません。${min} から ${max} までの整数を指定してください。`,
      ),
    );
  }
  return Number(value);
}

export function validateCidr(value: string): string {
  const parsed = parseCidr(value);
  const inPrivate =
    parsed &&
    PRIVATE_RANGES.some(([base, prefix]) => {
      const range = parseCidr(`${base}/${prefix}`)!;
      const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
      return parsed.prefix >= prefix && (parsed.base & mask) >>> 0 === range.base;
    });
  const aligned = parsed && (parsed.base & ((1 << (32 - parsed.prefix)) - 1)) >>> 0 === 0;
  if (!parsed || !inPrivate || parsed.prefix < 16 || parsed.prefix > 24 || !aligned) {
    throw badInput(
      text(
        `--vpc-cidr "${value}" is not allowed: use a private IPv4 range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) from /16 to /24, such as 192.168.0.0/16.`,
        `--vpc-cidr に「${value}」は指定できません。/16 から /24 までのプライベート IPv4 範囲(10.0.0.0/8・172.16.0.0/12・192.168.0.0/16 の中。例: 192.168.0.0/16)を指定してください。`,
      ),
    );
  }
  return value;
}

/** Addresses a node takes from its subnet at start with the VPC CNI's defaults (its ENI and one warm ENI), roughly. */
const ADDRESSES_PER_NODE = 12;
/** What EKS asks to stay free in each cluster subnet for its own network interfaces. */
const EKS_FREE_ADDRESSES = 6;

/** Each subnet is an eighth of the VPC range (network.ts): refuse a range whose subnets cannot hold the nodes. */
export function checkSubnetRoom(vpcCidr: string, azs: number, nodes: number): void {
  const prefix = parseCidr(vpcCidr)!.prefix + 3;
  const usable = 2 ** (32 - prefix) - 5;
  const needed = EKS_FREE_ADDRESSES + Math.ceil(nodes / azs) * ADDRESSES_PER_NODE;
  if (usable >= needed) return;
  throw badInput(
    text(
      `--vpc-cidr ${vpcCidr} is too small: each subnet (/${prefix}) has ${usable} usable addresses, and ${nodes} nodes in ${azs} zones need about ${needed} (about ${ADDRESSES_PER_NODE} a node for the VPC CNI, ${EKS_FREE_ADDRESSES} for EKS). Use a larger range, such as /16, or fewer --nodes.`,
      `--vpc-cidr ${vpcCidr} は小さすぎます。各サブネット(/${prefix})で使えるアドレスは ${usable} 個で、${azs} ゾーンに ${nodes} ノードを置くには約 ${needed} 個必要です(VPC CNI にノードあたり約 ${ADDRESSES_PER_NODE} 個、EKS に ${EKS_FREE_ADDRESSES} 個)。/16 などの広い範囲にするか、--nodes を減らしてください。`,
    ),
  );
}

export function validateClusterName(value: string): string {
  if (!CLUSTER_NAME.test(value)) {
    throw badInput(
      text(
        `--cluster-name "${value}" is not allowed: use 1-100 characters, starting with a letter or digit, then letters, digits, "-" or "_".`,
        `--cluster-name に「${value}」は指定できません。英数字で始まり、英数字・「-」・「_」からなる 1〜100 文字にしてください。`,
      ),
    );
  }
  return value;
}

export function validateRegion(value: string): string {
  if (!isKnownRegion(value)) {
    throw badInput(
      text(
        `--region "${value}" is not a known AWS region: use one such as us-east-1 or ap-northeast-1.`,
        `--region の「${value}」は既知の AWS リージョンではありません。us-east-1 や ap-northeast-1 などを指定してください。`,
      ),
    );
  }
  return value;
}

function timeScale(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_SCALE;
  const fraction = /^(\d+)\/(\d+)$/.exec(value);
  const number = fraction ? Number(fraction[1]) / Number(fraction[2]) : /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw badInput(
      text(
        `--time-scale "${value}" is not allowed: use a number from 0 to 1, such as 0, 1/60 or 1.`,
        `--time-scale に「${value}」は指定できません。0 から 1 までの数(0、1/60、1 など)を指定してください。`,
      ),
    );
  }
  return number;
}

/** --plain, or a screen reader announced by INK_SCREEN_READER (Ink's own switch): numbered menus, no boxes, no animation. */
function plainMode(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  const value = env.INK_SCREEN_READER;
  if (flag === true || value === undefined || value === '') return flag === true;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw badInput(
    text(
      `INK_SCREEN_READER "${value}" is not allowed: use true or false (or leave it unset).`,
      `INK_SCREEN_READER に「${value}」は指定できません。true か false を指定してください(未設定でもかまいません)。`,
    ),
  );
}

function endpoint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/$/, '');
  } catch {
    // explained below
  }
  throw badInput(
    text(
      `--endpoint-url "${value}" is not allowed: use an http:// or https:// URL.`,
      `--endpoint-url に「${value}」は指定できません。http:// か https:// の URL を指定してください。`,
    ),
  );
}

/**
 * Checks every option before anything is sent, and turns them into the config.
 * Bad input throws a BAD_INPUT TutorError naming the option and what is allowed.
 */
export function resolveConfig(raw: RawOptions, env: NodeJS.ProcessEnv = process.env): TutorConfig {
  const lang: Lang = raw.lang === undefined ? detectLang(env) : oneOf('lang', raw.lang, ['en', 'ja'] as const, 'en');
  if (raw.sandbox && raw.dryRun) {
    throw badInput(
      text(
        '--sandbox and --dry-run cannot be used together: choose one.',
        '--sandbox と --dry-run は同時に指定できません。どちらか一方にしてください。',
      ),
    );
  }
  const mode: Mode = raw.sandbox ? 'sandbox' : raw.dryRun ? 'dry-run' : 'real';
  const clusterName = validateClusterName(raw.clusterName ?? DEFAULT_CLUSTER_NAME);
  const region = raw.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region !== undefined) validateRegion(region);
  if (raw.kubernetesVersion !== undefined && !VERSION.test(raw.kubernetesVersion)) {
    throw badInput(
      text(
        `--kubernetes-version "${raw.kubernetesVersion}" is not allowed: use a minor version such as 1.33.`,
        `--kubernetes-version に「${raw.kubernetesVersion}」は指定できません。1.33 のようなマイナーバージョンを指定してください。`,
      ),
    );
  }
  if (raw.instanceType !== undefined && !INSTANCE_TYPE.test(raw.instanceType)) {
    throw badInput(
      text(
        `--instance-type "${raw.instanceType}" is not an EC2 instance type: use one such as t3.medium.`,
        `--instance-type の「${raw.instanceType}」は EC2 インスタンスタイプではありません。t3.medium などを指定してください。`,
      ),
    );
  }
  if (raw.profile !== undefined && !/^[\w.@+=,-]{1,128}$/.test(raw.profile)) {
    throw badInput(
      text(
        `--profile "${raw.profile}" is not a profile name: use letters, digits and - _ . only.`,
        `--profile の「${raw.profile}」はプロファイル名として使えません。英数字と - _ . だけを使ってください。`,
      ),
    );
  }
  const endpointUrl = endpoint(raw.endpointUrl ?? (mode === 'real' ? env.AWS_ENDPOINT_URL : undefined));
  const stateDir = raw.stateDir ?? env.EKS_BASICS_TUTOR_STATE_DIR ?? envPaths('eks-basics-tutor', { suffix: '' }).data;
  const azs = integer('azs', raw.azs, 2, 3, 2) as 2 | 3;
  const nat: NatMode = oneOf('nat', raw.nat, ['single', 'ha', 'none'] as const, 'single');
  const registryPolicy: RegistryPolicy = oneOf('registry-policy', raw.registryPolicy, ['pullonly', 'readonly'] as const, 'pullonly');
  const instanceType = raw.instanceType ?? 't3.medium';
  const ami = amiTypeFor(instanceType);
  if (!ami.ok) {
    throw badInput(
      text(
        `--instance-type ${instanceType} is not allowed: ${ami.why.en}. Use an x86-64, Graviton or NVIDIA type such as t3.medium, t4g.medium or g5.xlarge.`,
        `--instance-type ${instanceType} は指定できません: ${ami.why.ja}。t3.medium・t4g.medium・g5.xlarge などの x86-64・Graviton・NVIDIA のタイプを指定してください。`,
      ),
    );
  }
  const vpcCidr = validateCidr(raw.vpcCidr ?? '192.168.0.0/16');
  const nodes = integer('nodes', raw.nodes, 1, 100, 2);
  checkSubnetRoom(vpcCidr, azs, nodes);
  return {
    mode,
    clusterName,
    region: region ?? (mode === 'real' ? '' : 'us-east-1'),
    ...(raw.profile ? { profile: raw.profile } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
    ...(raw.kubernetesVersion ? { kubernetesVersion: raw.kubernetesVersion } : {}),
    vpcCidr,
    azs,
    nat,
    nodes,
    instanceType,
    registryPolicy,
    logging: raw.logging === true,
    stateDir: isAbsolute(stateDir) ? stateDir : resolve(stateDir),
    yes: raw.yes === true,
    lang,
    ...(raw.lang !== undefined ? { langChosen: true as const } : {}),
    timeScale: timeScale(raw.timeScale),
    kubectl: raw.kubectl !== false,
    presenter: raw.presenter === true,
    ...(plainMode(raw.plain, env) ? { plain: true as const } : {}),
    debug: raw.debug === true,
  };
}
