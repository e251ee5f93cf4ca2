import { Box } from 'ink';
import { memo } from 'react';
import { useTutor, useTutorHere } from '../../contexts/tutor.js';
import { useSame } from '../../hooks/useSame.js';
import { useUi } from '../../contexts/ui.js';
import { shortId } from '../../format.js';
import { timeRate } from '../../state/cost.js';
import { settling, stepOfKey, type ResourceView } from '../../state/world.js';
import { Elapsed } from '../Clock.js';
import { T } from '../T.js';

/** The slow resources of a step still coming up, each with its status and its clock against the usual time. */
export function Waits({ step }: { step?: number }) {
  const { world } = useTutor();
  const waits = useSame(settling(world).filter((r) => step === undefined || stepOfKey(r.key) === step));
  if (waits.length === 0) return null;
  return <WaitRows waits={waits} />;
}

/** A row a resource still coming up: its kind, ID and status, and its clock against the usual time. */
export const WaitRows = memo(function WaitRows({ waits }: { waits: readonly ResourceView[] }) {
  const { config } = useTutorHere();
  const { theme } = useUi();
  return (
    <Box flexDirection="column">
      {waits.map((r) => (
        <T key={r.key} wrap="truncate-end">
          <T tone="warn">{theme.phase.creating.symbol}</T> {r.kind} {shortId(r.kind, r.id)}: <T tone="warn">{r.status ?? '…'}</T>{' '}
          <Elapsed
            {...(r.elapsedMs !== undefined ? { elapsedMs: r.elapsedMs } : {})}
            {...(r.statusAt !== undefined ? { at: r.statusAt } : {})}
            {...(r.expectedMs ? { expectedMs: r.expectedMs } : {})}
            rate={timeRate(config)}
          />
        </T>
      ))}
    </Box>
  );
});
