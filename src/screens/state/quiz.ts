import type { LessonId } from '../../lessons/types.js';
import { choiceOrder } from './shuffle.js';
import type { QuizState, TutorState } from './tutor.js';

/** The order the choices of a question are shown in (position → index in `choices`). */
export function shownOrder(state: Pick<TutorState, 'seed'>, lessonId: LessonId, question: number, count: number): number[] {
  return choiceOrder(state.seed, lessonId, question, count);
}

/** Question `index` as it opens: a given answer shown revealed, else the cursor on the first position. */
export function questionAt(state: TutorState, lessonId: LessonId, choices: number, index: number): QuizState {
  const given = state.answers[lessonId]?.[index];
  if (typeof given !== 'number') return { index, cursor: 0, revealed: false };
  const position = shownOrder(state, lessonId, index, choices).indexOf(given);
  return { index, cursor: Math.max(0, position), revealed: true };
}

/** The quiz as it opens: at the first question not answered yet, showing a given answer. */
export function quizAt(state: TutorState, lesson: { id: LessonId; quiz: readonly { choices: readonly unknown[] }[] }): QuizState {
  const list = state.answers[lesson.id] ?? [];
  const count = lesson.quiz.length;
  let index = 0;
  while (index < count - 1 && typeof list[index] === 'number') index++;
  return questionAt(state, lesson.id, lesson.quiz[index]?.choices.length ?? 0, index);
}
