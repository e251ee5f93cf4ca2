import { Box } from 'ink';
import { useTutor } from '../contexts/tutor.js';
import { lessonOf } from '../state/course.js';
import { S } from '../strings.js';
import { Frame } from './Frame.js';
import { Heading } from './Header.js';
import { T } from './T.js';
import { D } from './daytwo/strings.js';

/** After the clean-up: what was done, the quiz score, and where to go from here. */
export function Finished() {
  const { course, tutor } = useTutor();
  let right = 0;
  let answered = 0;
  let total = 0;
  for (const { id } of course.lessons) {
    const lesson = lessonOf(course, id);
    if (!lesson) continue;
    total += lesson.quiz.length;
    (tutor.answers[lesson.id] ?? []).forEach((given, i) => {
      if (typeof given !== 'number') return;
      answered++;
      if (given === lesson.quiz[i]?.answer) right++;
    });
  }
  return (
    <Frame keys={S.endKeys}>
      <Heading>{S.endTitle}</Heading>
      <Box flexDirection="column" marginTop={1}>
        <T tone="ok">{S.endBuilt}</T>
        <T>{S.endScore(right, answered, total)}</T>
        <Box marginTop={1}>
          <T tone="muted">{S.endNext}</T>
        </Box>
        <T tone="accent">{D.opener}</T>
      </Box>
    </Frame>
  );
}
