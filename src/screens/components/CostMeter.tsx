import { Box } from 'ink';
import { memo } from 'react';
import type { Mode } from '../../config.js';
import { PRICE_DATE, formatUsd } from '../../aws/cost.js';
import { plannedHourly, stepsThrough } from '../../present/sums.js';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { useNowShown } from '../hooks/useNow.js';
import { useServices } from '../contexts/services.js';
import { costNow } from '../state/cost.js';
import { S } from '../strings.js';
import { T } from './T.js';

function useCost() {
  const { world, config } = useTutor();
  const resources = Object.values(world.resources);
  const services = useServices();
  const { theme } = useUi();
  const first = costNow(resources, config, services.now());
  // The total grows while something is billed: checked at each tick of the clocks then, and drawn again when its
  // figures change (never in plain mode).
  const now = useNowShown(first.hourly > 0 && !theme.plain, (at) => shownCost(costNow(resources, config, at)));
  return { cost: costNow(resources, config, now), config };
}

/** The figures the meter shows, as text: what decides whether it is drawn again. */
function shownCost(cost: { hourly: number; total: number }): string {
  return `${formatUsd(cost.hourly)} ${formatUsd(cost.total)}`;
}

/** The status line's cost: $/hour now and the total so far, an estimate; in the sandbox, what it would cost in AWS. */
export function CostCompact() {
  const { cost, config } = useCost();
  return <CompactFigures mode={config.mode} hourly={formatUsd(cost.hourly)} total={formatUsd(cost.total)} />;
}

/** Drawn again only when a figure changes: an engine event that leaves them as they were draws nothing. */
const CompactFigures = memo(function CompactFigures({ mode, hourly, total }: { mode: Mode; hourly: string; total: string }) {
  if (mode === 'dry-run') return <T tone="muted">{S.modeDryRun}</T>;
  return (
    <T wrap="truncate-end">
      {mode === 'sandbox' ? (
        <T tone="muted">
          <T tone="ok">{S.free}</T>
          <T tone="muted">
            {' · '}
            {S.forReal}{' '}
          </T>
        </T>
      ) : null}
      <T tone="cost">
        {S.perHour(hourly)}
        {' · '}
        {S.soFar(total)}
      </T>
    </T>
  );
});

/** The full meter, under the map: what runs, what it costs per hour, the total, and that it is an estimate. */
export function CostMeter() {
  const { cost, config } = useCost();
  const { engine } = useTutorSessionPlan();
  if (config.mode === 'dry-run') {
    const all = engine ? plannedHourly((step) => engine.plan(step), stepsThrough(5)) : 0;
    return <T tone="muted">{S.costDryRun(formatUsd(all))}</T>;
  }
  return (
    <Box flexDirection="column">
      <T wrap="truncate-end">
        <T bold>{S.costTitle}</T>
        <T tone="muted">{S.aside(S.estimate(PRICE_DATE))}</T>
      </T>
      <T tone="cost" wrap="truncate-end">
        {S.costNow(formatUsd(cost.hourly))}
        {' · '}
        {S.costTotal(formatUsd(cost.total))}
      </T>
      {config.mode === 'sandbox' ? (
        <T tone="muted" wrap="truncate-end">
          {S.costSandbox}
        </T>
      ) : null}
    </Box>
  );
}

function useTutorSessionPlan() {
  const { session } = useTutor();
  return { engine: session.status === 'open' ? session.session.engine : undefined };
}
