import type { TutorConfig } from '../config.js';
import type { Ledger } from '../state/ledger.js';
import type { Text } from '../text.js';
import type { AwsClients } from './clients.js';
import type { ResolvedVersion } from './versions.js';

export type StepNumber = 1 | 2 | 3 | 4 | 5;
export type StepId = 'clusterRole' | 'vpc' | 'cluster' | 'kubeconfig' | 'nodegroup';

/** One request a step will send, shown before it is sent. */
export interface PlannedCall {
  service: 'iam' | 'ec2' | 'eks' | 'sts' | 'elb' | 'kubeconfig' | 'kubectl';
  /** The API operation, e.g. `CreateVpc`, or for local work a short name. */
  action: string;
  /** The exact request body; ids not known yet appear as `<placeholders>`. */
  input: Record<string, unknown>;
  /** The equivalent `aws` (or kubectl) command line. */
  cli: string;
  /** Why this call is made, for the learner. */
  why?: Text;
}

export interface StepPlan {
  step: StepNumber;
  calls: PlannedCall[];
  /** Estimated USD per hour that this step adds once applied. */
  hourlyCost: number;
}

/** One claim of a lesson, checked against what AWS says now. */
export interface Check {
  id: string;
  ok: boolean;
  /** The endpoint did not report the value (moto leaves some fields out): neither passed nor failed. */
  unknown?: boolean;
  label: Text;
  /** What was found, e.g. the ids or values read back. */
  detail?: string;
}

/** What the engine reports while it works; screens and the command line render these. */
export type EngineEvent =
  | { type: 'step-start'; step: StepNumber; action: 'apply' | 'verify' | 'destroy' }
  | { type: 'step-end'; step: StepNumber; action: 'apply' | 'verify' | 'destroy' }
  | { type: 'call'; service: string; operation: string }
  | {
      type: 'resource';
      key: string;
      kind: string;
      id?: string;
      change: 'creating' | 'created' | 'adopted' | 'deleting' | 'deleted' | 'kept';
    }
  | { type: 'status'; key: string; kind: string; id: string; status: string; elapsedMs: number; expectedMs: number }
  | { type: 'kubectl'; args: string[]; output: string }
  | { type: 'checks'; step: StepNumber; checks: Check[] }
  | { type: 'note'; text: Text }
  /** AWS refused a call the way it does for moments after a create (IAM propagation, EC2 NotFound); it is sent again. */
  | { type: 'retry'; key: string; operation: string; reason: Text; attempt: number; elapsedMs: number };

/** Time, injected: real time, or the sandbox's time-lapse. */
export interface Clock {
  /** Milliseconds of simulated time (in the sandbox, real time divided by the time scale). */
  now(): number;
  /** Waits `ms` of simulated time; rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** What every step is given: clients, ledger, clock and the config, all from outside. */
export interface StepContext {
  config: TutorConfig;
  clients: AwsClients;
  ledger: Ledger;
  clock: Clock;
  emit: (event: EngineEvent) => void;
  signal?: AbortSignal;
  /** Runs kubectl; replaced in tests and switched off with --no-kubectl. */
  kubectl: KubectlRunner;
  /** The sandbox's exec environment for the kubeconfig (dummy credentials), if any. */
  kubeconfigEnv?: Record<string, string>;
  /** The Kubernetes version, once resolved (Engine.resolveVersion). */
  kubernetes?: ResolvedVersion;
}

export interface KubectlRunner {
  (args: string[], options?: { kubeconfig?: string; signal?: AbortSignal }): Promise<{ stdout: string; stderr: string; exitCode: number }>;
}

export interface Step {
  number: StepNumber;
  id: StepId;
  /** The requests, from the config and what the ledger knows; sends nothing. */
  plan(ctx: PlanContext): StepPlan;
  /** Creates (or adopts) the step's resources; may leave slow ones settling. */
  apply(ctx: StepContext): Promise<void>;
  /** Work that needs no earlier step's result and can run during an earlier wait (the node role). */
  prepare?(ctx: StepContext): Promise<void>;
  /** The earlier step during whose wait `prepare` starts (step 5's node role during step 3's control plane). */
  prepareDuring?: StepNumber;
  /** Earlier steps whose slow part must have settled before this one is applied. */
  needs?: StepNumber[];
  /** A failed apply the step can recover from (EKS refusing a zone): 'retry' applies it once more. */
  recover?(error: unknown, ctx: StepContext, engine: StepRecovery): Promise<'retry' | 'fail'>;
  /** Waits for what apply left settling (a NAT gateway becoming available). */
  settle?(ctx: StepContext): Promise<void>;
  /** Reads back from AWS and checks what the lesson claims. */
  verify(ctx: StepContext): Promise<Check[]>;
}

/** What the engine lends a step's `recover`: work across steps. */
export interface StepRecovery {
  /** Takes step 2's subnets and NAT gateways down and builds them again in zones EKS accepts. */
  rebuildNetworkIn(validZones: string[]): Promise<void>;
}

/** What a plan needs: the config and, where known, the ids from the ledger. */
export interface PlanContext {
  config: TutorConfig;
  ledger: Ledger;
  accountId?: string;
  /** The Kubernetes version, once resolved: the plan shows what will be sent. */
  kubernetes?: ResolvedVersion;
}
