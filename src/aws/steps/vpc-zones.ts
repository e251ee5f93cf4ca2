import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import { TutorError } from '../../errors.js';
import { text } from '../../text.js';
import { EKS_UNSUPPORTED_ZONE_IDS } from '../network.js';
import type { StepContext } from '../types.js';

/** The AZs of this build: remembered in the ledger, else the region's first available ones EKS accepts. */
export async function chooseAvailabilityZones(ctx: StepContext): Promise<string[]> {
  const known = ctx.ledger.facts.availabilityZones;
  if (known && known.length >= ctx.config.azs) return known.slice(0, ctx.config.azs);
  const answer = await ctx.clients.ec2.send(
    new DescribeAvailabilityZonesCommand({
      Filters: [
        { Name: 'state', Values: ['available'] },
        { Name: 'zone-type', Values: ['availability-zone'] },
      ],
    }),
  );
  const names = (answer.AvailabilityZones ?? [])
    .filter((z) => z.ZoneName && !EKS_UNSUPPORTED_ZONE_IDS.has(z.ZoneId ?? ''))
    .map((z) => z.ZoneName!)
    .sort();
  if (names.length < ctx.config.azs) {
    throw new TutorError(
      'AWS',
      text(
        `${ctx.config.region} offers ${names.length} availability zones that EKS accepts; --azs ${ctx.config.azs} needs ${ctx.config.azs}. Choose --azs ${Math.max(2, names.length)} or another region.`,
        `${ctx.config.region} で EKS が使えるアベイラビリティーゾーンは ${names.length} 個で、--azs ${ctx.config.azs} には足りません。--azs ${Math.max(2, names.length)} にするか、別のリージョンを選んでください。`,
      ),
    );
  }
  const chosen = names.slice(0, ctx.config.azs);
  await ctx.ledger.setFacts({ availabilityZones: chosen });
  return chosen;
}

/** Placeholder AZ names for a plan made before DescribeAvailabilityZones was asked. */
export function plannedAzs(ctx: { config: StepContext['config']; ledger: StepContext['ledger'] }): string[] {
  const known = ctx.ledger.facts.availabilityZones;
  if (known && known.length >= ctx.config.azs) return known.slice(0, ctx.config.azs);
  return ['a', 'b', 'c'].slice(0, ctx.config.azs).map((letter) => `${ctx.config.region}${letter}`);
}
