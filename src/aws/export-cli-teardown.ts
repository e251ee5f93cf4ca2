import type { TutorConfig } from '../config.js';
import { shellQuote } from './cli-command.js';
import { CATCH_UP, header } from './export-cli-shell.js';
import { CLUSTER_TAG, KEY_TAG } from './tags.js';
import { clusterRoleSpec } from './steps/cluster-role.js';
import { nodeRoleSpec, nodegroupName } from './steps/nodegroup.js';

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
