import { createHash } from 'node:crypto';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  type Role,
} from '@aws-sdk/client-iam';
import { text } from '../text.js';
import type { LedgerEntry } from '../state/ledger.js';
import { cliCommand } from './cli-command.js';
import { ensureNamed } from './ensure.js';
import { isOurs, tutorTags } from './tags.js';
import type { Check, PlannedCall, StepContext } from './types.js';

export const POLICY_ARN_PREFIX = 'arn:aws:iam::aws:policy/';

export interface RoleSpec {
  key: string;
  step: LedgerEntry['step'];
  name: string;
  /** The service allowed to assume the role. */
  service: 'eks.amazonaws.com' | 'ec2.amazonaws.com';
  policies: string[];
}

/** IAM role names are at most 64 characters; a long cluster name is shortened with a hash. */
export function roleName(clusterName: string, suffix: string): string {
  const full = `${clusterName}-${suffix}`;
  if (full.length <= 64) return full;
  const hash = createHash('sha256').update(clusterName).digest('hex').slice(0, 6);
  return `${clusterName.slice(0, 64 - suffix.length - 8)}-${hash}-${suffix}`;
}

export function trustPolicy(service: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
}

function createRoleInput(spec: RoleSpec, clusterName: string) {
  return {
    RoleName: spec.name,
    AssumeRolePolicyDocument: trustPolicy(spec.service),
    Description: `${spec.service === 'eks.amazonaws.com' ? 'Cluster' : 'Node'} role of the EKS cluster ${clusterName}, made by eks-basics-tutor`,
    Tags: tutorTags(clusterName, spec.key, spec.name),
  };
}

export function planRole(spec: RoleSpec, clusterName: string, region: string): PlannedCall[] {
  const create = createRoleInput(spec, clusterName);
  return [
    { service: 'iam', action: 'CreateRole', input: create, cli: cliCommand('iam', 'CreateRole', create, region) },
    ...spec.policies.map((policy): PlannedCall => {
      const input = { RoleName: spec.name, PolicyArn: POLICY_ARN_PREFIX + policy };
      return { service: 'iam', action: 'AttachRolePolicy', input, cli: cliCommand('iam', 'AttachRolePolicy', input, region) };
    }),
  ];
}

async function getRole(ctx: StepContext, name: string): Promise<Role | undefined> {
  try {
    return (await ctx.clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (error) {
    if (error instanceof NoSuchEntityException || (error as { name?: string }).name === 'NoSuchEntity') return undefined;
    throw error;
  }
}

/** Creates the role and attaches its policies, or adopts the role this tutor made before. */
export async function ensureRole(ctx: StepContext, spec: RoleSpec): Promise<string> {
  const clusterName = ctx.config.clusterName;
  const arn = await ensureNamed<Role>(ctx, {
    key: spec.key,
    kind: 'iam-role',
    step: spec.step,
    name: spec.name,
    label: text('An IAM role', 'IAM ロール'),
    describe: () => getRole(ctx, spec.name),
    tags: (role) => role.Tags,
    id: (role) => role.Arn ?? '',
    details: { name: spec.name },
    create: async () => (await ctx.clients.iam.send(new CreateRoleCommand(createRoleInput(spec, clusterName)))).Role?.Arn ?? '',
    nameInUse: (error) => /^EntityAlreadyExists(Exception)?$/.test((error as { name?: string }).name ?? ''),
  });
  for (const policy of spec.policies) {
    const key = `${spec.key}/policy/${policy}`;
    if (ctx.ledger.get(key)?.state === 'created') continue;
    await ctx.ledger.intend(key, 'policy-attachment', spec.step, { role: spec.name });
    await ctx.clients.iam.send(new AttachRolePolicyCommand({ RoleName: spec.name, PolicyArn: POLICY_ARN_PREFIX + policy }));
    await ctx.ledger.created(key, POLICY_ARN_PREFIX + policy, { role: spec.name });
    ctx.emit({ type: 'resource', key, kind: 'policy-attachment', id: policy, change: 'created' });
  }
  return arn;
}

export async function verifyRole(ctx: StepContext, spec: RoleSpec): Promise<Check[]> {
  const role = await getRole(ctx, spec.name);
  const checks: Check[] = [
    {
      id: `${spec.key}:exists`,
      ok: Boolean(role),
      label: text(`The role ${spec.name} exists`, `ロール ${spec.name} が存在する`),
      ...(role?.Arn ? { detail: role.Arn } : {}),
    },
  ];
  if (!role) return checks;
  const document = decodeURIComponent(role.AssumeRolePolicyDocument ?? '');
  let trusts = false;
  try {
    const parsed = JSON.parse(document) as {
      Statement?: { Effect?: string; Principal?: { Service?: string | string[] }; Action?: string | string[] }[];
    };
    trusts = (parsed.Statement ?? []).some((s) => {
      const services = ([] as string[]).concat(s.Principal?.Service ?? []);
      const actions = ([] as string[]).concat(s.Action ?? []);
      return s.Effect === 'Allow' && services.includes(spec.service) && actions.includes('sts:AssumeRole');
    });
  } catch {
    // A trust policy that is not JSON trusts no one: `trusts` stays false.
  }
  checks.push({
    id: `${spec.key}:trust`,
    ok: trusts,
    label: text(`It trusts ${spec.service} to assume it`, `${spec.service} が引き受けられる信頼ポリシーがある`),
  });
  const attached = await ctx.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: spec.name }));
  const names = (attached.AttachedPolicies ?? []).map((p) => p.PolicyName ?? '');
  for (const policy of spec.policies) {
    checks.push({
      id: `${spec.key}:policy:${policy}`,
      ok: names.includes(policy),
      label: text(`${policy} is attached`, `${policy} がアタッチされている`),
    });
  }
  checks.push({
    id: `${spec.key}:tagged`,
    ok: isOurs(role.Tags, ctx.config.clusterName),
    label: text('It carries the tutor’s tag', 'チューターのタグが付いている'),
  });
  return checks;
}

/** Detaches the managed policies and deletes the role, only when its tag says it is ours. */
export async function destroyRole(ctx: StepContext, key: string, name: string): Promise<'deleted' | 'absent' | 'not-ours'> {
  const role = await getRole(ctx, name);
  if (!role) {
    await markDeleted(ctx, key);
    return 'absent';
  }
  if (!isOurs(role.Tags, ctx.config.clusterName)) return 'not-ours';
  const attached = await ctx.clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
  for (const policy of attached.AttachedPolicies ?? []) {
    await ctx.clients.iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: policy.PolicyArn }));
    await ctx.ledger.deleted(`${key}/policy/${policy.PolicyName}`);
  }
  await ctx.clients.iam.send(new DeleteRoleCommand({ RoleName: name }));
  await markDeleted(ctx, key);
  return 'deleted';
}

async function markDeleted(ctx: StepContext, key: string): Promise<void> {
  for (const entry of ctx.ledger.live) {
    if (entry.key === key || entry.key.startsWith(`${key}/`)) await ctx.ledger.deleted(entry.key);
  }
}
