import { badInput } from '../errors.js';
import { text } from '../text.js';
import type { Timeline } from './timeline.js';

/**
 * The places where real AWS is hard and moto is not, which the sandbox plays
 * out on purpose. Each is on by default, can be switched off one by one
 * (`SandboxOptions.behaviours`, or EKS_BASICS_TUTOR_SANDBOX_BEHAVIOURS), lasts
 * its real-time window scaled by the time scale, and logs a line when it fires.
 */
export const BEHAVIOURS = {
  /** CreateCluster / CreateNodegroup seconds after the role changed: InvalidParameterException. */
  'iam-propagation': { windowMs: 10_000 },
  /** The first call naming an EC2 resource made moments before: Invalid…ID.NotFound; a filtered Describe leaves it out once. */
  'eventual-consistency': { windowMs: 5_000 },
  /** ClientToken (EC2) and clientRequestToken (EKS): same token, same request, same resource; different request, refused. */
  idempotency: { windowMs: 0 },
  /** The cluster's ENIs and security group outlive DeleteCluster; subnets, groups and the VPC cannot be deleted meanwhile. */
  'lingering-enis': { windowMs: 4 * 60_000 },
  /** An Elastic IP mapped to a NAT gateway cannot be released (AuthFailure); the IGW cannot be detached while mapped. */
  'nat-address': { windowMs: 0 },
} as const;

export type BehaviourName = keyof typeof BEHAVIOURS;
export type BehaviourSwitches = Partial<Record<BehaviourName, boolean>>;

export const BEHAVIOUR_NAMES = Object.keys(BEHAVIOURS) as BehaviourName[];
export const BEHAVIOURS_ENV = 'EKS_BASICS_TUTOR_SANDBOX_BEHAVIOURS';

const isName = (name: string): name is BehaviourName => (BEHAVIOUR_NAMES as string[]).includes(name);

/**
 * Reads `all`, `none`, or a comma list of names, each optionally prefixed by
 * `-` (off) or `+` (on), applied left to right: `none,+idempotency`,
 * `-iam-propagation,-eventual-consistency`. Throws on anything else.
 */
export function parseBehaviours(spec: string): BehaviourSwitches {
  const switches: BehaviourSwitches = {};
  for (const raw of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (raw === 'all' || raw === 'none') {
      for (const name of BEHAVIOUR_NAMES) switches[name] = raw === 'all';
      continue;
    }
    const off = raw.startsWith('-');
    const name = raw.replace(/^[-+]/, '');
    if (!isName(name)) {
      const allowed = ['all', 'none', ...BEHAVIOUR_NAMES].join(', ');
      throw badInput(
        text(
          `${BEHAVIOURS_ENV} names an unknown behaviour "${name}"; allowed: ${allowed} (each may start with - or +).`,
          `${BEHAVIOURS_ENV} に不明な動作 "${name}" があります。使えるもの: ${allowed}(それぞれ先頭に - か + を付けられます)。`,
        ),
      );
    }
    switches[name] = !off;
  }
  return switches;
}

/** Which behaviours are on in one sandbox, how long each lasts there, and where their lines go. */
export class Behaviours {
  private readonly switches: Record<BehaviourName, boolean>;
  private readonly log: (line: string) => void;

  constructor(
    private readonly timeline: Timeline,
    options: { switches?: BehaviourSwitches | undefined; env?: string | undefined; log?: ((line: string) => void) | undefined } = {},
  ) {
    const fromEnv = options.env ? parseBehaviours(options.env) : {};
    this.switches = Object.fromEntries(BEHAVIOUR_NAMES.map((name) => [name, options.switches?.[name] ?? fromEnv[name] ?? true])) as Record<
      BehaviourName,
      boolean
    >;
    this.log = options.log ?? (() => undefined);
  }

  on(name: BehaviourName): boolean {
    return this.switches[name];
  }

  /** The behaviour's window in the sandbox's time: the real duration times the time scale. */
  windowMs(name: BehaviourName): number {
    return BEHAVIOURS[name].windowMs * this.timeline.timeScale;
  }

  /** True while `name` is on and less than its window has passed since `since`. */
  within(name: BehaviourName, since: number | undefined): boolean {
    return this.on(name) && since !== undefined && this.timeline.now() < since + this.windowMs(name);
  }

  /** One line for the log: which behaviour fired, on what, and what AWS's answer was. */
  fired(name: BehaviourName, what: string, code: string, message: string): void {
    this.log(`sandbox: ${name}: ${what}: ${code}: ${message}`);
  }
}
