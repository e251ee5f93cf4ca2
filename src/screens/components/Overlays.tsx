import { Box } from 'ink';
import { formatUsd } from '../../aws/cost.js';
import { useServices } from '../contexts/services.js';
import { useTutor } from '../contexts/tutor.js';
import { useUi } from '../contexts/ui.js';
import { downCommand, goingOn, runningLines } from '../state/farewell.js';
import { S } from '../strings.js';
import { CostMeter } from './CostMeter.js';
import { Frame } from './Frame.js';
import { Heading } from './Header.js';
import { ResourceMap } from './ResourceMap.js';
import { T } from './T.js';

/** Every key, on `?`. */
export function KeysHelp() {
  return (
    <Frame keys={S.keysClose}>
      <Heading>{S.keysTitle}</Heading>
      <Box flexDirection="column" marginTop={1}>
        {S.keysList.map(([key, what]) => (
          <T key={key} wrap="truncate-end">
            <T tone="key" bold>
              {key.padEnd(7)}
            </T>
            {what}
          </T>
        ))}
      </Box>
    </Frame>
  );
}

/** The resource map full screen, with the cost meter under it. */
export function MapScreen() {
  const { columns } = useUi();
  return (
    <Frame keys={S.keysLesson}>
      <ResourceMap width={Math.min(columns, 110)} />
      <CostMeter />
    </Frame>
  );
}

/** Quitting while billable resources run in real mode: what runs, what it costs, how to clean up later. */
export function QuitScreen() {
  const { world, config } = useTutor();
  const { lang } = useUi();
  const services = useServices();
  const running = runningLines(config, world, services.now());
  return (
    <Frame keys={S.quitConfirm}>
      <Heading>{S.quitTitle}</Heading>
      <Box flexDirection="column" marginY={1}>
        {running.lines.map((line) => (
          <T key={line} tone="warn" wrap="truncate-end">
            {'  '}
            {line}
          </T>
        ))}
      </Box>
      <T tone="cost">{S.quitCost(formatUsd(running.hourly))}</T>
      <T>{S.quitHow(downCommand(config))}</T>
      {goingOn(config, world, lang).map((line) => (
        <T key={line} tone="warn">
          {line}
        </T>
      ))}
      <Box marginTop={1}>
        <T bold tone="accent">
          {S.quitConfirm}
        </T>
      </Box>
    </Frame>
  );
}

/** While the session closes (a sandbox takes a moment to stop). */
export function Closing() {
  const { config } = useTutor();
  return <T tone="muted">{config.mode === 'sandbox' ? S.stoppingSandbox : S.closing}</T>;
}
