import {
  AllocateAddressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { TutorConfig } from './config.js';
import { text } from './text.js';
import type { Finding } from './preflight.js';

/** Ids that exist nowhere: a dry run of a create that needs one still tells whether the caller may make the call. */
const SOME_VPC = 'vpc-0a1b2c3d4e5f60718';
const SOME_SUBNET = 'subnet-0a1b2c3d4e5f60718';
const SOME_ALLOCATION = 'eipalloc-0a1b2c3d4e5f60718';

/** The EC2 creates of step 2, each as a DryRun request (EC2 answers DryRunOperation when allowed). */
export function dryRunCreates(
  config: Pick<TutorConfig, 'vpcCidr' | 'nat'>,
): { action: string; send: (ec2: EC2Client) => Promise<unknown> }[] {
  const creates = [
    {
      action: 'ec2:CreateVpc',
      send: async (ec2: EC2Client) => {
        const answer = await ec2.send(new CreateVpcCommand({ CidrBlock: config.vpcCidr, DryRun: true }));
        // AWS never creates on a dry run; an endpoint that ignores DryRun (moto) did: the VPC goes at once.
        if (answer.Vpc?.VpcId) await ec2.send(new DeleteVpcCommand({ VpcId: answer.Vpc.VpcId }));
        return answer;
      },
    },
    {
      action: 'ec2:CreateTags',
      send: (ec2: EC2Client) =>
        ec2.send(
          new CreateTagsCommand({ Resources: [SOME_VPC], Tags: [{ Key: 'eks-basics-tutor/preflight', Value: 'dry-run' }], DryRun: true }),
        ),
    },
    {
      action: 'ec2:CreateSubnet',
      send: (ec2: EC2Client) => ec2.send(new CreateSubnetCommand({ VpcId: SOME_VPC, CidrBlock: config.vpcCidr, DryRun: true })),
    },
    { action: 'ec2:CreateInternetGateway', send: (ec2: EC2Client) => ec2.send(new CreateInternetGatewayCommand({ DryRun: true })) },
    { action: 'ec2:CreateRouteTable', send: (ec2: EC2Client) => ec2.send(new CreateRouteTableCommand({ VpcId: SOME_VPC, DryRun: true })) },
  ];
  if (config.nat !== 'none') {
    creates.push(
      { action: 'ec2:AllocateAddress', send: (ec2: EC2Client) => ec2.send(new AllocateAddressCommand({ Domain: 'vpc', DryRun: true })) },
      {
        action: 'ec2:CreateNatGateway',
        send: (ec2: EC2Client) =>
          ec2.send(new CreateNatGatewayCommand({ SubnetId: SOME_SUBNET, AllocationId: SOME_ALLOCATION, DryRun: true })),
      },
    );
  }
  return creates;
}

type Verdict = 'allowed' | 'denied' | 'unknown';

function verdictOf(error: unknown): Verdict {
  const { name = '', Code = '' } = (error ?? {}) as { name?: string; Code?: string };
  return verdictOfCode(name || Code);
}

function verdictOfCode(name: string): Verdict {
  if (name === 'DryRunOperation') return 'allowed';
  if (/^(UnauthorizedOperation|AccessDenied|AccessDeniedException|UnauthorizedAccess|NotAuthorized)/.test(name)) return 'denied';
  return 'unknown';
}

/** EC2 permissions for the creates of step 2, checked with DryRun: nothing is created. */
export async function ec2PermissionFindings(ec2: EC2Client, config: TutorConfig, who?: string): Promise<Finding[]> {
  const results = await Promise.all(
    dryRunCreates(config).map(async ({ action, send }) => ({
      action,
      verdict: await send(ec2).then(() => 'unknown' as Verdict, verdictOf),
    })),
  );
  const denied = results.filter((r) => r.verdict === 'denied').map((r) => r.action);
  const unknown = results.filter((r) => r.verdict === 'unknown').map((r) => r.action);
  const label = config.lang === 'ja' ? 'EC2 の権限' : 'EC2 permissions';
  if (denied.length > 0) {
    return [
      {
        ok: false,
        blocking: true,
        label,
        detail: text(
          `${who ?? 'these credentials'} may not ${denied.join(', ')} (checked with DryRun): add ${denied.join(', ')} to its IAM policy (\`eks-basics-tutor doctor --policy\` prints all the tutor needs)`,
          `${who ?? 'この認証情報'} には ${denied.join('、')} が許可されていません(DryRun で確認)。IAM ポリシーに ${denied.join('、')} を追加してください(\`eks-basics-tutor doctor --policy\` で必要な権限をすべて表示できます)`,
        ),
      },
    ];
  }
  const checked = results.length - unknown.length;
  return [
    {
      ok: true,
      label,
      detail: text(
        `${checked} of ${results.length} creates allowed (DryRun)${unknown.length ? `; not checkable: ${unknown.join(', ')}` : ''}`,
        `${results.length} 件の作成のうち ${checked} 件が許可(DryRun)${unknown.length ? `。確認できないもの: ${unknown.join('、')}` : ''}`,
      ),
    },
  ];
}

/** VPC and Elastic IP headroom against the default quotas (5 each per region); a warning, since quotas can be raised. */
export async function ec2HeadroomFindings(ec2: EC2Client, config: TutorConfig): Promise<Finding[]> {
  const out: Finding[] = [];
  const vpcs = await ec2.send(new DescribeVpcsCommand({})).then(
    (a) => a.Vpcs?.length,
    () => undefined,
  );
  if (vpcs !== undefined) {
    out.push({
      ok: vpcs < 5,
      label: 'VPCs',
      detail: text(`${vpcs} of the default quota of 5 per region in use`, `リージョンあたりの既定クォータ 5 のうち ${vpcs} 個を使用中`),
    });
  }
  const eips = await ec2.send(new DescribeAddressesCommand({})).then(
    (a) => a.Addresses?.length,
    () => undefined,
  );
  if (eips !== undefined) {
    const needed = config.nat === 'ha' ? config.azs : config.nat === 'single' ? 1 : 0;
    out.push({
      ok: eips + needed <= 5,
      label: 'Elastic IPs',
      detail: text(
        `${eips} of the default quota of 5 in use; this build needs ${needed}`,
        `既定クォータ 5 のうち ${eips} 個を使用中。今回の構築で ${needed} 個必要`,
      ),
    });
  }
  return out;
}

/** The region and its available zones: a build needs at least two. */
export async function regionFinding(ec2: EC2Client, config: Pick<TutorConfig, 'region' | 'lang'>): Promise<Finding> {
  const zones = await ec2.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }));
  const names = (zones.AvailabilityZones ?? []).map((z) => z.ZoneName).join(', ');
  return {
    ok: (zones.AvailabilityZones?.length ?? 0) >= 2,
    label: config.lang === 'ja' ? 'リージョン' : 'Region',
    detail: text(`${config.region}: ${names}`, `${config.region}: ${names}`),
  };
}
