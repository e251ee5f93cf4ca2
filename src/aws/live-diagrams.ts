import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import { readEntry, readKubeconfig } from '../kube/kubeconfig.js';
import { kubeconfigPlace, vpcView, type LiveSession } from './live.js';
import type { LiveView } from './live-types.js';

/** The VPC view with where each subnet's route table sends 0.0.0.0/0 (DescribeRouteTables). */
export async function vpcDiagramView(session: LiveSession): Promise<LiveView> {
  const view = await vpcView(session);
  if (view.kind !== 'vpc' || !view.vpc) return view;
  const tables =
    (await session.engine.clients.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [view.vpc.id] }] })))
      .RouteTables ?? [];
  const routeOf = (subnet: string) => {
    const table =
      tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnet)) ??
      tables.find((t) => (t.Associations ?? []).some((a) => a.Main));
    const route = table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
    return route?.NatGatewayId ?? route?.GatewayId ?? route?.TransitGatewayId ?? undefined;
  };
  return {
    kind: 'vpc-diagram',
    shape: {
      vpc: view.vpc,
      ...(view.igw ? { igw: view.igw } : {}),
      subnets: view.subnets.map((s) => {
        const target = routeOf(s.id);
        return { ...s, ...(target ? { defaultRoute: target } : {}) };
      }),
      nats: view.nats,
    },
  };
}

/** This build's names along the authentication path; the kubeconfig user once step 4 wrote it. */
export async function authPathView(session: LiveSession): Promise<LiveView> {
  const place = kubeconfigPlace(session);
  const entry = place ? readEntry((await readKubeconfig(place.path)) ?? '', place.name) : undefined;
  return {
    kind: 'auth-path',
    shape: {
      cluster: session.config.clusterName,
      region: session.config.region,
      ...(place ? { user: place.name } : {}),
      ...(entry?.server ? { endpoint: entry.server } : {}),
    },
  };
}
