import type { EnsureTarget, Ensured } from '../ensure.js';
import type { StepContext } from '../types.js';
import type { Found, Scan } from './found.js';
import type { Kind } from './kinds.js';

/**
 * How one kind of resource is found and destroyed. Its rank, timings and price
 * are plain data in kinds.ts (read by screens without the SDK). Creating stays
 * in the step that owns the kind for now (`ensure` is still the step's).
 */
export interface ResourceType {
  kind: Kind;
  /** What exists now for this cluster name (tagged, recorded, or for what Kubernetes made: in the tutor's VPC). */
  find(scan: Scan): Promise<Found[]>;
  /** Deletes it and waits until it is gone; a thing already gone is not an error. */
  destroy(ctx: StepContext, found: Found): Promise<void>;
}

/** A kind the tutor creates: `ensure` creates it, or adopts it when it is ours (ensure.ts says how, once for all kinds). */
export interface Ensurable<Want> extends ResourceType {
  ensure(ctx: StepContext, target: EnsureTarget & Want): Promise<Ensured>;
}
