import type { Text } from '../text.js';

/** Every lesson the tutor has, in the order of the menu. */
export type LessonId =
  | 'intro'
  | 'clusterRole'
  | 'vpc'
  | 'cluster'
  | 'kubeconfig'
  | 'nodegroup'
  | 'day-two-addons'
  | 'day-two-workload'
  | 'wrapup-upgrade'
  | 'wrapup-access'
  | 'wrapup-shared-vpc'
  | 'wrapup-multi-vpc'
  | 'wrapup-no-nat'
  | 'wrapup-cross-account'
  | 'wrapup-third-az'
  | 'cleanup';

/**
 * Live data a page shows with its text (the live panel), fetched by the screen from the engine:
 * - `policies`: AmazonEKSServicePolicy and AmazonEKSClusterPolicy documents side by side
 * - `vpc`: the VPC, subnets, tags and NAT gateways as they are now
 * - `cluster`: DescribeCluster (endpoint, security group, access config, upgrade policy)
 * - `kubeconfig`: the entries the tutor wrote
 * - `token`: a token from `aws eks get-token`, decoded
 * - `nodes`: `kubectl get nodes`
 */
export type LiveData = 'policies' | 'vpc' | 'cluster' | 'kubeconfig' | 'token' | 'nodes';

/**
 * A diagram drawn from the live build, in plain characters at 80 columns:
 * - `vpc-diagram`: the AZs side by side, subnets with CIDRs and role tags, IGW, NAT gateways, default routes
 * - `auth-path`: kubectl → exec `aws eks get-token` → presigned STS URL → EKS → access entry → RBAC
 */
export type Diagram = 'vpc-diagram' | 'auth-path';

export interface LessonPage {
  title: Text;
  /** Plain text; paragraphs are separated by a blank line, list items start with "- ". */
  body: Text;
  live?: LiveData;
  /** Drawn where `live` would be, on a page without one. */
  diagram?: Diagram;
  /**
   * On the 20-minute presenter track: the first two pages of the introduction,
   * one page per step and one wrap-up.
   */
  presenter?: true;
}

export interface QuizQuestion {
  question: Text;
  /** Two to four choices; exactly one is right. */
  choices: Text[];
  /** Index into `choices` of the right answer. */
  answer: number;
  /** Why the right answer is right; it names the right choice. */
  explanation: Text;
  /** Shown on the quiz page instead of the lesson's hint: points at the idea, never at a choice. */
  nudge: Text;
}

/**
 * An `aws` CLI command a lesson shows. Placeholders in braces (`{vpcId}`) are filled
 * from the learner's build by `commandValues` and `fillCommand` (placeholders.ts,
 * whose `PLACEHOLDERS` lists them all). Every one is executed against a moto server
 * in the tests, filled the same way.
 */
export interface LessonCommand {
  cli: string;
  what: Text;
}

/** An AWS documentation page: its title as AWS titles it in each language, and its (English) address. */
export interface ReadMore {
  title: Text;
  url: string;
}

/** What the welcome screen and the lesson list show of a lesson: all of it that loads with the first frame (heads.ts). */
export interface LessonHead {
  id: LessonId;
  /** The engine step this lesson builds (1-5), if any. */
  step?: 1 | 2 | 3 | 4 | 5;
  title: Text;
  /** One line for the menu. */
  summary: Text;
  /** Some of its pages are on the presenter track (and marked `presenter`). */
  presenter?: true;
}

export interface Lesson extends LessonHead {
  pages: LessonPage[];
  /** For the Learn pages; the quiz page shows each question's `nudge` instead. */
  hint: Text;
  quiz: QuizQuestion[];
  readMore: ReadMore[];
  commands?: LessonCommand[];
}
