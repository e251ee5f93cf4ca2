// The calls `up` + `down` make beyond the minimal script's, per
// service:operation, each with its reason. More calls of an operation than
// minimal + budget is a repeat without a reason, and fails the API row.
//
// The reasons:
//   adopt      look before create: a re-run adopts what the tutor made (found
//              by its tags), a name taken by someone else is refused
//   check      a step's check reads the result back from AWS
//   inventory  down plans from what exists (tags and ledger) and, when done,
//              looks again to show that nothing is left
//   current    read right before acting, after the long waits of teardown:
//              attachments and associations change as things are deleted
//   version    the newest Kubernetes version in standard support
//   settle     step 2 reads its route tables until the NAT routes are active
//   sweep      down also looks for what EKS and Kubernetes made in the tutor's
//              VPC (interfaces, security groups, load balancers for Services):
//              before (to delete it) and after (to show nothing is left)
const budget = (...parts) => parts.map(([calls, reason]) => ({ calls, reason }));

export const API_BUDGET = {
  'iam:GetRole': budget(
    [2, 'adopt: each role (cluster, node)'],
    [2, 'check: trust policy and tag of each role'],
    [4, 'inventory: each role, before and after'],
    [2, 'current: the role is still the tutor’s (tag) right before it is deleted'],
  ),
  'iam:ListAttachedRolePolicies': budget(
    [2, 'check: the policies of each role'],
    [2, 'current: detach whatever is attached (DeleteRole refuses otherwise)'],
  ),
  'ec2:DescribeVpcs': budget([1, 'adopt'], [2, 'inventory'], [1, 'sweep: the VPCs it looks in']),
  'ec2:DescribeVpcAttribute': budget([1, 'check: DNS hostnames']),
  'ec2:DescribeInternetGateways': budget(
    [1, 'adopt'],
    [1, 'check: attached'],
    [2, 'inventory'],
    [1, 'current: attachments before detaching'],
  ),
  'ec2:DescribeSubnets': budget([4, 'adopt: each subnet'], [1, 'check: tiers, AZs, tags'], [2, 'inventory']),
  'ec2:DescribeRouteTables': budget(
    [3, 'adopt: each route table'],
    [1, 'check: routes'],
    [2, 'inventory'],
    [3, 'current: associations left after the subnets went'],
    [1, 'settle: the NAT routes active'],
  ),
  'ec2:DescribeAddresses': budget([1, 'adopt'], [2, 'inventory']),
  'ec2:DescribeNatGateways': budget(
    [1, 'adopt'],
    [1, 'check: available, in a public subnet, with its EIP'],
    [2, 'inventory'],
    [2, 'sweep: a NAT gateway’s own interface is left to it, before and after'],
  ),
  'ec2:DescribeSecurityGroups': budget(
    [1, 'check: EKS made the cluster security group'],
    [2, 'sweep: groups left in the VPC, before and after'],
    [1, 'current: rules of other groups that name it, revoked before it is deleted'],
  ),
  'ec2:DescribeNetworkInterfaces': budget(
    [2, 'sweep: interfaces left in the VPC, before and after'],
    [4, 'current: each interface EKS holds, until EKS lets go of it'],
  ),
  'ec2:DeleteNetworkInterface': budget([
    4,
    'sweep: the cluster’s interfaces EKS left in the subnets (the sandbox leaves them; real EKS usually takes them)',
  ]),
  'ec2:DeleteSecurityGroup': budget([1, 'sweep: the cluster security group EKS made, if EKS left it']),
  'elb:DescribeLoadBalancers': budget([2, 'sweep: classic load balancers of Services, before and after']),
  'elbv2:DescribeLoadBalancers': budget([2, 'sweep: network and application load balancers of Services, before and after']),
  'eks:DescribeClusterVersions': budget([1, 'version']),
  'eks:DescribeCluster': budget([1, 'adopt'], [2, 'inventory'], [1, 'sweep: whether the cluster is the tutor’s']),
  'eks:DescribeNodegroup': budget([1, 'adopt'], [1, 'inventory (before; after, the cluster is gone)']),
  'eks:ListNodegroups': budget([
    1,
    'inventory: the cluster’s other node groups (day two’s third-AZ group), before; after, the cluster is gone',
  ]),
};

/** Compares the tutor's counts with the minimal script's: what is over budget, and how many extra calls have a reason. */
export function checkBudget(tutor, minimal) {
  const over = [];
  const rows = [];
  let explained = 0;
  for (const op of [...new Set([...Object.keys(tutor), ...Object.keys(minimal)])].sort()) {
    const excess = (tutor[op] ?? 0) - (minimal[op] ?? 0);
    const allowed = API_BUDGET[op]?.reduce((sum, r) => sum + r.calls, 0) ?? 0;
    rows.push({
      op,
      tutor: tutor[op] ?? 0,
      minimal: minimal[op] ?? 0,
      allowed,
      reasons: (API_BUDGET[op] ?? []).map((r) => `${r.calls} ${r.reason}`).join('; '),
    });
    if (excess <= 0) continue;
    if (excess > allowed) over.push({ op, excess: excess - allowed });
    explained += Math.min(excess, allowed);
  }
  return { over, explained, rows };
}
