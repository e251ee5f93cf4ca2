import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import type { AwsClients } from './clients.js';
import type { LiveView } from './live-types.js';

/** The two policies the cluster-role lesson compares. */
export const EKS_POLICIES = ['AmazonEKSServicePolicy', 'AmazonEKSClusterPolicy'] as const;

/** The actions the lesson talks about: network interfaces in your VPC, load balancers, scaling, logs. */
const IMPORTANT = [
  /^ec2:(Create|Delete|Modify)NetworkInterface/,
  /^ec2:CreateNetworkInterfacePermission$/,
  /^ec2:(CreateSecurityGroup|AuthorizeSecurityGroupIngress|RevokeSecurityGroupIngress|DeleteSecurityGroup)$/,
  /^elasticloadbalancing:/,
  /^autoscaling:/,
  /^logs:/,
  /^iam:CreateServiceLinkedRole$/,
  /^kms:/,
  /^route53:/,
];

export function isImportantAction(action: string): boolean {
  return IMPORTANT.some((pattern) => pattern.test(action));
}

/** The allowed actions of a policy document (as IAM returns it, URL-encoded JSON); important ones first. */
export function policyActions(document: string): { action: string; important: boolean }[] {
  let parsed: { Statement?: unknown };
  try {
    parsed = JSON.parse(decodeURIComponent(document)) as { Statement?: unknown };
  } catch {
    return [];
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  const actions = new Set<string>();
  for (const statement of statements as { Effect?: string; Action?: string | string[] }[]) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of Array.isArray(statement.Action) ? statement.Action : statement.Action ? [statement.Action] : [])
      actions.add(action);
  }
  return [...actions]
    .map((action) => ({ action, important: isImportantAction(action) }))
    .sort((a, b) => Number(b.important) - Number(a.important) || a.action.localeCompare(b.action));
}

/** The AWS managed policies of the cluster role, as IAM serves their default versions now. */
export async function policiesView(clients: Pick<AwsClients, 'iam'>): Promise<LiveView> {
  const list = await Promise.all(
    EKS_POLICIES.map(async (name) => {
      const arn = `arn:aws:iam::aws:policy/${name}`;
      const policy = (await clients.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
      const version = policy?.DefaultVersionId ?? 'v1';
      const document =
        (await clients.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: version }))).PolicyVersion?.Document ?? '';
      return { name, version, actions: policyActions(document) };
    }),
  );
  return { kind: 'policies', policies: list };
}
