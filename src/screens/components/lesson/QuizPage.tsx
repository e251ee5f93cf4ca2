import { Box } from 'ink';
import type { Lesson } from '../../../lessons/types.js';
import { useTutor } from '../../contexts/tutor.js';
import { useUi } from '../../contexts/ui.js';
import { shownOrder } from '../../state/tutor.js';
import { S } from '../../strings.js';
import { T } from '../T.js';

/**
 * One question at a time, its choices in this learner's shuffled order: choose
 * with ↑/↓ and Enter, then the explanation; s skips the quiz, r retakes it.
 */
export function QuizPage({ lesson }: { lesson: Lesson }) {
  const { tutor } = useTutor();
  const { theme } = useUi();
  const { index, cursor, revealed } = tutor.quiz;
  const question = lesson.quiz[index];
  if (!question) return null;
  const order = shownOrder(tutor, lesson.id, index, question.choices.length);
  const chosen = order[cursor];
  const right = chosen === question.answer;
  const last = index + 1 >= lesson.quiz.length;
  return (
    <Box flexDirection="column">
      <T tone="muted">{S.question(index + 1, lesson.quiz.length)}</T>
      <T bold>{question.question}</T>
      <Box flexDirection="column" marginY={1}>
        {order.map((choiceIndex, position) => {
          const here = position === cursor;
          const isAnswer = choiceIndex === question.answer;
          const mark = revealed && isAnswer ? theme.symbols.ok : revealed && here ? theme.symbols.bad : here ? theme.symbols.cursor : ' ';
          const tone = revealed ? (isAnswer ? 'ok' : here ? 'bad' : 'muted') : here ? 'accent' : undefined;
          return (
            <T key={choiceIndex} {...(tone ? { tone } : {})} {...(here ? { bold: true } : {})}>
              {mark} {theme.plain ? String(position + 1) : String.fromCharCode(97 + position)}) {question.choices[choiceIndex]}
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
            <T tone="accent">{last ? S.quizLast : S.quizNext}</T>
          </Box>
        </Box>
      ) : (
        <T tone="accent">{S.quizKeys}</T>
      )}
    </Box>
  );
}
