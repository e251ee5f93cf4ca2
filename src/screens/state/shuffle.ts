/**
 * The order a quiz question's choices are shown in: a permutation that depends
 * only on the learner's seed (kept in the progress file), the lesson and the
 * question, so it stays the same across restarts and differs between learners.
 */

/** FNV-1a over the text, then mixed: a 32-bit number. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, well-spread generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `order[position]` is the index in `choices` of the choice shown at that
 * position (Fisher–Yates with a seeded generator).
 */
export function choiceOrder(seed: number, lessonId: string, question: number, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const next = generator(hash(`${seed >>> 0}:${lessonId}:${question}`));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A new learner's seed. */
export function newSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
}
