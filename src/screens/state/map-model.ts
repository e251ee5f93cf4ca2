import type { TutorConfig } from '../../config.js';
import { natCount, subnetCidr } from '../../aws/network.js';
import { KEYS } from '../../aws/resources/kinds.js';
import { IGW_KEY, VPC_KEY, natKey, subnetKey } from '../../aws/steps/vpc-requests.js';
import { readyOf } from './resources.js';
import type { Phase, ResourceView } from './world-types.js';

/** One box of the map: what it is, its id once known, and where it is in its life. */
export interface MapNode {
  key: string;
  id?: string;
  phase: Phase;
  status?: string;
  /** Shown beside the id: a CIDR, a count. */
  note?: string;
}

export interface MapZone {
  name: string;
  publicSubnet: MapNode;
  privateSubnet: MapNode;
  nat?: MapNode;
  /** Nodes of the node group placed in this zone (EKS spreads them over the subnets). */
  nodes: number;
  /** How many of them kubectl reports Ready. */
  readyNodes: number;
}

export interface MapModel {
  region: string;
  vpc: MapNode;
  igw: MapNode;
  zones: MapZone[];
  controlPlane: MapNode;
  nodegroup: MapNode;
  nodeSubnets: 'public' | 'private';
  roles: { cluster: MapNode; node: MapNode };
  kubeconfig: MapNode;
}

function node(resources: Record<string, ResourceView>, key: string, note?: string): MapNode {
  const view = resources[key];
  if (!view || view.phase === 'deleted') return { key, phase: 'planned', ...(note ? { note } : {}) };
  return {
    key,
    phase: view.phase,
    ...(view.id ? { id: view.id } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * The map as data: the planned layout from the config, filled in with what
 * the events and inventories report. Deleted resources go back to planned.
 */
export function mapModel(config: TutorConfig, resources: Record<string, ResourceView>, zoneNames: readonly string[] = []): MapModel {
  const nats = natCount(config);
  const nodeSubnets = config.nat === 'none' ? 'public' : 'private';
  const group = node(resources, KEYS.nodegroup);
  const desired = Number(resources[KEYS.nodegroup]?.details?.desired ?? config.nodes) || config.nodes;
  const nodesView = resources[KEYS.nodes];
  const ready = nodesView && nodesView.phase !== 'deleted' ? (readyOf(nodesView.status)?.ready ?? 0) : 0;
  const share = (total: number, i: number) => Math.floor(total / config.azs) + (i < total % config.azs ? 1 : 0);
  const zones: MapZone[] = [];
  for (let i = 0; i < config.azs; i++) {
    const subnetAz = resources[subnetKey('public', i)]?.details?.az || resources[subnetKey('private', i)]?.details?.az;
    const name = subnetAz || zoneNames[i] || `${config.region}${'abc'[i]}?`;
    zones.push({
      name,
      publicSubnet: node(resources, subnetKey('public', i), safeCidr(config.vpcCidr, 'public', i)),
      privateSubnet: node(resources, subnetKey('private', i), safeCidr(config.vpcCidr, 'private', i)),
      ...(i < nats ? { nat: node(resources, natKey(i)) } : {}),
      nodes: group.phase === 'planned' ? 0 : share(desired, i),
      readyNodes: group.phase === 'planned' ? 0 : share(ready, i),
    });
  }
  return {
    region: config.region || '?',
    vpc: node(resources, VPC_KEY, config.vpcCidr),
    igw: node(resources, IGW_KEY),
    zones,
    controlPlane: node(resources, KEYS.cluster),
    nodegroup: { ...group, note: `${desired} × ${resources[KEYS.nodegroup]?.details?.instanceType || config.instanceType}` },
    nodeSubnets,
    roles: { cluster: node(resources, KEYS.clusterRole), node: node(resources, KEYS.nodeRole) },
    kubeconfig: node(resources, KEYS.kubeconfig),
  };
}

function safeCidr(vpcCidr: string, tier: 'public' | 'private', index: number): string | undefined {
  try {
    return subnetCidr(vpcCidr, tier, index);
  } catch {
    return undefined;
  }
}
