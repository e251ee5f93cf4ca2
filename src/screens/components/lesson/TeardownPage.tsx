import { Box } from 'ink';
import { useEffect } from 'react';
import type { Found } from '../../../aws/inventory.js';
import { useTutor, useTutorActions } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { shortId } from '../../format.js';
import { timeRate } from '../../state/cost.js';
import { S } from '../../strings.js';
import { Elapsed, Spinner } from '../Clock.js';
import { T } from '../T.js';
import { Failure } from './Failure.js';

const TAG = 'eks-basics-tutor/cluster';

/** One resource of the plan, with where its deletion is. */
function Row({ found, width }: { found: Found; width: number }) {
  const { world, config } = useTutor();
  const { theme } = useUi();
  const view = world.resources[found.key];
  const running = world.teardown.phase === 'running' || world.teardown.phase === 'done';
  const phase = running && view ? view.phase : 'ready';
  const look = phase === 'deleted' ? { symbol: theme.symbols.ok, tone: 'ok' as const } : theme.phase[phase];
  return (
    <Box width={width}>
      <T wrap="truncate-end">
        <T tone={look.tone}>{look.symbol}</T> {found.kind.padEnd(16)} {shortId(found.kind, found.id)}
        {phase === 'deleting' && view?.status ? (
          <T tone="warn">
            {' '}
            {view.status}{' '}
            <Elapsed
              {...(view.elapsedMs !== undefined ? { elapsedMs: view.elapsedMs } : {})}
              {...(view.statusAt !== undefined ? { at: view.statusAt } : {})}
              {...(view.expectedMs ? { expectedMs: view.expectedMs } : {})}
              rate={timeRate(config)}
            />
          </T>
        ) : !running && found.state ? (
          <T tone="muted">{` (${found.state})`}</T>
        ) : null}
      </T>
    </Box>
  );
}

/**
 * The plan, one row per resource, never cut short: a list taller than the page
 * scrolls (↑/↓), and while it runs the window follows the deletions.
 */
function Rows({ list, width, height }: { list: readonly Found[]; width: number; height: number }) {
  const { tutor, world } = useTutor();
  const { scrollLimit } = useTutorActions();
  const limit = Math.max(0, list.length - height);
  useEffect(() => {
    scrollLimit.current = limit;
  }, [limit, scrollLimit]);
  const running = world.teardown.phase === 'running';
  const busy = running ? list.findIndex((f) => world.resources[f.key]?.phase !== 'deleted') : -1;
  const offset = Math.min(limit, busy >= 0 ? Math.max(tutor.scroll, busy - Math.floor(height / 2)) : tutor.scroll);
  const shown = list.slice(offset, offset + height);
  return (
    <Box flexDirection="column">
      {shown.map((found) => (
        <Row key={found.key} found={found} width={width} />
      ))}
      {offset + height < list.length ? <T tone="muted">{S.moreBelow(list.length - offset - height)}</T> : null}
    </Box>
  );
}

/** Clean-up: what will be deleted, one confirmation, progress per resource, and a check that nothing is left. */
export function TeardownPage({ width, height }: { width: number; height: number }) {
  const { world, config } = useTutor();
  const { loadTeardown } = useTutorActions();
  const { teardown } = world;

  useEffect(() => {
    if (teardown.phase === 'idle' && config.mode !== 'dry-run') loadTeardown();
  }, [teardown.phase, config.mode, loadTeardown]);

  if (config.mode === 'dry-run') return <T>{S.teardownDryRun}</T>;
  if (teardown.phase === 'idle' || teardown.phase === 'loading') {
    return (
      <T>
        <Spinner /> {S.teardownLooking}
      </T>
    );
  }
  const plan = teardown.plan;
  const tag = `${TAG}=${config.clusterName}`;
  if (teardown.phase === 'failed' && !plan) return <Failure error={teardown.error} />;
  if (!plan || plan.delete.length === 0) {
    return (
      <Box flexDirection="column">
        <T>{S.teardownNothing}</T>
        <T tone="ok">{S.teardownLeft(tag)}</T>
      </Box>
    );
  }
  const extra = (plan.leave.length ? 1 + plan.leave.length : 0) + (plan.byTagOnly ? 1 : 0);
  return (
    <Box flexDirection="column">
      <T bold>{teardown.phase === 'ready' ? S.teardownList : S.teardownRunning}</T>
      <Rows list={plan.delete} width={width} height={Math.max(3, height - 6 - extra)} />
      {plan.byTagOnly ? <T tone="warn">{S.teardownByTag}</T> : null}
      {plan.leave.length ? <T tone="muted">{S.teardownLeave}</T> : null}
      {plan.leave.map((f) => (
        <T key={f.key} tone="muted" wrap="truncate-end">
          {'  '}
          {f.kind} {f.id}
        </T>
      ))}
      {teardown.phase === 'ready' ? (
        <T bold tone="accent">
          {S.teardownConfirm}
        </T>
      ) : null}
      {teardown.phase === 'running' ? (
        <T>
          <Spinner /> {S.teardownRunning}
        </T>
      ) : null}
      {teardown.phase === 'failed' ? <Failure error={teardown.error} /> : null}
      {teardown.phase === 'done' ? (
        teardown.remaining?.length ? (
          <Box flexDirection="column">
            <T tone="bad">{S.teardownStill}</T>
            {teardown.remaining.map((f) => (
              <T key={f.key} tone="bad">
                {'  '}
                {f.kind} {f.id}
              </T>
            ))}
          </Box>
        ) : (
          <Box flexDirection="column">
            <T tone="ok">{S.teardownDeleted(teardown.deleted ?? 0)}</T>
            <T tone="ok" bold>
              {S.teardownLeft(tag)}
            </T>
          </Box>
        )
      ) : null}
    </Box>
  );
}
