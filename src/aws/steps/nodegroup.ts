import { CreateNodegroupCommand, type Nodegroup } from '@aws-sdk/client-eks';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import type { TutorConfig } from '../../config.js';
import { cliCommand } from '../cli-command.js';
import { PRICES, instanceHour } from '../cost.js';
import { ensureRole, planRole, roleName, verifyRole, type RoleSpec } from '../roles.js';
import { ensureNamed } from '../ensure.js';
import { tutorTags, tagMap } from '../tags.js';
import type { Check, PlanContext, Step, StepContext } from '../types.js';
import { EXPECTED, POLL_DELAY, waitFor } from '../wait.js';
import { NOT_LISTED_YET_MS } from '../retry.js';
import { amiTypeFor, type AmiType } from './ami-types.js';
import { clientToken } from '../tokens.js';
import { RECENT_MS, healthReason } from './cluster.js';
import { plannedKubectl, tutorKubectl } from './kubeconfig.js';
import { nodegroupName } from '../resources/eks-nodegroup.js';
import { describeNodegroup, namedNodegroup } from './nodegroup-describe.js';
import { subnetKey } from './vpc-requests.js';
import { withoutSecrets } from '../local-errors.js';

export const NODE_ROLE_KEY = 'role/node';
export const NODEGROUP_KEY = 'nodegroup';
/** The AMI type of x86-64 instance types such as the default t3.medium; see amiTypeFor for the others. */
export const AMI_TYPE = 'AL2023_x86_64_STANDARD' as const;

/** The AMI type for the instance type (options.ts has already refused one with none). */
export function amiTypeOf(instanceType: string): AmiType {
  const choice = amiTypeFor(instanceType);
  return choice.ok ? choice.amiType : AMI_TYPE;
}
export const DISK_SIZE = 20;

/** The node role `prepare` made, per run. */
const preparedRoles = new WeakMap<StepContext, Promise<string>>();

export { nodegroupName };
export { describeNodegroup, describeNodegroupNamed } from './nodegroup-describe.js';

export function nodeRoleSpec(config: TutorConfig): RoleSpec {
  return {
    key: NODE_ROLE_KEY,
    step: 5,
    name: roleName(config.clusterName, 'node-role'),
    service: 'ec2.amazonaws.com',
    policies: [
      'AmazonEKSWorkerNodePolicy',
      'AmazonEKS_CNI_Policy',
      config.registryPolicy === 'readonly' ? 'AmazonEC2ContainerRegistryReadOnly' : 'AmazonEC2ContainerRegistryPullOnly',
    ],
  };
}

/** Nodes go in the private subnets; with --nat none there is no way out from those, so in the public ones. */
export function nodeSubnetTier(config: TutorConfig): 'public' | 'private' {
  return config.nat === 'none' ? 'public' : 'private';
}

export function createNodegroupRequest(ctx: Pick<PlanContext, 'config' | 'ledger' | 'accountId'>, token = '<client-token>') {
  const { config } = ctx;
  const tier = nodeSubnetTier(config);
  const subnets = Array.from({ length: config.azs }, (_, i) => ctx.ledger.get(subnetKey(tier, i))?.id ?? `<subnet-${tier}-${i}>`);
  const spec = nodeRoleSpec(config);
  return {
    clusterName: config.clusterName,
    nodegroupName: nodegroupName(config.clusterName),
    nodeRole: ctx.ledger.get(NODE_ROLE_KEY)?.id ?? `arn:aws:iam::${ctx.accountId ?? '<account-id>'}:role/${spec.name}`,
    subnets,
    scalingConfig: { minSize: 1, maxSize: config.nodes, desiredSize: config.nodes },
    instanceTypes: [config.instanceType],
    amiType: amiTypeOf(config.instanceType),
    diskSize: DISK_SIZE,
    capacityType: 'ON_DEMAND' as const,
    tags: tagMap(tutorTags(config.clusterName, NODEGROUP_KEY, nodegroupName(config.clusterName))),
    clientRequestToken: token,
  };
}

/** kubectl answered `get nodes -o json` with something else (a wrapper's banner, a plugin's note): said with its first line. */
function notJson(stdout: string): TutorError {
  const first = withoutSecrets(stdout.trim().split('\n')[0] ?? '').slice(0, 200);
  return new TutorError(
    'TOOL_FAILED',
    text(
      `\`kubectl get nodes -o json\` printed something that is not JSON${first ? `: ${first}` : ' (nothing at all)'}. Check that the kubectl on PATH is kubectl itself, not a wrapper that adds lines, then run the same command again: it continues where it stopped.`,
      `\`kubectl get nodes -o json\` が JSON ではないものを出力しました${first ? `: ${first}` : '(出力なし)'}。PATH 上の kubectl が kubectl 本体で、行を足すラッパーではないことを確認してから同じコマンドを実行すると、続きから再開します。`,
    ),
  );
}

async function kubectlNodes(ctx: StepContext): Promise<{ ready: string[]; table: string }> {
  const json = await tutorKubectl(ctx, ['get', 'nodes', '-o', 'json']);
  if (json.exitCode !== 0) return { ready: [], table: json.stderr.trim() };
  // Not JSON now is not JSON on the next poll either: said at once rather than waited on for ten minutes as "0 Ready".
  try {
    JSON.parse(json.stdout);
  } catch {
    throw notJson(json.stdout);
  }
  const { readyNodes } = await import('../../kube/kubectl.js');
  return { ready: readyNodes(json.stdout), table: '' };
}

/**
 * The subnets step 2 recorded, which CreateNodegroup is sent with. A ledger
 * without one (edited by hand, or copied from another build) is explained
 * before anything is asked for, rather than sent as a placeholder.
 */
function recordedSubnets(ctx: StepContext): void {
  const tier = nodeSubnetTier(ctx.config);
  for (let i = 0; i < ctx.config.azs; i++) {
    const key = subnetKey(tier, i);
    const entry = ctx.ledger.get(key);
    if (entry?.state === 'created' && entry.id) continue;
    throw new TutorError(
      'LEDGER',
      text(
        `The ledger has no ${key}, the subnet step 2 records and the node group is placed in; the node group was not asked for. Run \`eks-basics-tutor up\` again with the same options: step 2 finds the subnet by its tags (or makes it) and records it, and step 5 continues.`,
        `台帳に ${key}(ステップ 2 が記録し、ノードグループを置くサブネット)がありません。ノードグループはまだ作成を要求していません。同じオプションで \`eks-basics-tutor up\` をもう一度実行すると、ステップ 2 がタグからサブネットを見つけて(なければ作って)記録し、ステップ 5 を続けます。`,
      ),
    );
  }
}

export const nodegroupStep: Step = {
  number: 5,
  id: 'nodegroup',
  // Nodes need the NAT gateways (private subnets) and an ACTIVE control plane.
  needs: [2, 3],
  prepareDuring: 3,
  plan(ctx) {
    const { config } = ctx;
    const input = createNodegroupRequest(ctx);
    // As verify runs it: tutorKubectl adds the tutor's context.
    const nodes = plannedKubectl(ctx, ['get', 'nodes']);
    const calls = [
      ...planRole(nodeRoleSpec(config), config.clusterName, config.region),
      {
        service: 'eks' as const,
        action: 'CreateNodegroup',
        input,
        cli: cliCommand('eks', 'CreateNodegroup', input, config.region),
        why: text(
          'EKS launches the EC2 instances in an Auto Scaling group and joins them to the cluster.',
          'EKS が Auto Scaling グループで EC2 インスタンスを起動し、クラスターに参加させます。',
        ),
      },
      { service: 'kubectl' as const, action: 'GetNodes', input: { args: nodes.args }, cli: nodes.cli },
    ];
    const publicIps = config.nat === 'none' ? config.nodes * PRICES.publicIpv4Hour : 0;
    return { step: 5, calls, hourlyCost: config.nodes * instanceHour(config.region, config.instanceType) + publicIps };
  },

  /** The node role does not need the cluster: it can be made while the control plane is CREATING. */
  async prepare(ctx) {
    const made = ensureRole(ctx, nodeRoleSpec(ctx.config));
    preparedRoles.set(ctx, made);
    await made;
  },

  async apply(ctx) {
    // The role made by prepare in this run is not asked for again; a failed or since-deleted one is made here.
    const made = preparedRoles.get(ctx);
    const ready = made
      ? await made.then(
          () => ctx.ledger.get(NODE_ROLE_KEY)?.state === 'created',
          () => false,
        )
      : false;
    if (!ready) await ensureRole(ctx, nodeRoleSpec(ctx.config));
    const name = nodegroupName(ctx.config.clusterName);
    await ensureNamed<Nodegroup>(ctx, {
      ...namedNodegroup(NODEGROUP_KEY, name, () => describeNodegroup(ctx)),
      ready: async () => recordedSubnets(ctx),
      create: async (intent) => {
        const request = createNodegroupRequest(ctx, clientToken(ctx.config.clusterName, NODEGROUP_KEY, intent.intentAt));
        return (await ctx.clients.eks.send(new CreateNodegroupCommand(request))).nodegroup?.nodegroupArn ?? name;
      },
    });
  },

  /** About four minutes to ACTIVE; then the nodes register and turn Ready. */
  async settle(ctx) {
    await waitFor<Nodegroup>(ctx, {
      key: NODEGROUP_KEY,
      kind: 'eks-nodegroup',
      id: nodegroupName(ctx.config.clusterName),
      read: () => describeNodegroup(ctx),
      status: (n) => n?.status ?? 'missing',
      done: (n) => n?.status === 'ACTIVE',
      failed: (n) => !n || n.status === 'CREATE_FAILED' || n.status === 'DELETING' || n.status === 'DEGRADED',
      reason: (n) => healthReason(n?.health?.issues),
      notListedYetMs: NOT_LISTED_YET_MS,
      delayMs: POLL_DELAY.nodegroup,
      expectedMs: EXPECTED.nodegroupCreate,
      timeoutMs: 30 * 60_000,
    });
    if (!ctx.config.kubectl) return;
    await waitFor<{ ready: string[]; table: string }>(ctx, {
      key: 'nodes',
      kind: 'kubernetes-nodes',
      id: 'kubectl get nodes',
      read: () => kubectlNodes(ctx),
      status: (n) => `${n?.ready.length ?? 0}/${ctx.config.nodes} Ready`,
      done: (n) => (n?.ready.length ?? 0) >= ctx.config.nodes,
      delayMs: 10_000,
      expectedMs: 60_000,
      timeoutMs: 10 * 60_000,
    });
  },

  async verify(ctx) {
    const checks: Check[] = await verifyRole(ctx, nodeRoleSpec(ctx.config));
    const group = await describeNodegroup(ctx, { maxAgeMs: RECENT_MS });
    const add = (id: string, ok: boolean, en: string, ja: string, detail?: string) =>
      checks.push({ id, ok, label: text(en, ja), ...(detail ? { detail } : {}) });
    add(
      'nodegroup:active',
      group?.status === 'ACTIVE',
      'The node group is ACTIVE',
      'ノードグループが ACTIVE',
      group ? `${group.nodegroupName} ${group.status}` : undefined,
    );
    if (group) {
      const tier = nodeSubnetTier(ctx.config);
      const wanted = Array.from({ length: ctx.config.azs }, (_, i) => ctx.ledger.get(subnetKey(tier, i))?.id)
        .sort()
        .join();
      add(
        'nodegroup:subnets',
        [...(group.subnets ?? [])].sort().join() === wanted,
        `Its nodes go in the ${tier} subnets`,
        `ノードは${tier === 'private' ? 'プライベート' : 'パブリック'}サブネットに置かれる`,
        group.subnets?.join(', '),
      );
      add(
        'nodegroup:scaling',
        group.scalingConfig?.desiredSize === ctx.config.nodes && group.scalingConfig?.minSize === 1,
        `It wants ${ctx.config.nodes} nodes (min 1, max ${ctx.config.nodes})`,
        `ノード数 ${ctx.config.nodes}(最小 1、最大 ${ctx.config.nodes})`,
      );
      add(
        'nodegroup:role',
        group.nodeRole === ctx.ledger.get(NODE_ROLE_KEY)?.id,
        'Its nodes use the node role',
        'ノードはノードロールを使う',
        group.nodeRole,
      );
    }
    if (ctx.config.kubectl) {
      const result = await tutorKubectl(ctx, ['get', 'nodes']);
      const output = (result.exitCode === 0 ? result.stdout : `${result.stdout}\n${result.stderr}`).trim();
      ctx.emit({ type: 'kubectl', args: result.args, output });
      const ready = output.split('\n').filter((line) => /\sReady\s/.test(line)).length;
      add(
        'nodegroup:ready',
        ready >= ctx.config.nodes,
        `kubectl get nodes shows ${ctx.config.nodes} Ready nodes`,
        `kubectl get nodes で Ready のノードが ${ctx.config.nodes} 台`,
        `${ready} Ready`,
      );
    }
    return checks;
  },
};
