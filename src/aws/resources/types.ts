import type { EnsureTarget, Ensured } from '../ensure.js';
import type { StepContext } from '../types.js';
import type { KindFacts, Kind } from './facts.js';
import type { Found, Scan } from './found.js';

/**
 * One kind of resource, declared in its own file: its facts (facts.ts says
 * what they mean), and, for what exists in AWS or in the kubeconfig, how it is
 * found and destroyed. A kind's file loads the AWS SDK only when one of these
 * is called, so its facts can be read without it.
 */
export interface KindDeclaration<K extends string = Kind> extends KindFacts {
  /** Its name: the `Kind` union is every name the steps' definitions list (steps/definition/). */
  kind: K;
  /** What exists now for this cluster name (tagged, recorded, or for what Kubernetes made: in the tutor's VPC). */
  find?(scan: Scan): Promise<Found[]>;
  /** Deletes it and waits until it is gone; a thing already gone is not an error. */
  destroy?(ctx: StepContext, found: Found): Promise<void>;
}

/** A kind that an inventory finds and a teardown destroys. */
export interface ResourceType<K extends string = Kind> extends KindDeclaration<K> {
  find(scan: Scan): Promise<Found[]>;
  destroy(ctx: StepContext, found: Found): Promise<void>;
}

/** A kind the tutor creates: `ensure` creates it, or adopts it when it is ours (ensure.ts says how, once for all kinds). */
export interface Ensurable<K extends string, Want> extends ResourceType<K> {
  ensure(ctx: StepContext, target: EnsureTarget & Want): Promise<Ensured>;
}
