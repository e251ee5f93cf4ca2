import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/index.js';
import { wholeCourse } from '../../fixtures/lessons.js';
import { pagesOf, type Course } from '../../../src/screens/state/course.js';
import { choiceOrder } from '../../../src/screens/state/shuffle.js';
import { createTutorReducer, initialTutor, type TutorAction, type TutorState } from '../../../src/screens/state/tutor.js';

const course: Course = wholeCourse(LESSONS, 'sandbox');
const reduce = createTutorReducer(course);
const run = (actions: TutorAction[], from: TutorState) => actions.reduce(reduce, from);

/** A learner who presses only Enter through every quiz of the course: how many answers are right. */
function enterOnly(seed: number): { right: number; questions: number } {
  let right = 0;
  let questions = 0;
  for (const lesson of LESSONS) {
    if (lesson.quiz.length === 0) continue;
    const quizPage = pagesOf(lesson, 'sandbox').findIndex((p) => p.kind === 'quiz');
    let state = run([{ type: 'open', lesson: lesson.id, page: quizPage }], initialTutor('en', seed));
    for (let i = 0; i < lesson.quiz.length; i++) {
      state = run([{ type: 'quiz-answer' }], state);
      if (state.answers[lesson.id]?.[i] === lesson.quiz[i]!.answer) right++;
      questions++;
      if (i + 1 < lesson.quiz.length) state = run([{ type: 'quiz-next' }], state);
    }
  }
  return { right, questions };
}

describe('quiz choices are shuffled per learner', () => {
  it('gives a permutation that stays the same for the same learner, lesson and question', () => {
    const order = choiceOrder(42, 'vpc', 1, 4);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(choiceOrder(42, 'vpc', 1, 4)).toEqual(order);
    const others = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => choiceOrder(seed, 'vpc', 1, 4).join());
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('puts each choice at each position about equally often over learners', () => {
    const counts = [0, 0, 0];
    for (let seed = 0; seed < 3000; seed++) counts[choiceOrder(seed, 'cluster', 0, 3).indexOf(0)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it('scores about chance for a learner who presses only Enter (the cursor starts on position a)', () => {
    const questions = LESSONS.flatMap((l) => l.quiz);
    const chance = questions.reduce((sum, q) => sum + 1 / q.choices.length, 0) / questions.length;
    let right = 0;
    let total = 0;
    const seeds = 400;
    for (let seed = 1; seed <= seeds; seed++) {
      const score = enterOnly(seed * 7919);
      right += score.right;
      total += score.questions;
    }
    expect(total).toBe(questions.length * seeds);
    expect(Math.abs(right / total - chance)).toBeLessThan(0.03);
    // Unshuffled, Enter alone scored 19 of 36: the answer sat at (a) too often.
    const one = enterOnly(12345);
    expect(one.right / one.questions).toBeLessThan(0.5 + chance / 2);
  });
});
