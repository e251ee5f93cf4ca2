import { Box } from 'ink';
import { useTutor } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { useDayTwo } from '../../hooks/useDayTwo.js';
import { Frame, useBodyHeight } from '../Frame.js';
import { Heading } from '../Header.js';
import { Spinner } from '../Clock.js';
import { checksPassed } from '../../state/world.js';
import { T } from '../T.js';
import { D } from './strings.js';

/** The day-two actions of the one table both front ends use, each marked with how its last run went. */
export function DayTwoMenu() {
  const { state, actions, lessonOf, blocked } = useDayTwo();
  const { tutor, world } = useTutor();
  // Built here or by `up` (the ledger's node group is in the world): nothing to say.
  const built =
    tutor.doneSteps.includes(5) || Object.values(world.resources).some((r) => r.kind === 'eks-nodegroup' && r.phase === 'ready');
  const { theme } = useUi();
  const height = useBodyHeight();
  const selected = actions[state.cursor];
  const listHeight = Math.max(3, height - 6);
  const start = Math.max(0, Math.min(state.cursor - Math.floor(listHeight / 2), actions.length - listHeight));
  return (
    <Frame keys={D.keysMenu}>
      <Heading>{D.menuTitle}</Heading>
      <T tone="muted" wrap="truncate-end">
        {D.menuIntro}
      </T>
      <Box flexDirection="column" marginTop={1}>
        {actions.slice(start, start + listHeight).map((action, i) => {
          const index = start + i;
          const here = index === state.cursor;
          const run = state.runs[action.id];
          const passed = run?.phase === 'done' && checksPassed(run.outcome?.checks ?? []);
          return (
            <T key={action.id} wrap="truncate-end" {...(here ? { tone: 'accent' as const, bold: true } : {})}>
              {here ? theme.symbols.cursor : ' '} {`${index + 1}. `}
              {run?.phase === 'running' ? (
                <Spinner />
              ) : run ? (
                <T tone={passed ? 'ok' : 'bad'}>{passed ? theme.symbols.ok : theme.symbols.bad}</T>
              ) : (
                <T tone="muted">{theme.symbols.todo}</T>
              )}{' '}
              {action.question ? <T tone="muted">{D.question(action.question)} </T> : null}
              {action.title}
              <T tone="muted"> ({action.kind === 'runs' ? D.runs : D.explains})</T>
            </T>
          );
        })}
      </Box>
      {selected ? (
        <Box marginTop={1}>
          <T tone="accent" wrap="truncate-end">
            {lessonOf(selected)?.summary ?? selected.title}
          </T>
        </Box>
      ) : null}
      {blocked ? <T tone="warn">{blocked}</T> : !built ? <T tone="muted">{D.needsBuild}</T> : null}
    </Frame>
  );
}
