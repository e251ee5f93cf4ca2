import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describeCluster } from '../steps/cluster.js';
import { clusterFilter, isOurs } from '../tags.js';
import type { StepContext } from '../types.js';
import { KEYS } from './facts.js';
import type { Scan } from './found.js';

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

export function newScan(ctx: StepContext): Scan {
  const name = ctx.config.clusterName;
  const cluster = once(() => describeCluster(ctx));
  const vpcs = once(async () =>
    ((await ctx.clients.ec2.send(new DescribeVpcsCommand({ Filters: clusterFilter(name) }))).Vpcs ?? [])
      .filter((v) => v.VpcId && isOurs(v.Tags, name))
      .map((v) => ({ id: v.VpcId!, tags: v.Tags, cidr: v.CidrBlock ?? '' })),
  );
  const ledgerEmpty = () => ctx.ledger.live.length === 0;
  return {
    ctx,
    cluster,
    vpcs,
    tutorVpcIds: once(async () =>
      (await vpcs()).filter((v) => ledgerEmpty() || ctx.ledger.entries.some((e) => e.id === v.id)).map((v) => v.id),
    ),
    clusterIsOurs: once(async () => {
      if (ctx.ledger.get(KEYS.cluster)) return true;
      const c = await cluster();
      return Boolean(c && isOurs(c.tags, name));
    }),
  };
}
