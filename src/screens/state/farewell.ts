import { DEFAULT_CLUSTER_NAME, type TutorConfig } from '../../config.js';
import { formatUsd } from '../../aws/cost.js';
import type { Lang } from '../../text.js';
import { shortId } from '../format.js';
import { S } from '../strings.js';
import { costNow } from './cost.js';
import type { World } from './world.js';

/** The command that deletes what this config built, with the options that find it again. */
export function downCommand(config: Pick<TutorConfig, 'clusterName' | 'region' | 'profile' | 'mode'>): string {
  return [
    'eks-basics-tutor down',
    ...(config.clusterName !== DEFAULT_CLUSTER_NAME ? [`--cluster-name ${config.clusterName}`] : []),
    ...(config.region ? [`--region ${config.region}`] : []),
    ...(config.profile ? [`--profile ${config.profile}`] : []),
  ].join(' ');
}

/** What is billed now, one line each, for the quit screen and the lines printed after it. */
export function runningLines(config: TutorConfig, world: World, now: number): { lines: string[]; hourly: number } {
  const cost = costNow(Object.values(world.resources), config, now);
  const lines = cost.running.map(({ view, hourly }) => `${view.kind} ${shortId(view.kind, view.id)}  ~${formatUsd(hourly)}/h`);
  return { lines, hourly: cost.hourly };
}

/**
 * What AWS goes on doing after the tutor has quit (real mode): a control plane
 * still CREATING, a node group DELETING… Quitting stops the tutor's waiting, not AWS.
 */
export function goingOn(config: Pick<TutorConfig, 'mode'>, world: World, lang: Lang): string[] {
  if (config.mode !== 'real') return [];
  return Object.values(world.resources)
    .filter((view) => view.phase === 'creating' || view.phase === 'deleting')
    .map((view) => S.quitGoesOn(view.phase === 'creating', `${view.kind} ${shortId(view.kind, view.id)}`.trim(), view.status)[lang]);
}

/** The lines printed once the screen is gone: in real mode, what still runs and how to delete it. */
export function farewell(config: TutorConfig, lang: Lang, world: World, now: number, saved: boolean): string[] {
  const running = runningLines(config, world, now);
  const out: string[] = [];
  if (config.mode === 'real' && running.hourly > 0) {
    out.push(
      S.quitTitle[lang],
      ...running.lines.map((line) => `  ${line}`),
      S.quitCost(formatUsd(running.hourly))[lang],
      S.quitHow(downCommand(config))[lang],
    );
  }
  out.push(...goingOn(config, world, lang));
  if (saved) out.push(S.farewellSaved[lang]);
  return out;
}
