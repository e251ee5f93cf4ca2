import { addonVersionsFor } from './addon-versions.js';
import type { ClusterPicture, KubeObject } from './kube-objects.js';
import { patchVersion } from './kube-versions.js';
import { timestamp, uid } from './kube-util.js';

/**
 * What EKS puts in `kube-system`: the VPC CNI (aws-node) and kube-proxy as
 * DaemonSets on every node, CoreDNS as a Deployment of two. With
 * `bootstrapSelfManagedAddons` (the API's default) they come self-managed;
 * an EKS add-on made for one sets its version, which the images carry.
 */

/** EKS's ECR account for its images in most regions. */
const ECR_ACCOUNT = '602401143452';

/** What a cluster runs: an add-on's version when one was made, else the version EKS offers first for the cluster's Kubernetes. */
export function addonVersions(cluster: ClusterPicture): { 'vpc-cni': string; coredns: string; 'kube-proxy': string } {
  const pick = (name: 'vpc-cni' | 'coredns' | 'kube-proxy', fallback: string) =>
    cluster.addons?.[name] ?? addonVersionsFor(name, cluster.version)[0] ?? fallback;
  return {
    'vpc-cni': pick('vpc-cni', 'v1.20.4-eksbuild.1'),
    coredns: pick('coredns', 'v1.12.3-eksbuild.1'),
    'kube-proxy': pick('kube-proxy', `v${patchVersion(cluster.version)}-eksbuild.2`),
  };
}

const image = (region: string, repository: string, tag: string) => `${ECR_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${repository}:${tag}`;

function meta(
  cluster: ClusterPicture,
  kind: string,
  name: string,
  labels: Record<string, string>,
  managed: boolean,
): KubeObject['metadata'] {
  return {
    name,
    namespace: 'kube-system',
    uid: uid(`${cluster.region}/${cluster.name}/${kind}/kube-system/${name}`),
    resourceVersion: '300',
    generation: 1,
    creationTimestamp: timestamp(cluster.readySince),
    labels: { ...labels, ...(managed ? { 'app.kubernetes.io/managed-by': 'EKS' } : {}) },
    annotations: { [`${kind === 'DaemonSet' ? 'deprecated.daemonset.template.generation' : 'deployment.kubernetes.io/revision'}`]: '1' },
  };
}

/** Which of the three the cluster runs: those bootstrapped self-managed, and those made as add-ons. */
function present(cluster: ClusterPicture, name: string): boolean {
  return cluster.bootstrapSelfManagedAddons !== false || cluster.addons?.[name] !== undefined;
}

export function systemDaemonSets(cluster: ClusterPicture): KubeObject[] {
  const versions = addonVersions(cluster);
  const sets: KubeObject[] = [];
  const critical = {
    priorityClassName: 'system-node-critical',
    hostNetwork: true,
    tolerations: [{ operator: 'Exists' }],
    serviceAccountName: '',
  };
  if (present(cluster, 'vpc-cni')) {
    const labels = { 'k8s-app': 'aws-node', 'app.kubernetes.io/name': 'aws-node', 'app.kubernetes.io/instance': 'aws-vpc-cni' };
    sets.push(
      daemonSet(
        meta(cluster, 'DaemonSet', 'aws-node', labels, cluster.addons?.['vpc-cni'] !== undefined),
        { 'k8s-app': 'aws-node' },
        {
          ...critical,
          serviceAccountName: 'aws-node',
          initContainers: [{ name: 'aws-vpc-cni-init', image: image(cluster.region, 'amazon-k8s-cni-init', versions['vpc-cni']) }],
          containers: [
            {
              name: 'aws-node',
              image: image(cluster.region, 'amazon-k8s-cni', versions['vpc-cni']),
              ports: [{ containerPort: 61678, name: 'metrics', protocol: 'TCP' }],
            },
            { name: 'aws-eks-nodeagent', image: image(cluster.region, 'amazon/aws-network-policy-agent', 'v1.2.7-eksbuild.1') },
          ],
        },
      ),
    );
  }
  if (present(cluster, 'kube-proxy')) {
    const labels = { 'k8s-app': 'kube-proxy', 'eks.amazonaws.com/component': 'kube-proxy' };
    const tag = versions['kube-proxy'].replace(/-eksbuild/, '-minimal-eksbuild');
    sets.push(
      daemonSet(
        meta(cluster, 'DaemonSet', 'kube-proxy', labels, cluster.addons?.['kube-proxy'] !== undefined),
        { 'k8s-app': 'kube-proxy' },
        {
          ...critical,
          serviceAccountName: 'kube-proxy',
          containers: [
            {
              name: 'kube-proxy',
              image: image(cluster.region, 'eks/kube-proxy', tag),
              command: ['kube-proxy', '--v=2', '--config=/var/lib/kube-proxy-config/config'],
            },
          ],
        },
      ),
    );
  }
  return sets;
}

function daemonSet(metadata: KubeObject['metadata'], selector: Record<string, string>, spec: Record<string, unknown>): KubeObject {
  return {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    metadata,
    spec: {
      selector: { matchLabels: selector },
      template: { metadata: { labels: selector }, spec },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  };
}

export function systemDeployments(cluster: ClusterPicture): KubeObject[] {
  if (!present(cluster, 'coredns')) return [];
  const labels = { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns', 'kubernetes.io/name': 'CoreDNS' };
  return [
    {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: meta(cluster, 'Deployment', 'coredns', labels, cluster.addons?.coredns !== undefined),
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' } },
          spec: {
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            dnsPolicy: 'Default',
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
            ],
            containers: [
              {
                name: 'coredns',
                image: image(cluster.region, 'eks/coredns', addonVersions(cluster).coredns),
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
              },
            ],
          },
        },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
  ];
}
