/**
 * Saved tutor progress: where the learner is and what they have done, so that
 * opening the tutor again continues there.
 *
 * File: <state dir>/<mode>/<cluster name>.progress.json, where mode is
 * `real`, `sandbox` or `dry-run`; written atomically on every change.
 * Format (version 1):
 *   { "format": "eks-basics-tutor-progress", "version": 1,
 *     "clusterName": string, "mode": "real" | "sandbox" | "dry-run",
 *     "updatedAt": ISO time,
 *     "lesson": lesson id | null        (null: the lesson menu),
 *     "page": number                    (index into the lesson's pages),
 *     "answers": { lesson id: (choice index | null)[] }   (null: skipped),
 *     "completed": lesson id[]          (lessons read to the end),
 *     "doneSteps": (1 | 2 | 3 | 4 | 5)[] (steps run and checked),
 *     "seed": number                    (optional: the order quiz choices are shown in),
 *     "lang": "en" | "ja"               (optional: the language last chosen) }
 * It holds positions and quiz answers only: never credentials, ids or tokens.
 * Resources are not recorded here: the ledger knows them.
 */
import type { Mode } from '../config.js';
import { STEP_ORDER } from '../aws/step-order.js';
import type { StepNumber } from '../aws/types.js';
import type { LessonId } from '../lessons/types.js';
import type { Lang } from '../text.js';
import type { LedgerEntry } from '../state/ledger.js';

export const PROGRESS_FORMAT = 'eks-basics-tutor-progress';
export const PROGRESS_VERSION = 1;

/** What the tutor remembers between runs. */
export interface Progress {
  lesson: LessonId | null;
  page: number;
  answers: Partial<Record<LessonId, (number | null)[]>>;
  completed: LessonId[];
  doneSteps: StepNumber[];
  /** Shuffles the quiz choices, the same way for this learner every time. */
  seed?: number;
  /** The language last chosen (`--lang` or `l`), used when no `--lang` is given. */
  lang?: Lang;
}

export interface ProgressFile extends Progress {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  clusterName: string;
  mode: Mode;
  updatedAt: string;
}

export const EMPTY_PROGRESS: Progress = { lesson: null, page: 0, answers: {}, completed: [], doneSteps: [] };

const isStep = (value: unknown): value is StepNumber => typeof value === 'number' && STEP_ORDER.includes(value as StepNumber);
const isAnswer = (value: unknown): value is number | null =>
  value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);

/**
 * The progress a file holds, or undefined when it is not a progress file of
 * this version. Unknown lesson ids are kept out by `known`.
 */
export function parseProgress(value: unknown, known: (id: string) => boolean): Progress | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Partial<ProgressFile>;
  if (data.format !== PROGRESS_FORMAT || data.version !== PROGRESS_VERSION) return undefined;
  const lesson = typeof data.lesson === 'string' && known(data.lesson) ? data.lesson : null;
  const page = typeof data.page === 'number' && Number.isInteger(data.page) && data.page >= 0 ? data.page : 0;
  const answers: Progress['answers'] = {};
  if (data.answers && typeof data.answers === 'object') {
    for (const [id, list] of Object.entries(data.answers)) {
      if (known(id) && Array.isArray(list) && list.every(isAnswer)) answers[id as LessonId] = [...list];
    }
  }
  const completed = Array.isArray(data.completed) ? data.completed.filter((id): id is LessonId => typeof id === 'string' && known(id)) : [];
  const doneSteps = Array.isArray(data.doneSteps) ? [...new Set(data.doneSteps.filter(isStep))].sort() : [];
  const seed =
    typeof data.seed === 'number' && Number.isInteger(data.seed) && data.seed >= 0 && data.seed < 2 ** 32 ? data.seed : undefined;
  const lang = data.lang === 'en' || data.lang === 'ja' ? data.lang : undefined;
  return {
    lesson,
    page: lesson ? page : 0,
    answers,
    completed: [...new Set(completed)],
    doneSteps,
    ...(seed !== undefined ? { seed } : {}),
    ...(lang ? { lang } : {}),
  };
}

/** The file's content for a progress. */
export function progressFile(progress: Progress, clusterName: string, mode: Mode, now = new Date()): ProgressFile {
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    clusterName,
    mode,
    updatedAt: now.toISOString(),
    lesson: progress.lesson,
    page: progress.page,
    answers: progress.answers,
    completed: progress.completed,
    doneSteps: progress.doneSteps,
    ...(progress.seed !== undefined ? { seed: progress.seed } : {}),
    ...(progress.lang ? { lang: progress.lang } : {}),
  };
}

/**
 * The steps that still count as done: a step stays done only while the ledger
 * holds something live of it (a fresh sandbox, or a `down` in between, undoes it).
 */
export function reconcileSteps(doneSteps: readonly StepNumber[], liveSteps: readonly StepNumber[]): StepNumber[] {
  const live = new Set(liveSteps);
  return doneSteps.filter((step) => live.has(step));
}

/** The resource whose creation finishes each step, as the ledger names its kind. */
const STEP_MADE: Record<StepNumber, LedgerEntry['kind']> = {
  1: 'iam-role',
  2: 'vpc',
  3: 'eks-cluster',
  4: 'kubeconfig',
  5: 'eks-nodegroup',
};

/**
 * The steps a build made outside the screens (`up` on the command line) holds:
 * from step 1 on, each step whose finishing resource is created and nothing of
 * which is still only intended. Used when the screens have no progress of their own.
 */
export function stepsBuilt(entries: readonly Pick<LedgerEntry, 'kind' | 'step' | 'state'>[]): StepNumber[] {
  const built: StepNumber[] = [];
  for (const step of STEP_ORDER) {
    const own = entries.filter((entry) => entry.step === step && entry.state !== 'deleted');
    const made = own.some((entry) => entry.kind === STEP_MADE[step] && entry.state === 'created');
    if (!made || own.some((entry) => entry.state === 'intent')) break;
    built.push(step);
  }
  return built;
}
