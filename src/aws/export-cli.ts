/**
 * `export cli`: a POSIX sh script that builds, with the aws CLI alone, what the
 * tutor builds — on any account and in any region — and a second script that
 * takes it down again. The commands are the steps' own planned requests (the
 * same functions that make what the tutor sends), made for a fresh build:
 * every id that AWS hands out is captured into a shell variable with
 * `--query … --output text`, and the script waits where the tutor waits.
 */
import type { TutorConfig } from '../config.js';
import { Ledger } from '../state/ledger.js';
import { cliCommand, shellQuote } from './cli-command.js';
import { STEPS } from './engine.js';
import { STEP_ORDER } from './step-order.js';
import { KEY_TAG } from './tags.js';
import type { PlannedCall, StepNumber } from './types.js';
import { nodegroupName } from './steps/nodegroup.js';
import { CATCH_UP, header } from './export-cli-shell.js';

export { exportCliTeardownScript } from './export-cli-teardown.js';

/** What an id-making create prints of its answer, and which placeholder of later calls it fills. */
const CAPTURES: Record<string, string> = {
  CreateVpc: 'Vpc.VpcId',
  CreateInternetGateway: 'InternetGateway.InternetGatewayId',
  CreateSubnet: 'Subnet.SubnetId',
  CreateRouteTable: 'RouteTable.RouteTableId',
  AllocateAddress: 'AllocationId',
  CreateNatGateway: 'NatGateway.NatGatewayId',
};

/** The placeholder a later call uses for the resource of a ledger key (the steps' `<…>` names). */
export function placeholderOfKey(key: string): string {
  if (key === 'vpc') return 'vpc-id';
  if (key === 'igw') return 'igw-id';
  const eip = /^eip\/(\d+)$/.exec(key);
  if (eip) return `eipalloc-${eip[1]}`;
  return key.replace(/\//g, '-');
}

/** `<subnet-public-0>` → `SUBNET_PUBLIC_0`. */
export function variableOf(placeholder: string): string {
  return placeholder.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Members that must not be replayed: an idempotency token belongs to one build, and the CLI makes its own. */
const DROPPED = new Set(['ClientToken', 'clientRequestToken']);

type Json = unknown;

function withoutTokens(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, Json>)
        .filter(([k]) => !DROPPED.has(k))
        .map(([k, v]) => [k, withoutTokens(v)]),
    );
  }
  return value;
}

function tagValue(input: Record<string, unknown>, key: string): string | undefined {
  const specs = input.TagSpecifications as { Tags?: { Key: string; Value: string }[] }[] | undefined;
  return specs?.[0]?.Tags?.find((t) => t.Key === key)?.Value;
}

/** A subnet's Name ends in its AZ's letter; in the script the AZ is only known when it runs. */
function nameSubnetByZoneLetter(input: Record<string, unknown>, config: TutorConfig): Record<string, unknown> {
  const key = tagValue(input, KEY_TAG);
  const match = key && /^subnet\/(public|private)\/(\d+)$/.exec(key);
  if (!match) return input;
  const specs = (input.TagSpecifications as { ResourceType: string; Tags: { Key: string; Value: string }[] }[]).map((spec) => ({
    ...spec,
    Tags: spec.Tags.map((t) => (t.Key === 'Name' ? { ...t, Value: `${config.clusterName}-${match[1]}-<az-letter-${match[2]}>` } : t)),
  }));
  return { ...input, TagSpecifications: specs };
}

/**
 * Replaces every `<placeholder>` in a command line by its shell variable. The
 * CLI line quotes every word holding a placeholder in single quotes, so a
 * variable is spliced in by closing and reopening the quote.
 */
export function withVariables(line: string, known: Set<string>): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    const placeholder = char === '<' ? /^<([a-z0-9-]+)>/.exec(line.slice(i)) : null;
    if (placeholder) {
      const name = placeholder[1]!;
      if (!known.has(name)) throw new Error(`The exported script would use <${name}> before any command sets it.`);
      out += quoted ? `'"$${variableOf(name)}"'` : `"$${variableOf(name)}"`;
      i += placeholder[0].length - 1;
      continue;
    }
    if (char === "'") quoted = !quoted;
    out += char;
  }
  // A word that was only a placeholder leaves an empty quote pair beside the variable: drop it.
  return out.replace(/''"/g, '"').replace(/"''/g, '"');
}

/** The plan of every step for a build that has made nothing yet, in a region and AZs known only when the script runs. */
function freshPlans(config: TutorConfig, version: string | undefined): { step: StepNumber; calls: PlannedCall[] }[] {
  const scriptConfig: TutorConfig = { ...config, region: '<region>', ...(version ? { kubernetesVersion: version } : {}) };
  const ledger = Ledger.inMemory({ clusterName: config.clusterName, mode: 'real', region: '<region>' });
  void ledger.setFacts({
    availabilityZones: Array.from({ length: config.azs }, (_, i) => `<az-${i}>`),
    ...(version ? { kubernetesVersion: version } : {}),
  });
  return STEP_ORDER.map((step) => ({
    step,
    calls: STEPS[step].plan({ config: scriptConfig, ledger, accountId: '<account-id>' }).calls,
  }));
}

const STEP_TITLES: Record<StepNumber, string> = {
  1: 'Step 1: the cluster IAM role',
  2: 'Step 2: the VPC (subnets, internet gateway, NAT gateway, route tables)',
  3: 'Step 3: the cluster (about 10 minutes)',
  4: 'Step 4: kubeconfig',
  5: 'Step 5: the node role and the managed node group (about 4 minutes)',
};

/** The build script. `version` is the Kubernetes version to ask for; without one EKS chooses. */
export function exportCliScript(config: TutorConfig, version: string | undefined): string {
  const lines = [...header(config, 'Builds an Amazon EKS cluster by hand, in the five steps of eks-basics-tutor.'), ...CATCH_UP, ''];
  lines.push('ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)');
  lines.push(
    '# The first zones of the region that EKS accepts (EKS refuses a few zone IDs, as eksctl knows).',
    `set -- $(aws ec2 describe-availability-zones --region "$REGION" --filters Name=state,Values=available --query "sort(AvailabilityZones[?ZoneType=='availability-zone' && ZoneId!='use1-az3' && ZoneId!='usw1-az2' && ZoneId!='cac1-az3'].ZoneName)" --output text)`,
    `[ "$#" -ge ${config.azs} ] || { echo "The region $REGION has fewer than ${config.azs} zones that EKS accepts." >&2; exit 1; }`,
  );
  const known = new Set(['region', 'account-id']);
  for (let i = 0; i < config.azs; i++) {
    lines.push(`AZ_${i}=$${i + 1}; AZ_LETTER_${i}=\${AZ_${i}#"\${AZ_${i}%?}"}`);
    known.add(`az-${i}`).add(`az-letter-${i}`);
  }
  lines.push('');
  for (const { step, calls } of freshPlans(config, version)) {
    lines.push(`# ${STEP_TITLES[step]}`, `echo ${shellQuote(STEP_TITLES[step])}`);
    for (const call of calls) lines.push(...scriptLines(call, config, known));
    lines.push('');
  }
  lines.push('echo "Built. Take it down with the teardown script (eks-basics-tutor export cli --teardown)."', '');
  return lines.join('\n');
}

function scriptLines(call: PlannedCall, config: TutorConfig, known: Set<string>): string[] {
  if (call.service === 'kubeconfig') return [`aws eks update-kubeconfig --name "$CLUSTER" --region "$REGION"`];
  if (call.service === 'kubectl') {
    if (!config.kubectl) return [`# (${withVariables(call.cli, known)}: left out, as with --no-kubectl)`];
    if (call.action === 'GetNodes') {
      return [
        `echo "Waiting for ${config.nodes} Ready nodes"`,
        'tries=0',
        `until [ "$(kubectl get nodes --no-headers 2>/dev/null | grep -c ' Ready ')" -ge ${config.nodes} ]; do`,
        '  tries=$((tries + 1)); [ "$tries" -le 120 ] || { echo "The nodes did not become Ready within 10 minutes." >&2; exit 1; }',
        '  sleep 5',
        'done',
        'kubectl get nodes -o wide',
      ];
    }
    return [call.cli];
  }
  const input = nameSubnetByZoneLetter(withoutTokens(call.input) as Record<string, unknown>, config);
  // With no version known, EKS chooses its default, as the console does.
  if (call.action === 'CreateCluster' && typeof input.version === 'string' && input.version.startsWith('<')) delete input.version;
  const command = (extra = '') => withVariables(`${cliCommand(call.service, call.action, input, '<region>')}${extra}`, known);
  const capture = CAPTURES[call.action];
  if (call.service === 'ec2' && capture) {
    const key = tagValue(input, KEY_TAG);
    if (!key) throw new Error(`${call.action} in the plan carries no ${KEY_TAG} tag.`);
    const placeholder = placeholderOfKey(key);
    const line = `${variableOf(placeholder)}=$(catch_up "$NOT_YET" ${command(` --query ${capture} --output text`)})`;
    known.add(placeholder);
    const lines = [line, `echo "  ${key}: $${variableOf(placeholder)}"`];
    if (call.action === 'CreateNatGateway') {
      lines.push(`aws ec2 wait nat-gateway-available --nat-gateway-ids "$${variableOf(placeholder)}" --region "$REGION"`);
    }
    return lines;
  }
  if (call.service === 'ec2') return [`catch_up "$NOT_YET" ${command()} >/dev/null`];
  if (call.action === 'CreateCluster') {
    return [
      `catch_up "$IAM_NOT_YET" ${command(' --query cluster.status --output text')}`,
      `aws eks wait cluster-active --name "$CLUSTER" --region "$REGION"`,
    ];
  }
  if (call.action === 'CreateNodegroup') {
    const nodegroup = shellQuote(nodegroupName(config.clusterName));
    return [
      `catch_up "$IAM_NOT_YET" ${command(' --query nodegroup.status --output text')}`,
      `aws eks wait nodegroup-active --cluster-name "$CLUSTER" --nodegroup-name ${nodegroup} --region "$REGION"`,
    ];
  }
  if (call.action === 'CreateRole') return [`${command(' --query Role.Arn --output text')}`];
  return [`${command()} >/dev/null`];
}
