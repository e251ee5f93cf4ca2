import type { TutorConfig } from '../config.js';
import { TutorError, badInput } from '../errors.js';
import { text } from '../text.js';
import type { Session } from '../session.js';
import { VPC_KEY } from '../aws/steps/vpc-requests.js';

export interface ExportOptions {
  /** `export cli --teardown`: the script that takes the build down. */
  teardown: boolean;
  /** `export eksctl --existing-vpc`: reuse this build's VPC and subnets. */
  existingVpc: boolean;
}

/** EKS refuses these zone IDs for control planes (as eksctl avoids them). */
const REFUSED_ZONE_IDS = new Set(['use1-az3', 'usw1-az2', 'cac1-az3']);

/** The version the build asked for, else what EKS offers by default now; undefined when neither can be known. */
async function versionOf(session: Session): Promise<string | undefined> {
  const known = session.ledger.facts.kubernetesVersion ?? session.config.kubernetesVersion;
  if (known || session.config.mode === 'dry-run') return known;
  try {
    const { DescribeClusterVersionsCommand } = await import('@aws-sdk/client-eks');
    const answer = await session.engine.clients.eks.send(new DescribeClusterVersionsCommand({ defaultOnly: true }));
    return answer.clusterVersions?.find((v) => v.defaultVersion)?.clusterVersion ?? answer.clusterVersions?.[0]?.clusterVersion;
  } catch {
    return undefined;
  }
}

/** The build's zones, else the region's first zones that EKS accepts; undefined in a dry run that knows none. */
async function zonesOf(session: Session): Promise<string[] | undefined> {
  const known = session.ledger.facts.availabilityZones;
  if (known?.length || session.config.mode === 'dry-run') return known;
  try {
    const { DescribeAvailabilityZonesCommand } = await import('@aws-sdk/client-ec2');
    const answer = await session.engine.clients.ec2.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }),
    );
    return (answer.AvailabilityZones ?? [])
      .filter((z) => z.ZoneType === undefined || z.ZoneType === 'availability-zone')
      .filter((z) => !REFUSED_ZONE_IDS.has(z.ZoneId ?? ''))
      .map((z) => z.ZoneName ?? '')
      .filter(Boolean)
      .sort();
  } catch {
    return undefined;
  }
}

export async function exportBuild(config: TutorConfig, format: string, options: ExportOptions): Promise<number> {
  if (format !== 'eksctl' && format !== 'cli') {
    throw badInput(
      text(
        `export "${format}" is not allowed: use eksctl or cli.`,
        `export に「${format}」は指定できません。eksctl か cli を指定してください。`,
      ),
    );
  }
  if (options.teardown && format !== 'cli') {
    throw badInput(text('--teardown is for `export cli` only.', '--teardown は `export cli` でだけ使えます。'));
  }
  if (options.existingVpc && format !== 'eksctl') {
    throw badInput(text('--existing-vpc is for `export eksctl` only.', '--existing-vpc は `export eksctl` でだけ使えます。'));
  }
  const { openSession } = await import('../session.js');
  const session = await openSession(config, { lock: false, identify: false });
  try {
    if (format === 'cli') {
      const { exportCliScript, exportCliTeardownScript } = await import('../aws/export-cli.js');
      process.stdout.write(
        options.teardown ? exportCliTeardownScript(session.config) : exportCliScript(session.config, await versionOf(session)),
      );
      return 0;
    }
    const { exportEksctl } = await import('../aws/export.js');
    if (options.existingVpc && !session.ledger.get(VPC_KEY)?.id) {
      throw new TutorError(
        'BAD_INPUT',
        text(
          `--existing-vpc needs the VPC of "${config.clusterName}", and this build has none yet: run step 2 first (eks-basics-tutor up --through 2), or leave out --existing-vpc for a new VPC.`,
          `--existing-vpc には「${config.clusterName}」の VPC が必要ですが、まだありません。先にステップ 2 を実行する(eks-basics-tutor up --through 2)か、--existing-vpc を外して新しい VPC にしてください。`,
        ),
      );
    }
    const zones = options.existingVpc ? undefined : await zonesOf(session);
    process.stdout.write(
      exportEksctl(session.config, session.ledger, { existingVpc: options.existingVpc, version: await versionOf(session), zones }).yaml,
    );
    return 0;
  } finally {
    await session.close();
  }
}
