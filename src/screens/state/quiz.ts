import type { Lesson, LessonId } from '../../lessons/types.js';
import { lessonOf, type Course } from './course.js';
import { wrap } from './cursor.js';
import { choiceOrder } from './shuffle.js';
import type { QuizState, TutorAction, TutorState } from './tutor.js';

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

export type QuizAction = Extract<TutorAction, { type: 'quiz-move' | 'quiz-answer' | 'quiz-next' | 'quiz-retake' | 'quiz-skip' }>;

/** The answers given in a lesson, one place a question (null: not answered). */
function answerList(state: TutorState, lesson: Lesson): (number | null)[] {
  const list = [...(state.answers[lesson.id] ?? [])];
  while (list.length < lesson.quiz.length) list.push(null);
  return list;
}

/** The quiz's keys: move between the choices, answer, go on, retake, skip; past the last question the lesson is finished. */
export function quizReducer(
  course: Course,
  finishLesson: (state: TutorState) => TutorState,
): (state: TutorState, action: QuizAction) => TutorState {
  return (state, action) => {
    const lesson = lessonOf(course, state.lesson);
    if (!lesson) return state;
    switch (action.type) {
      case 'quiz-move': {
        const question = lesson.quiz[state.quiz.index];
        if (!question || state.quiz.revealed) return state;
        return { ...state, quiz: { ...state.quiz, cursor: wrap(state.quiz.cursor + action.delta, question.choices.length) } };
      }
      case 'quiz-answer': {
        const question = lesson.quiz[state.quiz.index];
        if (state.quiz.revealed || !question) return state;
        const list = answerList(state, lesson);
        list[state.quiz.index] = shownOrder(state, lesson.id, state.quiz.index, question.choices.length)[state.quiz.cursor] ?? 0;
        return { ...state, answers: { ...state.answers, [lesson.id]: list }, quiz: { ...state.quiz, revealed: true } };
      }
      case 'quiz-next': {
        const index = state.quiz.index + 1;
        if (index >= lesson.quiz.length) return finishLesson(state);
        return { ...state, showHint: false, quiz: questionAt(state, lesson.id, lesson.quiz[index]?.choices.length ?? 0, index) };
      }
      case 'quiz-retake': {
        if (lesson.quiz.length === 0) return state;
        const answers = { ...state.answers };
        delete answers[lesson.id];
        return { ...state, answers, showHint: false, quiz: { index: 0, cursor: 0, revealed: false } };
      }
      case 'quiz-skip':
        return finishLesson({ ...state, answers: { ...state.answers, [lesson.id]: answerList(state, lesson) } });
    }
  };
}
