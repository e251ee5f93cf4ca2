import { Box } from 'ink';
import type { Lesson } from '../../../lessons/types.js';
import { useTutor } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { S } from '../../strings.js';
import { T } from '../T.js';

/** One question at a time: choose with ↑/↓ and Enter, then the explanation; s skips the quiz. */
export function QuizPage({ lesson }: { lesson: Lesson }) {
  const { tutor } = useTutor();
  const { theme } = useUi();
  const { index, cursor, revealed } = tutor.quiz;
  const question = lesson.quiz[index];
  if (!question) return null;
  const right = cursor === question.answer;
  return (
    <Box flexDirection="column">
      <T tone="muted">{S.question(index + 1, lesson.quiz.length)}</T>
      <T bold>{question.question}</T>
      <Box flexDirection="column" marginY={1}>
        {question.choices.map((choice, i) => {
          const here = i === cursor;
          const mark = revealed && i === question.answer ? theme.symbols.ok : revealed && here ? theme.symbols.bad : here ? theme.symbols.cursor : ' ';
          const tone = revealed ? (i === question.answer ? 'ok' : here ? 'bad' : 'muted') : here ? 'accent' : undefined;
          return (
            <T key={i} {...(tone ? { tone } : {})} {...(here ? { bold: true } : {})}>
              {mark} {String.fromCharCode(97 + i)}) {choice}
            </T>
          );
        })}
      </Box>
      {revealed ? (
        <Box flexDirection="column">
          <T tone={right ? 'ok' : 'bad'} bold>
            {right ? S.right : S.wrong}
          </T>
          <T>{question.explanation}</T>
          <Box marginTop={1}>
            <T tone="accent">{index + 1 < lesson.quiz.length ? S.quizNext : S.quizLast}</T>
          </Box>
        </Box>
      ) : (
        <T tone="accent">{S.quizKeys}</T>
      )}
    </Box>
  );
}
