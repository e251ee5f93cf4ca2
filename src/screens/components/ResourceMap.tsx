import { Box } from 'ink';
import type { Text } from '../../text.js';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { shortId } from '../format.js';
import { mapModel, type MapNode, type MapZone } from '../state/map-model.js';
import { S } from '../strings.js';
import { T } from './T.js';

const KIND_OF: Record<string, string> = { cluster: 'eks-cluster', nodegroup: 'eks-nodegroup' };

/** One resource: its phase as a symbol, its name, and its id once it has one. */
function Node({ label, node, indent = '' }: { label: Text | string; node: MapNode; indent?: string }) {
  const { theme } = useUi();
  const look = theme.phase[node.phase];
  const id = shortId(KIND_OF[node.key] ?? '', node.id);
  return (
    <T wrap="truncate-end">
      {indent}
      <T tone={look.tone}>{look.symbol}</T> <T bold>{label}</T>
      {id ? ` ${id}` : ''}
      {node.status && node.phase !== 'ready' ? <T tone="warn">{` ${node.status}`}</T> : null}
      {node.note ? <T tone="muted">{` ${node.note}`}</T> : null}
    </T>
  );
}

function Zone({ zone, width, nodeTier }: { zone: MapZone; width: number; nodeTier: 'public' | 'private' }) {
  const { theme } = useUi();
  const nodes = (
    <T wrap="truncate-end">
      {'  '}
      {Array.from({ length: zone.nodes }, (_, i) => (
        <T key={i} tone={i < zone.readyNodes ? 'ok' : 'warn'}>
          {i < zone.readyNodes ? theme.phase.ready.symbol : theme.phase.creating.symbol}
          {' node '}
        </T>
      ))}
    </T>
  );
  return (
    <Box flexDirection="column" {...(theme.plain ? {} : { borderStyle: 'round' as const })} width={width} paddingX={1}>
      <T tone="muted" wrap="truncate-end">
        {zone.name}
      </T>
      <Node label={S.mapPublic} node={zone.publicSubnet} />
      {zone.nat ? <Node label="NAT" node={zone.nat} indent="  " /> : null}
      {nodeTier === 'public' && zone.nodes ? nodes : null}
      <Node label={S.mapPrivate} node={zone.privateSubnet} />
      {nodeTier === 'private' && zone.nodes ? nodes : null}
    </Box>
  );
}

/** Region → VPC → a column per AZ with its subnets, NAT gateway and nodes; the control plane, the roles. */
/** The width the map takes beside a lesson on a wide terminal. */
export const SIDE_MAP_WIDTH = 58;

export function ResourceMap({ width }: { width: number }) {
  const { world, config, session } = useTutor();
  const { theme } = useUi();
  const zonesKnown = session.status === 'open' ? (session.session.ledger.facts.availabilityZones ?? []) : [];
  const model = mapModel(config, world.resources, zonesKnown);
  const zoneWidth = Math.max(18, Math.floor((width - 4) / model.zones.length));
  return (
    <Box flexDirection="column" width={width}>
      <T bold tone="heading" wrap="truncate-end">
        {S.mapTitle}
        <T tone="muted">{` · ${S.region[config.lang]} ${model.region}`}</T>
      </T>
      <Box flexDirection="column" {...(theme.plain ? {} : { borderStyle: 'single' as const })} paddingX={1} width={width}>
        <Box justifyContent="space-between">
          <Node label="VPC" node={model.vpc} />
          <Node label="IGW" node={model.igw} />
        </Box>
        <Box>
          {model.zones.map((zone) => (
            <Zone key={zone.name} zone={zone} width={zoneWidth} nodeTier={model.nodeSubnets} />
          ))}
        </Box>
      </Box>
      <Node label={S.mapControlPlane} node={model.controlPlane} />
      <T tone="muted" wrap="truncate-end">
        {'  '}
        {S.mapControlPlaneWhere}
      </T>
      <Node label={S.mapNodegroup} node={model.nodegroup} />
      <T wrap="truncate-end">
        <Node label={S.mapClusterRole} node={{ ...model.roles.cluster, id: '' }} />
        {'  '}
        <Node label={S.mapNodeRole} node={{ ...model.roles.node, id: '' }} />
        {'  '}
        <Node label="kubeconfig" node={{ ...model.kubeconfig, id: '' }} />
      </T>
      <T tone="muted" wrap="truncate-end">
        {S.mapLegend}
      </T>
    </Box>
  );
}
