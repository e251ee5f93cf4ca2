import type { TutorConfig } from '../config.js';
import { shellQuote } from './cli-command.js';

/** What both exported scripts begin with: the header that says what the script does, and retrying while AWS catches up. */

/** Shell functions both scripts use: retry while AWS catches up, never on a real error. */
export const CATCH_UP = [
  '# AWS is eventually consistent: a resource made a moment ago may be "NotFound" for a second,',
  '# and a new IAM role may not be usable by EKS for a few seconds. Such calls are sent again',
  '# (1, 2, 4, 8, 15 s …); any other error stops the script.',
  'CATCH_UP_LOG=$(mktemp)',
  'trap \'rm -f "$CATCH_UP_LOG"\' EXIT',
  'catch_up() {',
  '  pattern=$1; shift',
  '  delay=1; waited=0',
  '  until "$@" 2>"$CATCH_UP_LOG"; do',
  '    if [ "$waited" -ge 300 ] || ! grep -Eq "$pattern" "$CATCH_UP_LOG"; then cat "$CATCH_UP_LOG" >&2; return 1; fi',
  '    echo "  AWS has not caught up yet ($(tr -s \'\\n\' \' \' <"$CATCH_UP_LOG" | cut -c1-160)); again in ${delay}s" >&2',
  '    sleep "$delay"; waited=$((waited + delay)); delay=$((delay * 2)); [ "$delay" -le 15 ] || delay=15',
  '  done',
  '}',
  "NOT_YET='NotFound'",
  "IAM_NOT_YET='could not be assumed|does not exist|trusted entity|Managed Policies|were not found in the trust|policy must include'",
  "IN_USE='DependencyViolation|has dependencies|in use|mapped public address'",
];

export function header(config: TutorConfig, purpose: string): string[] {
  return [
    '#!/bin/sh',
    `# ${purpose}`,
    `# Made by eks-basics-tutor for the cluster "${config.clusterName}". Run it as it is: sh ${purpose.startsWith('Takes') ? 'teardown' : 'build'}.sh`,
    '# (REGION=… sh … for another region). It uses the aws CLI with your usual credentials.',
    'set -eu',
    `REGION="\${REGION:-${config.region}}"`,
    'export AWS_DEFAULT_REGION="$REGION"',
    `CLUSTER=${shellQuote(config.clusterName)}`,
    '',
  ];
}
