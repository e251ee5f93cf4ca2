/** A value held between two bounds (a page, a cursor that stops at the ends). */
export const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** A cursor that goes round: past the last choice to the first, before the first to the last. */
export const wrap = (value: number, count: number) => (count <= 0 ? 0 : ((value % count) + count) % count);
