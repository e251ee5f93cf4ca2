import type { Found } from '../../aws/inventory.js';
import type { Check, EngineEvent, StepNumber } from '../../aws/types.js';
import type { Text } from '../../text.js';

/** Where a resource is in its life, as the map and the cost meter show it. */
export type Phase = 'planned' | 'creating' | 'ready' | 'deleting' | 'deleted' | 'failed';

export interface ResourceView {
  key: string;
  kind: string;
  id?: string;
  phase: Phase;
  /** The last status AWS reported (CREATING, available, …). */
  status?: string;
  elapsedMs?: number;
  expectedMs?: number;
  /** When the status was received (wall clock, ms): the elapsed time runs on from here. */
  statusAt?: number;
  /** When it started to exist (billing starts), and when it stopped. */
  since?: number;
  until?: number;
  details?: Record<string, string>;
}

/** How far one step's run is. */
export type RunPhase = 'idle' | 'waiting' | 'applying' | 'settling' | 'checked' | 'failed';

export interface StepRun {
  phase: RunPhase;
  startedAt?: number;
  appliedAt?: number;
  endedAt?: number;
  checks?: Check[];
  error?: Text;
}

/** One line of what happened, kept structured so it can be shown in either language. */
export type LogEntry = { at: number; step?: StepNumber } & (
  | { type: 'call'; service: string; operation: string }
  | { type: 'resource'; key: string; kind: string; id?: string; change: Extract<EngineEvent, { type: 'resource' }>['change'] }
  | { type: 'status'; key: string; kind: string; id: string; status: string; elapsedMs: number; expectedMs: number }
  | { type: 'note'; text: Text }
  | { type: 'retry'; operation: string; reason: Text; attempt: number; elapsedMs: number }
);

export interface TeardownView {
  phase: 'idle' | 'loading' | 'ready' | 'running' | 'done' | 'failed';
  plan?: { delete: Found[]; leave: Found[]; byTagOnly: boolean };
  deleted?: number;
  remaining?: Found[];
  error?: Text;
}

/** What kubectl printed for a step's check: the command and its output. */
export interface KubectlRun {
  args: string[];
  output: string;
}

/** Everything the tutor knows about the resources: from engine events, inventories and its own runs. */
export interface World {
  resources: Record<string, ResourceView>;
  runs: Partial<Record<StepNumber, StepRun>>;
  log: LogEntry[];
  /** kubectl's last output in each step's check, under the step whose check ran it. */
  kubectl: Partial<Record<StepNumber, KubectlRun>>;
  notes: Text[];
  /** The step the engine is working on (from step-start / step-end). */
  active?: StepNumber;
  /** Steps whose check is under way (from step-start / step-end of a verify), in the order they began. */
  checking?: StepNumber[];
  /** Steps whose first resources are made early, during another step's wait (the node role during step 3). */
  early?: Partial<Record<StepNumber, StepNumber>>;
  teardown: TeardownView;
}

export type WorldAction =
  | { type: 'event'; event: EngineEvent; at: number }
  | { type: 'inventory'; found: (Found & { since?: number })[]; at: number }
  | { type: 'run-queued'; step: StepNumber }
  /** What `step` needs first is made now, while `during` waits: it is reported with `during`. */
  | { type: 'run-early'; step: StepNumber; during: StepNumber }
  | { type: 'run-cancelled'; step: StepNumber }
  | { type: 'run-start'; step: StepNumber; at: number }
  | { type: 'run-applied'; step: StepNumber; at: number }
  | { type: 'run-checked'; step: StepNumber; checks: Check[]; at: number }
  | { type: 'run-failed'; step: StepNumber; error: Text; at: number }
  | { type: 'teardown-loading' }
  | { type: 'teardown-plan'; plan: NonNullable<TeardownView['plan']> }
  | { type: 'teardown-start' }
  | { type: 'teardown-done'; deleted: number; remaining: Found[] }
  | { type: 'teardown-failed'; error: Text }
  | { type: 'reset' };

export const EMPTY_WORLD: World = { resources: {}, runs: {}, log: [], kubectl: {}, notes: [], teardown: { phase: 'idle' } };
