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
import { CLUSTER_TAG, KEY_TAG } from './tags.js';
import type { PlannedCall, StepNumber } from './types.js';
import { clusterRoleSpec } from './steps/cluster-role.js';
import { nodeRoleSpec, nodegroupName } from './steps/nodegroup.js';

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
  return ([1, 2, 3, 4, 5] as StepNumber[]).map((step) => ({
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

/** Shell functions both scripts use: retry while AWS catches up, never on a real error. */
const CATCH_UP = [
  '# AWS is eventually consistent: a resource made a moment ago may be "NotFound" for a second,',
  '# and a new IAM role may not be usable by EKS for a few seconds. Such calls are sent again',
  '# (1, 2, 4, 8, 15 s …); any other error stops the script.',
  'CATCH_UP_LOG=$(mktemp)',
  'trap \'rm -f "$CATCH_UP_LOG"\' EXIT',
  'catch_up() {',
  '  pattern=$1; shift',
  '  delay=1; waited=0',
  '  until "$@" 2>"$CATCH_UP_LOG"; do',
  '    if [ "$waited" -ge 300 ] || ! grep -Eq "$pattern" "$CATCH_UP_LOG"; then cat "$CATCH_UP_LOG" >&2; return 1; fi',
  '    echo "  AWS has not caught up yet ($(tr -s \'\\n\' \' \' <"$CATCH_UP_LOG" | cut -c1-160)); again in ${delay}s" >&2',
  '    sleep "$delay"; waited=$((waited + delay)); delay=$((delay * 2)); [ "$delay" -le 15 ] || delay=15',
  '  done',
  '}',
  "NOT_YET='NotFound'",
  "IAM_NOT_YET='could not be assumed|does not exist|trusted entity|Managed Policies|were not found in the trust|policy must include'",
  "IN_USE='DependencyViolation|has dependencies|in use|mapped public address'",
];

function header(config: TutorConfig, purpose: string): string[] {
  return [
    '#!/bin/sh',
    `# ${purpose}`,
    `# Made by eks-basics-tutor for the cluster "${config.clusterName}". Run it as it is: sh ${purpose.startsWith('Takes') ? 'teardown' : 'build'}.sh`,
    '# (REGION=… sh … for another region). It uses the aws CLI with your usual credentials.',
    'set -eu',
    `REGION="\${REGION:-${config.region}}"`,
    'export AWS_DEFAULT_REGION="$REGION"',
    `CLUSTER=${shellQuote(config.clusterName)}`,
    '',
  ];
}

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
    if (!config.kubectl) return [`# (${call.cli}: left out, as with --no-kubectl)`];
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

/** EC2 resources of this build, found by their tags on the client side (some endpoints ignore tag filters). */
function tagged(list: string, idField: string, key?: string): string {
  const keyTest = key ? ` && Tags[?Key=='${KEY_TAG}' && starts_with(Value, '${key}')]` : '';
  return `${list}[?Tags[?Key=='${CLUSTER_TAG}' && Value=='$CLUSTER']${keyTest}].${idField}`;
}

/** The teardown script: finds everything by the tutor's tags and deletes it in dependency order, waiting where AWS needs time. */
export function exportCliTeardownScript(config: TutorConfig): string {
  const nodegroup = shellQuote(nodegroupName(config.clusterName));
  const roles = [clusterRoleSpec(config.clusterName).name, nodeRoleSpec(config).name].map(shellQuote).join(' ');
  const lines = [...header(config, 'Takes down what the build script (or eks-basics-tutor) made, found by its tags.'), ...CATCH_UP, ''];
  lines.push(
    '# Load balancers that Kubernetes made for Services hold the subnets: delete those Services first.',
    'if aws eks describe-cluster --name "$CLUSTER" --region "$REGION" >/dev/null 2>&1; then',
    '  aws eks update-kubeconfig --name "$CLUSTER" --region "$REGION" >/dev/null',
    `  kubectl get services --all-namespaces -o jsonpath='{range .items[?(@.spec.type=="LoadBalancer")]}{.metadata.namespace}{" "}{.metadata.name}{"\\n"}{end}' 2>/dev/null |`,
    '    while read -r namespace name; do kubectl delete service -n "$namespace" "$name"; done',
    'fi',
    '',
    'echo "Node group"',
    `if aws eks describe-nodegroup --cluster-name "$CLUSTER" --nodegroup-name ${nodegroup} --region "$REGION" >/dev/null 2>&1; then`,
    `  aws eks delete-nodegroup --cluster-name "$CLUSTER" --nodegroup-name ${nodegroup} --region "$REGION" >/dev/null`,
    `  aws eks wait nodegroup-deleted --cluster-name "$CLUSTER" --nodegroup-name ${nodegroup} --region "$REGION"`,
    'fi',
    'echo "Cluster"',
    'if aws eks describe-cluster --name "$CLUSTER" --region "$REGION" >/dev/null 2>&1; then',
    '  aws eks delete-cluster --name "$CLUSTER" --region "$REGION" >/dev/null',
    '  aws eks wait cluster-deleted --name "$CLUSTER" --region "$REGION"',
    'fi',
    '',
    'echo "NAT gateways, then their Elastic IPs"',
    `for id in $(aws ec2 describe-nat-gateways --region "$REGION" --filter Name=state,Values=pending,available --query "${tagged('NatGateways', 'NatGatewayId')}" --output text); do`,
    '  aws ec2 delete-nat-gateway --nat-gateway-id "$id" --region "$REGION" >/dev/null',
    '  aws ec2 wait nat-gateway-deleted --nat-gateway-ids "$id" --region "$REGION"',
    'done',
    `for id in $(aws ec2 describe-addresses --region "$REGION" --query "${tagged('Addresses', 'AllocationId')}" --output text); do`,
    '  catch_up "$IN_USE|AuthFailure" aws ec2 release-address --allocation-id "$id" --region "$REGION"',
    'done',
    `VPC_ID=$(aws ec2 describe-vpcs --region "$REGION" --query "${tagged('Vpcs', 'VpcId', 'vpc')}" --output text)`,
    'echo "Internet gateway"',
    `for id in $(aws ec2 describe-internet-gateways --region "$REGION" --query "${tagged('InternetGateways', 'InternetGatewayId')}" --output text); do`,
    '  if [ -n "$VPC_ID" ]; then catch_up "$IN_USE" aws ec2 detach-internet-gateway --internet-gateway-id "$id" --vpc-id "$VPC_ID" --region "$REGION" || true; fi',
    '  catch_up "$IN_USE" aws ec2 delete-internet-gateway --internet-gateway-id "$id" --region "$REGION"',
    'done',
    'echo "Subnets (network interfaces that EKS left behind go away by themselves within minutes)"',
    `for id in $(aws ec2 describe-subnets --region "$REGION" --query "${tagged('Subnets', 'SubnetId')}" --output text); do`,
    '  catch_up "$IN_USE" aws ec2 delete-subnet --subnet-id "$id" --region "$REGION"',
    'done',
    'echo "Route tables"',
    `for id in $(aws ec2 describe-route-tables --region "$REGION" --query "${tagged('RouteTables', 'RouteTableId')}" --output text); do`,
    `  for association in $(aws ec2 describe-route-tables --route-table-ids "$id" --region "$REGION" --query "RouteTables[0].Associations[?!Main].RouteTableAssociationId" --output text); do`,
    '    aws ec2 disassociate-route-table --association-id "$association" --region "$REGION"',
    '  done',
    '  catch_up "$IN_USE" aws ec2 delete-route-table --route-table-id "$id" --region "$REGION"',
    'done',
    'if [ -n "$VPC_ID" ]; then',
    '  echo "Security groups left in the VPC by EKS and Kubernetes, then the VPC"',
    `  for id in $(aws ec2 describe-security-groups --region "$REGION" --filters Name=vpc-id,Values="$VPC_ID" --query "SecurityGroups[?GroupName!='default'].GroupId" --output text); do`,
    '    catch_up "$IN_USE" aws ec2 delete-security-group --group-id "$id" --region "$REGION"',
    '  done',
    '  catch_up "$IN_USE" aws ec2 delete-vpc --vpc-id "$VPC_ID" --region "$REGION"',
    'fi',
    '',
    'echo "IAM roles"',
    `for role in ${roles}; do`,
    '  aws iam get-role --role-name "$role" >/dev/null 2>&1 || continue',
    `  [ "$(aws iam list-role-tags --role-name "$role" --query "Tags[?Key=='${CLUSTER_TAG}'].Value" --output text)" = "$CLUSTER" ] || continue`,
    '  for arn in $(aws iam list-attached-role-policies --role-name "$role" --query "AttachedPolicies[].PolicyArn" --output text); do',
    '    aws iam detach-role-policy --role-name "$role" --policy-arn "$arn"',
    '  done',
    '  aws iam delete-role --role-name "$role"',
    'done',
    'echo "Taken down."',
    '',
  );
  return lines.join('\n');
}
