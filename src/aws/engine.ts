import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { TutorConfig } from '../config.js';
import type { Ledger } from '../state/ledger.js';
import { text } from '../text.js';
import type { AwsClients } from './clients.js';
import { explainedAtTheBoundary } from './engine-boundary.js';
import { inventory, type Found } from './inventory.js';
import { installRetries } from './retry.js';
import { resolveVersion, type ResolvedVersion } from './versions.js';
import { clusterRoleStep } from './steps/cluster-role.js';
import { UnsupportedZonesError, clusterStep } from './steps/cluster.js';
import { kubeconfigStep } from './steps/kubeconfig.js';
import { nodegroupStep } from './steps/nodegroup.js';
import { vpcStep } from './steps/vpc.js';
import { LAST_STEP, STEP_ORDER } from './step-order.js';
import { deletable, teardown, teardownOrder, type TeardownResult } from './teardown.js';
import type { Check, Clock, EngineEvent, KubectlRunner, Step, StepContext, StepNumber, StepPlan, StepRecovery } from './types.js';

export const STEPS: Record<StepNumber, Step> = { 1: clusterRoleStep, 2: vpcStep, 3: clusterStep, 4: kubeconfigStep, 5: nodegroupStep };

/** A step under way: applied, with its check running in the background. */
export interface StepStarted {
  /** The step's checks, read once its slow part has settled. */
  checks: Promise<Check[]>;
}

export interface StartOptions {
  /** The last step of this build: work of a step past it is not started early. The last step of all unless told. */
  through?: StepNumber;
  /** Told, once the step is applied, the later steps whose work now starts during its wait (the node role during step 3's). */
  applied?: (early: StepNumber[]) => void;
}

/** What `startStep` moves: the engine, or a test's fake of it. */
export interface StepMoves {
  apply(step: StepNumber): Promise<void>;
  prepare(step: StepNumber): void;
  verify(step: StepNumber): Promise<Check[]>;
}

/**
 * One step as every front end runs it: applied once what it needs has settled
 * (`needs`), then the work of later steps that waits on nothing of it starts
 * during its wait (`prepareDuring`), and its check runs in the background.
 */
export async function startStep(moves: StepMoves, step: StepNumber, options: StartOptions = {}): Promise<StepStarted> {
  const through = options.through ?? LAST_STEP;
  await moves.apply(step);
  const early = STEP_ORDER.filter((later) => later > step && later <= through && STEPS[later].prepareDuring === step);
  options.applied?.(early);
  for (const later of early) moves.prepare(later);
  const checks = moves.verify(step);
  // A failure is reported where the checks are awaited, never as an unhandled rejection.
  checks.catch(() => undefined);
  return { checks };
}

export interface EngineOptions {
  config: TutorConfig;
  clients: AwsClients;
  ledger: Ledger;
  clock: Clock;
  kubectl: KubectlRunner;
  kubeconfigEnv?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Performs the five steps and the teardown. It takes its clients, clock and
 * kubectl from outside, so the same engine runs against AWS, moto or the sandbox.
 */
export class Engine {
  readonly config: TutorConfig;
  readonly ledger: Ledger;
  private readonly ctx: StepContext;
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly settling = new Map<StepNumber, Promise<void>>();
  private readonly prepared = new Map<StepNumber, Promise<void>>();
  private readonly recovery: StepRecovery = { rebuildNetworkIn: (zones) => this.rebuildNetworkIn(zones) };
  private accountId: string | undefined;

  constructor(options: EngineOptions) {
    this.config = options.config;
    this.ledger = options.ledger;
    this.ctx = {
      config: options.config,
      clients: options.clients,
      ledger: options.ledger,
      clock: options.clock,
      kubectl: options.kubectl,
      emit: (event) => this.listeners.forEach((listener) => listener(event)),
      ...(options.kubeconfigEnv ? { kubeconfigEnv: options.kubeconfigEnv } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    installRetries(options.clients, {
      clock: options.clock,
      emit: (event) => this.emit(event),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  get clients(): AwsClients {
    return this.ctx.clients;
  }

  /** Subscribes to what the engine reports; returns the unsubscribe function. */
  on(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The account behind the credentials (STS GetCallerIdentity), asked once. */
  async whoAmI(): Promise<{ account: string; arn: string }> {
    const answer = await this.ctx.clients.sts.send(new GetCallerIdentityCommand({}));
    this.accountId = answer.Account;
    return { account: answer.Account ?? '', arn: answer.Arn ?? '' };
  }

  plan(step: StepNumber): StepPlan {
    return STEPS[step].plan({
      config: this.config,
      ledger: this.ledger,
      ...(this.accountId ? { accountId: this.accountId } : {}),
      ...(this.ctx.kubernetes ? { kubernetes: this.ctx.kubernetes } : {}),
    });
  }

  /**
   * The Kubernetes version this build sends, asked of EKS once (DescribeClusterVersions):
   * call it before showing the plan, so the plan shows the version that is sent.
   * Rejects with BAD_INPUT for a --kubernetes-version EKS no longer offers, and with
   * ACCESS_DENIED naming eks:DescribeClusterVersions when it may not be asked.
   * `needsConfirmation` and `note` say when an extended-support version costs more.
   */
  async resolveVersion(): Promise<ResolvedVersion> {
    if (this.ctx.kubernetes) return this.ctx.kubernetes;
    const resolved = await resolveVersion(this.ctx);
    this.ctx.kubernetes = resolved;
    if (resolved.note) this.emit({ type: 'note', text: resolved.note });
    if (this.ledger.facts.kubernetesVersion !== resolved.version) await this.ledger.setFacts({ kubernetesVersion: resolved.version });
    return resolved;
  }

  /** The version once resolved (undefined before resolveVersion or step 3's apply). */
  get kubernetes(): ResolvedVersion | undefined {
    return this.ctx.kubernetes;
  }

  /**
   * Applies one step once what it needs has settled, then lets the step's slow
   * part settle in the background: the learner moves on while a NAT gateway or
   * a control plane comes up.
   */
  async apply(step: StepNumber): Promise<void> {
    for (const needed of STEPS[step].needs ?? []) await this.settle(needed);
    // A failed prepare is not fatal here: the step makes what prepare would have made itself.
    await this.prepared.get(step)?.catch(() => undefined);
    this.emit({ type: 'step-start', step, action: 'apply' });
    try {
      await STEPS[step].apply(this.ctx);
    } catch (error) {
      const recover = STEPS[step].recover;
      if (!recover || (await recover(error, this.ctx, this.recovery)) !== 'retry') throw error;
      await STEPS[step].apply(this.ctx);
    }
    this.emit({ type: 'step-end', step, action: 'apply' });
    const settle = STEPS[step].settle?.(this.ctx) ?? Promise.resolve();
    // A failure is reported where the settle is awaited, never as an unhandled rejection.
    settle.catch(() => undefined);
    this.settling.set(step, settle);
  }

  /** Waits for the step's slow part (NAT gateways, control plane, node group and Ready nodes). */
  async settle(step: StepNumber): Promise<void> {
    const pending = this.settling.get(step);
    if (pending) return pending;
    const settle = STEPS[step].settle?.(this.ctx) ?? Promise.resolve();
    this.settling.set(step, settle);
    return settle;
  }

  /** Starts work of a later step that does not depend on earlier ones (the node role). */
  prepare(step: StepNumber): void {
    const prepare = STEPS[step].prepare;
    if (!prepare || this.prepared.has(step)) return;
    const prepared = prepare.call(STEPS[step], this.ctx);
    prepared.catch(() => undefined);
    this.prepared.set(step, prepared);
  }

  async verify(step: StepNumber): Promise<Check[]> {
    await this.settle(step);
    this.emit({ type: 'step-start', step, action: 'verify' });
    const checks = await STEPS[step].verify(this.ctx);
    this.emit({ type: 'checks', step, checks });
    this.emit({ type: 'step-end', step, action: 'verify' });
    return checks;
  }

  /** apply → settle → verify, for one step. */
  async run(step: StepNumber): Promise<Check[]> {
    await this.apply(step);
    return this.verify(step);
  }

  /** One step as `up` runs each (see `startStep`): the TUI runs its steps through this too. */
  start(step: StepNumber, options?: StartOptions): Promise<StepStarted> {
    return startStep(this, step, options);
  }

  /**
   * Steps 1..through, overlapping what does not block: the NAT gateway settles
   * while the cluster is created, the node role is made during the control
   * plane's wait, and the node group starts the moment the cluster is ACTIVE.
   */
  async up(through: StepNumber, onChecks?: (step: StepNumber, checks: Check[]) => void): Promise<Map<StepNumber, Check[]>> {
    const results = new Map<StepNumber, Check[]>();
    const verifications: Promise<void>[] = [];
    for (const step of STEP_ORDER.filter((n) => n <= through)) {
      const { checks } = await this.start(step, { through });
      const verification = checks.then((found) => {
        results.set(step, found);
        onChecks?.(step, found);
      });
      verification.catch(() => undefined);
      verifications.push(verification);
    }
    for (const verification of verifications) await verification;
    return results;
  }

  /** What exists now for this cluster name, by tag and by ledger. */
  inventory(): Promise<Found[]> {
    return inventory(this.ctx);
  }

  /** The teardown plan: what will be deleted, in order, and what is left alone. */
  async teardownPlan(): Promise<{ delete: Found[]; leave: Found[]; byTagOnly: boolean }> {
    const found = await this.inventory();
    const ledgerEmpty = this.ledger.live.length === 0;
    const split = deletable(found, ledgerEmpty);
    return { delete: teardownOrder(split.delete), leave: split.leave, byTagOnly: ledgerEmpty && split.delete.length > 0 };
  }

  async down(plan?: Found[]): Promise<TeardownResult> {
    const chosen = plan ?? (await this.teardownPlan()).delete;
    const result = await teardown(this.ctx, chosen);
    return result;
  }

  /** EKS refused an AZ: take the subnets and NAT gateways down and build them again in zones it accepts. */
  private async rebuildNetworkIn(validZones: string[]): Promise<void> {
    const usable = validZones.filter(Boolean).sort().slice(0, this.config.azs);
    if (usable.length < this.config.azs) throw new UnsupportedZonesError(validZones, undefined);
    this.emit({
      type: 'note',
      text: text(
        `Rebuilding the subnets in ${usable.join(', ')}, which EKS accepts.`,
        `EKS が受け付ける ${usable.join(', ')} にサブネットを作り直します。`,
      ),
    });
    const found = await this.inventory();
    const network = found.filter((f) => ['nat-gateway', 'elastic-ip', 'subnet', 'route-table'].includes(f.kind) && f.tagged && f.inLedger);
    await teardown(this.ctx, network);
    await this.ledger.setFacts({ availabilityZones: usable });
    this.settling.delete(2);
    await STEPS[2].apply(this.ctx);
    const settle = STEPS[2].settle?.(this.ctx) ?? Promise.resolve();
    settle.catch(() => undefined);
    this.settling.set(2, settle);
  }

  private emit(event: EngineEvent): void {
    this.ctx.emit(event);
  }
}

explainedAtTheBoundary(Engine);
