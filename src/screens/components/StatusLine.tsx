import { Box } from 'ink';
import { memo } from 'react';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { S } from '../strings.js';
import { CostCompact } from './CostMeter.js';
import { T, type Say } from './T.js';

const ALIVE = new Set(['creating', 'ready', 'deleting']);

/** The live resources and the running cost, always at the bottom. */
export function StatusLine() {
  const { world } = useTutor();
  const views = Object.values(world.resources).filter((r) => ALIVE.has(r.phase));
  const creating = views.filter((r) => r.phase === 'creating').length;
  const deleting = views.filter((r) => r.phase === 'deleting').length;
  return <Counts live={views.length} creating={creating} deleting={deleting} />;
}

/** The line itself, drawn again only when a count changes (not for every poll of a resource still coming up). */
const Counts = memo(function Counts({ live, creating, deleting }: { live: number; creating: number; deleting: number }) {
  const { theme, columns } = useUi();
  return (
    <Box justifyContent="space-between" width={columns}>
      <T wrap="truncate-end">
        <T tone={live ? 'ok' : 'muted'}>{live ? theme.phase.ready.symbol : theme.phase.planned.symbol}</T> <T>{S.resources(live)}</T>
        {creating ? (
          <T tone="warn">
            {' · '}
            {S.creatingCount(creating)}
          </T>
        ) : null}
        {deleting ? (
          <T tone="warn">
            {' · '}
            {S.deletingCount(deleting)}
          </T>
        ) : null}
      </T>
      <CostCompact />
    </Box>
  );
});

/** The keys that work here. */
export function KeysLine({ keys }: { keys: Say }) {
  return (
    <T tone="muted" wrap="truncate-end">
      {keys}
    </T>
  );
}
