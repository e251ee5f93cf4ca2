import type { TutorConfig } from '../../config.js';
import type { Engine } from '../../aws/engine.js';
import type { Ledger } from '../../state/ledger.js';
import type { Finding } from '../../preflight.js';
import type { Diagram, LiveData } from '../../lessons/types.js';
import type { LiveView } from '../../aws/live-types.js';
import type { Progress } from '../../progress/progress.js';
import type { Text } from '../../text.js';
import type { EngineEvent, PlannedCall } from '../../aws/types.js';
import type { Outcome } from '../../aws/day-two/context.js';

/** The engine methods the screens use; the real Engine has them all, a test can fake them. */
export type EngineLike = Pick<Engine, 'on' | 'plan' | 'start' | 'verify' | 'inventory' | 'teardownPlan' | 'down'> &
  Partial<Pick<Engine, 'resolveVersion'>>;

/** An open session as the screens see it. */
export interface TutorSession {
  config: TutorConfig;
  engine: EngineLike;
  ledger: Pick<Ledger, 'live' | 'get' | 'entries' | 'facts'>;
  sandbox?: { endpointUrl: string; motoUrl: string };
  identity?: { account: string; arn: string };
  notes: Text[];
  close(): Promise<void>;
  /** What the real services can do with the whole session behind this one; absent in a test's fake session. */
  io?: SessionIo;
}

/** The session's reach beyond the engine, bound to it when it is opened: live views, the zones, the calls as they go out. */
export interface SessionIo {
  live(kind: LiveData | Diagram): Promise<LiveView>;
  zones(): Promise<string[] | undefined>;
  onCall(listener: (call: { service: string; operation: string }) => void): () => void;
  dayTwo(
    action: string,
    on: { emit: (event: EngineEvent) => void; show: (call: PlannedCall) => void },
    signal: AbortSignal,
  ): Promise<Outcome>;
}

/** What a page with `live` shows, already fetched and stripped of anything secret (read in src/aws/live.ts). */
export type { LiveView } from '../../aws/live-types.js';

/** Everything outside the screens, in one place: sessions, checks, live data and the progress file. */
export interface Services {
  openSession(config: TutorConfig, signal: AbortSignal): Promise<TutorSession>;
  /** The doctor's findings for the welcome screen. */
  findings(config: TutorConfig): Promise<Finding[]>;
  motoInstalled(): Promise<boolean>;
  liveData(session: TutorSession, kind: LiveData): Promise<LiveView>;
  /** A diagram drawn from the live build (absent: the page says it cannot be drawn here). */
  diagram?(session: TutorSession, kind: Diagram): Promise<LiveView>;
  /** The region's availability zones (DescribeAvailabilityZones), for commands about one more AZ; undefined when not known. */
  zones(session: TutorSession): Promise<string[] | undefined>;
  loadProgress(config: TutorConfig): Promise<Progress | undefined>;
  saveProgress(config: TutorConfig, progress: Progress): Promise<void>;
  /** Subscribes to the engine's events, and to each AWS call as it is sent. */
  follow(session: TutorSession, listener: Parameters<EngineLike['on']>[0]): () => void;
  /** Wall-clock time, ms. */
  now(): number;
  /** Runs a day-two action (`DAY_TWO_ACTIONS`) on the session's build: each call shown before it is sent, its events as they come. */
  dayTwo?(
    session: TutorSession,
    action: string,
    on: { emit: (event: EngineEvent) => void; show: (call: PlannedCall) => void },
    signal: AbortSignal,
  ): Promise<Outcome>;
}
