import type { KubeController } from './kube-api.js';
import type { ClusterPicture, KubeObject } from './kube-objects.js';
import {
  clusterStore,
  nextVersion,
  recordEvent,
  removeObject,
  type ClusterStore,
  type KubeStore,
  type LoadBalancerRecord,
} from './kube-store.js';
import type { CallerScope, MotoClient } from './moto-client.js';
import { AwsCallError, ec2Call, elbCall, members, tagMembers, textAt, vpcSubnets, type SubnetTags } from './elb-moto.js';

/**
 * The AWS cloud provider's service controller, as EKS runs it: a Service of
 * type LoadBalancer gets a classic ELB (an NLB with the annotation
 * `service.beta.kubernetes.io/aws-load-balancer-type: nlb`) in one subnet per
 * zone among those tagged `kubernetes.io/role/elb` (`internal-elb` for an
 * internal one), named `a` + the Service's uid, tagged for the cluster and
 * the Service. A classic ELB gets a security group `k8s-elb-<name>` of its
 * own. Deleting the Service deletes both. Made in moto, in the account of the
 * cluster's creator.
 */

const TYPE_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-type';
const INTERNAL_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-internal';
const COMPONENT = 'service-controller';
/** The controller retries a failed Service after a back-off (real seconds on the sandbox's clock). */
const RETRY_MS = 5_000;

export const NO_SUBNETS_MESSAGE =
  'Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB';

type Port = { name?: string; port: number; protocol?: string; nodePort?: number };

/** `a` + the uid without dashes, 32 characters (cloudprovider.DefaultLoadBalancerName). */
export function loadBalancerName(service: KubeObject): string {
  return `a${service.metadata.uid.replace(/-/g, '')}`.slice(0, 32);
}

const annotation = (service: KubeObject, name: string): string | undefined =>
  (service.metadata.annotations as Record<string, string> | undefined)?.[name];
const isLoadBalancer = (o: KubeObject) => o.kind === 'Service' && (o.spec as { type?: string }).type === 'LoadBalancer';

/** One subnet per zone: tagged for the role, not claimed by another cluster; the cluster's own tag first, then by id. */
export function chooseSubnets(subnets: SubnetTags[], clusterName: string, internal: boolean): string[] {
  const role = internal ? 'kubernetes.io/role/internal-elb' : 'kubernetes.io/role/elb';
  const own = `kubernetes.io/cluster/${clusterName}`;
  const fit = subnets.filter((s) => {
    if (!(role in s.tags) || !['1', ''].includes(s.tags[role]!)) return false;
    const claimed = Object.keys(s.tags).some((k) => k.startsWith('kubernetes.io/cluster/') && k !== own);
    return !claimed || own in s.tags;
  });
  const byZone = new Map<string, SubnetTags>();
  for (const s of fit.sort((a, b) => Number(own in b.tags) - Number(own in a.tags) || a.id.localeCompare(b.id))) {
    if (!byZone.has(s.zone)) byZone.set(s.zone, s);
  }
  return [...byZone.values()].map((s) => s.id).sort();
}

export function loadBalancerController(moto: MotoClient, now: () => number): KubeController {
  const running = new Map<string, Promise<void>>();
  return {
    sync(picture, store) {
      const key = `${picture.region}/${picture.name}`;
      const next = (running.get(key) ?? Promise.resolve()).then(() => syncCluster(moto, now, picture, store)).catch(() => undefined);
      running.set(key, next);
      return next;
    },
  };
}

async function syncCluster(moto: MotoClient, now: () => number, picture: ClusterPicture, store: KubeStore): Promise<void> {
  const cluster = clusterStore(store, picture.region, picture.name, picture.incarnation);
  const scope = { accessKeyId: picture.creatorAccessKeyId, region: picture.region };
  for (const service of cluster.objects.filter(isLoadBalancer)) {
    if (service.metadata.deletionTimestamp || cluster.loadBalancers[service.metadata.uid]?.dnsName) continue;
    const record = cluster.loadBalancers[service.metadata.uid];
    if (record?.failedAt !== undefined && now() - record.failedAt < RETRY_MS) continue;
    await ensure(moto, scope, picture, cluster, service, now());
  }
  for (const [uid, record] of Object.entries(cluster.loadBalancers)) {
    const service = cluster.objects.find((o) => o.metadata.uid === uid);
    if (service && isLoadBalancer(service) && !service.metadata.deletionTimestamp) continue;
    await remove(moto, scope, cluster, record, service, now());
    delete cluster.loadBalancers[uid];
    if (service?.metadata.deletionTimestamp) removeObject(cluster, service);
  }
}

async function ensure(
  moto: MotoClient,
  scope: CallerScope,
  picture: ClusterPicture,
  cluster: ClusterStore,
  service: KubeObject,
  at: number,
): Promise<void> {
  const name = loadBalancerName(service);
  const internal = !['', 'false', undefined].includes(annotation(service, INTERNAL_ANNOTATION));
  const type = annotation(service, TYPE_ANNOTATION) === 'nlb' ? 'nlb' : 'classic';
  const ns = service.metadata.namespace ?? 'default';
  const record: LoadBalancerRecord = cluster.loadBalancers[service.metadata.uid] ?? {
    name,
    type,
    namespace: ns,
    service: service.metadata.name,
    internal,
  };
  cluster.loadBalancers[service.metadata.uid] = record;
  recordEvent(
    cluster,
    service,
    { type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', component: COMPONENT },
    at,
  );
  const tags = { [`kubernetes.io/cluster/${picture.name}`]: 'owned', 'kubernetes.io/service-name': `${ns}/${service.metadata.name}` };
  try {
    const subnets = picture.vpcId ? chooseSubnets(await vpcSubnets(moto, scope, picture.vpcId), picture.name, internal) : [];
    if (subnets.length === 0) throw new AwsCallError('NoSubnets', NO_SUBNETS_MESSAGE);
    const ports = (service.spec as { ports?: Port[] }).ports ?? [];
    if (type === 'classic') {
      record.securityGroupId ??= await securityGroup(moto, scope, picture, name, `${ns}/${service.metadata.name}`, ports);
      const answer = await elbCall(moto, scope, '2012-06-01', {
        Action: 'CreateLoadBalancer',
        LoadBalancerName: name,
        ...Object.fromEntries(
          ports.flatMap((p, i) => [
            [`Listeners.member.${i + 1}.Protocol`, p.protocol === 'UDP' ? 'UDP' : 'TCP'],
            [`Listeners.member.${i + 1}.LoadBalancerPort`, String(p.port)],
            [`Listeners.member.${i + 1}.InstanceProtocol`, 'TCP'],
            [`Listeners.member.${i + 1}.InstancePort`, String(p.nodePort ?? p.port)],
          ]),
        ),
        ...members('Subnets', subnets),
        ...members('SecurityGroups', [record.securityGroupId]),
        ...(internal ? { Scheme: 'internal' } : {}),
        ...tagMembers('Tags', tags),
      });
      record.dnsName = textAt(answer, ['CreateLoadBalancerResult', 'DNSName']);
    } else {
      const answer = await elbCall(moto, scope, '2015-12-01', {
        Action: 'CreateLoadBalancer',
        Name: name,
        Type: 'network',
        Scheme: internal ? 'internal' : 'internet-facing',
        ...members('Subnets', subnets),
        ...tagMembers('Tags', tags),
      });
      record.dnsName = textAt(answer, ['CreateLoadBalancerResult', 'LoadBalancers', 'member', 'DNSName']);
      record.arn = textAt(answer, ['CreateLoadBalancerResult', 'LoadBalancers', 'member', 'LoadBalancerArn']);
    }
    record.failedAt = undefined;
    service.status = { loadBalancer: { ingress: [{ hostname: record.dnsName }] } };
    service.metadata.finalizers = ['service.kubernetes.io/load-balancer-cleanup'];
    service.metadata.resourceVersion = nextVersion(cluster);
    recordEvent(
      cluster,
      service,
      { type: 'Normal', reason: 'EnsuredLoadBalancer', message: 'Ensured load balancer', component: COMPONENT },
      at,
    );
  } catch (error) {
    record.failedAt = at;
    const message =
      error instanceof AwsCallError && error.code === 'NoSubnets'
        ? NO_SUBNETS_MESSAGE
        : `Error syncing load balancer: failed to ensure load balancer: ${(error as Error).message}`;
    recordEvent(cluster, service, { type: 'Warning', reason: 'SyncLoadBalancerFailed', message, component: COMPONENT }, at);
  }
}

/** The classic ELB's own group: open on the Service's ports, and ICMP "fragmentation needed" for path MTU discovery. */
async function securityGroup(
  moto: MotoClient,
  scope: CallerScope,
  picture: ClusterPicture,
  name: string,
  service: string,
  ports: Port[],
): Promise<string> {
  const created = await ec2Call(moto, scope, {
    Action: 'CreateSecurityGroup',
    GroupName: `k8s-elb-${name}`,
    GroupDescription: `Security group for Kubernetes ELB ${name} (${service})`,
    VpcId: picture.vpcId!,
    'TagSpecification.1.ResourceType': 'security-group',
    'TagSpecification.1.Tag.1.Key': `kubernetes.io/cluster/${picture.name}`,
    'TagSpecification.1.Tag.1.Value': 'owned',
  });
  const groupId = textAt(created, ['groupId']);
  const rules: Record<string, string> = { Action: 'AuthorizeSecurityGroupIngress', GroupId: groupId };
  [
    ...ports.map((p) => ({ protocol: (p.protocol ?? 'TCP').toLowerCase(), from: p.port, to: p.port })),
    { protocol: 'icmp', from: 3, to: 4 },
  ].forEach((rule, i) => {
    rules[`IpPermissions.${i + 1}.IpProtocol`] = rule.protocol;
    rules[`IpPermissions.${i + 1}.FromPort`] = String(rule.from);
    rules[`IpPermissions.${i + 1}.ToPort`] = String(rule.to);
    rules[`IpPermissions.${i + 1}.IpRanges.1.CidrIp`] = '0.0.0.0/0';
  });
  await ec2Call(moto, scope, rules);
  return groupId;
}

async function remove(
  moto: MotoClient,
  scope: CallerScope,
  cluster: ClusterStore,
  record: LoadBalancerRecord,
  service: KubeObject | undefined,
  at: number,
): Promise<void> {
  if (service)
    recordEvent(
      cluster,
      service,
      { type: 'Normal', reason: 'DeletingLoadBalancer', message: 'Deleting load balancer', component: COMPONENT },
      at,
    );
  if (record.dnsName) {
    if (record.type === 'classic')
      await elbCall(moto, scope, '2012-06-01', { Action: 'DeleteLoadBalancer', LoadBalancerName: record.name });
    else if (record.arn) await elbCall(moto, scope, '2015-12-01', { Action: 'DeleteLoadBalancer', LoadBalancerArn: record.arn });
  }
  if (record.securityGroupId) await ec2Call(moto, scope, { Action: 'DeleteSecurityGroup', GroupId: record.securityGroupId });
  if (service) {
    service.status = { loadBalancer: {} };
    recordEvent(
      cluster,
      service,
      { type: 'Normal', reason: 'DeletedLoadBalancer', message: 'Deleted load balancer', component: COMPONENT },
      at,
    );
  }
}
