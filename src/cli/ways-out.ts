import type { TutorConfig } from '../config.js';
import { shellQuote } from '../aws/cli-command.js';
import { LAST_STEP } from '../aws/step-order.js';
import type { StepNumber } from '../aws/types.js';

/**
 * The options that say where the build is and what it is, as the learner would
 * type them again: region, cluster name and state directory always; the rest
 * only where they differ from the defaults, so `up` resumes the same build.
 */
function placeOptions(config: TutorConfig): string[] {
  const words = ['--region', config.region, '--cluster-name', config.clusterName, '--state-dir', config.stateDir];
  if (config.endpointUrl) words.push('--endpoint-url', config.endpointUrl);
  if (config.profile) words.push('--profile', config.profile);
  if (config.mode === 'sandbox') words.push('--sandbox');
  return words;
}

function buildOptions(config: TutorConfig): string[] {
  const words: string[] = [];
  if (config.kubernetesVersion) words.push('--kubernetes-version', config.kubernetesVersion);
  if (config.vpcCidr !== '192.168.0.0/16') words.push('--vpc-cidr', config.vpcCidr);
  if (config.azs !== 2) words.push('--azs', String(config.azs));
  if (config.nat !== 'single') words.push('--nat', config.nat);
  if (config.nodes !== 2) words.push('--nodes', String(config.nodes));
  if (config.instanceType !== 't3.medium') words.push('--instance-type', config.instanceType);
  if (config.registryPolicy !== 'pullonly') words.push('--registry-policy', config.registryPolicy);
  if (config.logging) words.push('--logging');
  if (!config.kubectl) words.push('--no-kubectl');
  return words;
}

const line = (words: string[]) => words.map(shellQuote).join(' ');

/** `eks-basics-tutor up …` that continues this build from where it stopped. */
export function resumeCommand(config: TutorConfig, through: StepNumber): string {
  return line([
    'eks-basics-tutor',
    'up',
    ...(through === LAST_STEP ? [] : ['--through', String(through)]),
    ...placeOptions(config),
    ...buildOptions(config),
  ]);
}

/** `eks-basics-tutor down …` that removes this build. */
export function removeCommand(config: TutorConfig): string {
  return line(['eks-basics-tutor', 'down', ...placeOptions(config)]);
}
