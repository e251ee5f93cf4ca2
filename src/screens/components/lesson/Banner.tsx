import { Box } from 'ink';
import { memo } from 'react';
import { STEP_TITLES } from '../../../present/words.js';
import type { StepNumber } from '../../../aws/types.js';
import { useTutor, useTutorHere } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { timeRate } from '../../state/cost.js';
import { settling, stepOfKey, type ResourceView } from '../../state/world.js';
import { S } from '../../strings.js';
import { Elapsed } from '../Clock.js';
import { T } from '../T.js';

/** A slow resource of another step is still coming up: say so, and that reading on is fine. */
export function useBannerFor(step: number | undefined, pageKind: string | undefined) {
  const { world } = useTutor();
  return settling(world).filter((r) => {
    const of = stepOfKey(r.key);
    return of !== undefined && !(of === step && (pageKind === 'run' || pageKind === 'check'));
  });
}

export function SettlingBanner({ step, pageKind }: { step: number | undefined; pageKind: string | undefined }) {
  const first = useBannerFor(step, pageKind)[0];
  return first ? <Banner first={first} /> : null;
}

/** Drawn again when the resource's status changes, not for each call of another step. */
const Banner = memo(function Banner({ first }: { first: ResourceView }) {
  const { config } = useTutorHere();
  const { theme } = useUi();
  const of = stepOfKey(first.key) as StepNumber;
  return (
    <Box flexDirection="column">
      <T tone="warn" wrap="truncate-end">
        {theme.phase.creating.symbol} {S.settlingBanner(STEP_TITLES[of], first.status ?? '…')}{' '}
        <Elapsed
          {...(first.elapsedMs !== undefined ? { elapsedMs: first.elapsedMs } : {})}
          {...(first.statusAt !== undefined ? { at: first.statusAt } : {})}
          {...(first.expectedMs ? { expectedMs: first.expectedMs } : {})}
          rate={timeRate(config)}
        />
      </T>
      <T tone="muted" wrap="truncate-end">
        {'  '}
        {S.settlingReadOn}
      </T>
    </Box>
  );
});
