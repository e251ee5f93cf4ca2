import { describe, expect, it } from 'vitest';
import type { Check, EngineEvent, StepNumber } from '../../src/aws/types.js';
import { Printer } from '../../src/cli/print.js';
import { LESSONS } from '../../src/lessons/index.js';
import { clock, waitTimes } from '../../src/present/format.js';
import { checkMark, checksPassed, colorAllowed, MARKS } from '../../src/present/marks.js';
import { plannedHourly, stepsThrough } from '../../src/present/sums.js';
import { changeWord, STEP_TITLES, stepHeading, type Change } from '../../src/present/words.js';
import { logLine } from '../../src/screens/components/lesson/log.js';
import type { Say } from '../../src/screens/components/T.js';
import type { LogEntry } from '../../src/screens/state/world.js';
import { makeTheme } from '../../src/screens/theme.js';
import type { Lang } from '../../src/text.js';
import { testConfig } from '../fixtures/config.js';

/** What the command line prints for one engine event. */
function cliLines(event: EngineEvent, lang: Lang = 'en'): string[] {
  const lines: string[] = [];
  const printer = new Printer(testConfig({ lang }), (line) => lines.push(line));
  const listeners = new Set<(e: EngineEvent) => void>();
  printer.follow({ on: (l: (e: EngineEvent) => void) => (listeners.add(l), () => void listeners.delete(l)) });
  for (const l of listeners) l(event);
  return lines;
}

/** What the screens' run log shows for the same event. */
function tuiLine(entry: LogEntry, lang: Lang = 'en'): string {
  const line = logLine(entry, lang, makeTheme(false));
  const say = (value: Say) => (typeof value === 'object' ? value[lang] : String(value));
  return Array.isArray(line) ? line.map((part) => say(part.text)).join('') : say(line);
}

describe('one presentation for the command line and the screens', () => {
  it('names each change the same way in both, and never calls a deletion a creation', () => {
    const deleted = { type: 'resource', key: 'vpc', kind: 'vpc', id: 'vpc-1', change: 'deleted' } as const;
    expect(cliLines(deleted)).toEqual(['  - vpc vpc-1: deleted']);
    expect(tuiLine({ ...deleted, at: 0 })).toBe('- vpc vpc-1: deleted');
    expect(tuiLine({ ...deleted, change: 'deleting', at: 0 })).toBe('… vpc vpc-1: deleting');
    const adopted = { type: 'resource', key: 'vpc', kind: 'vpc', id: 'vpc-1', change: 'adopted' } as const;
    expect(cliLines(adopted, 'ja')).toEqual(['  + vpc vpc-1: 既存のものを引き継ぎ']);
    expect(tuiLine({ ...adopted, at: 0 }, 'ja')).toBe('+ vpc vpc-1: 既存のものを引き継ぎ');
    for (const change of ['deleting', 'deleted'] as Change[]) {
      expect(changeWord(change, 'en')).not.toMatch(/creat/);
      expect(changeWord(change, 'ja')).not.toMatch(/作成/);
    }
  });

  it('shows the same second of a wait in both (whole seconds passed, never rounded up)', () => {
    const status = {
      type: 'status',
      key: 'eks-cluster',
      kind: 'eks-cluster',
      id: 'demo',
      status: 'CREATING',
      elapsedMs: 59_600,
      expectedMs: 540_000,
    } as const;
    expect(cliLines(status)).toEqual(['  … eks-cluster demo: CREATING  0:59 / ~9:00']);
    expect(tuiLine({ ...status, at: 0 })).toBe('… eks-cluster demo: CREATING  0:59 / ~9:00');
    expect([clock(999), clock(60_000), clock(-5), waitTimes(1_000)]).toEqual(['0:00', '1:00', '0:00', '0:01']);
  });

  it('words a call sent again the same way in both', () => {
    const retry = {
      type: 'retry',
      key: 'role/cluster',
      operation: 'CreateCluster',
      reason: { en: 'IAM has not caught up yet', ja: 'IAM への反映待ち' },
      attempt: 2,
      elapsedMs: 3_400,
    } as const;
    expect(cliLines(retry)).toEqual(['  ↻ CreateCluster: IAM has not caught up yet (attempt 2, after 0:03)']);
    expect(tuiLine({ ...retry, at: 0 })).toBe('  ↻ CreateCluster: IAM has not caught up yet (attempt 2, after 0:03)');
    expect(tuiLine({ ...retry, at: 0 }, 'ja')).toBe('  ↻ CreateCluster: IAM への反映待ち (2 回目、経過 0:03)');
  });

  it('marks checks with the same symbols and the same verdict as the screens’ theme', () => {
    const checks: Check[] = [
      { id: 'a', ok: true, label: { en: 'Role exists', ja: 'ロールがある' } },
      { id: 'b', ok: false, unknown: true, label: { en: 'Logging', ja: 'ログ' } },
    ];
    const lines: string[] = [];
    const passed = new Printer(testConfig(), (line) => lines.push(line)).checks(checks);
    expect(lines).toEqual(['  ✓ Role exists', '  ? Logging']);
    expect(passed).toBe(checksPassed(checks));
    expect(passed).toBe(true);
    expect(checksPassed([...checks, { id: 'c', ok: false, label: { en: 'x', ja: 'x' } }])).toBe(false);
    expect(checksPassed([])).toBe(false);
    const theme = makeTheme(false);
    for (const check of [...checks, { id: 'c', ok: false, label: { en: 'x', ja: 'x' } }]) {
      expect(theme.symbols[checkMark(check).name]).toBe(checkMark(check).symbol);
    }
    expect([MARKS.ok, MARKS.bad, MARKS.unknown]).toEqual(['✓', '✗', '?']);
  });

  it('honours NO_COLOR: set and not empty turns colour off', () => {
    expect(colorAllowed({ NO_COLOR: '1' })).toBe(false);
    expect(colorAllowed({ NO_COLOR: '' })).toBe(true);
    expect(colorAllowed({})).toBe(true);
  });

  it('calls each step what its lesson calls it, in both languages', () => {
    const stepLessons = LESSONS.filter((lesson) => lesson.step !== undefined);
    expect(stepLessons.map((lesson) => lesson.step)).toEqual([1, 2, 3, 4, 5]);
    for (const lesson of stepLessons) expect(lesson.title).toEqual(stepHeading(lesson.step as StepNumber));
    const heading: string[] = cliLines({ type: 'step-start', step: 3, action: 'apply' });
    expect(heading).toEqual(['', '== Step 3/5: The cluster ==']);
    expect(STEP_TITLES[3].ja).toBe('クラスター');
  });

  it('sums the hourly price of steps once, from their plans', () => {
    const hourly: Record<StepNumber, number> = { 1: 0, 2: 0.09, 3: 0.1, 4: 0, 5: 0.0832 };
    const plan = (step: StepNumber) => ({ hourlyCost: hourly[step] });
    expect(stepsThrough(3)).toEqual([1, 2, 3]);
    expect(plannedHourly(plan, stepsThrough(3))).toBeCloseTo(0.19);
    expect(plannedHourly(plan, [4, 5])).toBeCloseTo(0.0832);
    expect(plannedHourly(plan, [])).toBe(0);
  });
});
