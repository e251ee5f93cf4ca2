/** The symbols both front ends mark things with, and what each means; colour is the screens' extra. */
import type { Check } from '../aws/types.js';
import { changeDone, changeRemoves, type Change } from './words.js';

export const MARKS = {
  ok: '✓',
  bad: '✗',
  unknown: '?',
  added: '+',
  removed: '-',
  waiting: '…',
  retry: '↻',
  arrow: '→',
} as const;

/** What a mark means, for the screens to colour it (plain text says it with the symbol alone). */
export type Mood = 'ok' | 'bad' | 'warn' | 'muted';

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function colorAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return !(typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '');
}

/** A verdict's mark: its name (a key of MARKS, and of the screens' theme symbols), symbol and meaning. */
export interface Verdict {
  name: 'ok' | 'bad' | 'unknown';
  symbol: string;
  mood: Mood;
}

const VERDICTS: Record<Verdict['name'], Verdict> = {
  ok: { name: 'ok', symbol: MARKS.ok, mood: 'ok' },
  bad: { name: 'bad', symbol: MARKS.bad, mood: 'bad' },
  unknown: { name: 'unknown', symbol: MARKS.unknown, mood: 'warn' },
};

/** A check's mark: ✓ passed, ✗ failed, ? the endpoint did not say. */
export function checkMark(check: Pick<Check, 'ok' | 'unknown'>): Verdict {
  return VERDICTS[check.unknown ? 'unknown' : check.ok ? 'ok' : 'bad'];
}

/** Checks passed: there are some and none failed (a check the endpoint could not answer does not fail). */
export function checksPassed(checks: readonly Check[]): boolean {
  return checks.length > 0 && checks.every((c) => c.ok || c.unknown === true);
}

/** A finding of the doctor or the welcome screen: ✓ or ✗. */
export function findingMark(ok: boolean): Verdict {
  return VERDICTS[ok ? 'ok' : 'bad'];
}

/** A resource change's mark: + made or adopted, - deleted, … still under way. */
export function changeMark(change: Change): { symbol: string; mood: Mood } {
  if (!changeDone(change)) return { symbol: MARKS.waiting, mood: 'muted' };
  return changeRemoves(change) ? { symbol: MARKS.removed, mood: 'warn' } : { symbol: MARKS.added, mood: 'ok' };
}
