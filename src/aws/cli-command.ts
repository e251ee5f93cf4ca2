/**
 * Turns a request into the equivalent `aws` CLI command line, so a learner can
 * type by hand what the tutor sends. Structures are passed as JSON, as the CLI accepts.
 */

/** Request members whose CLI option is not the kebab-case of their name. */
const RENAMED: Record<string, string> = {
  'eks:CreateCluster:version': 'kubernetes-version',
};

/** Boolean members the CLI takes as a flag pair (`--x` / `--no-x`). */
const FLAGS = new Set([
  'ec2:ModifySubnetAttribute:MapPublicIpOnLaunch',
  'ec2:ModifyVpcAttribute:EnableDnsHostnames',
  'ec2:ModifyVpcAttribute:EnableDnsSupport',
]);

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./<>-]+$/.test(value) && !/[<>]/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function cliCommand(service: string, action: string, input: Record<string, unknown>, region: string): string {
  const words = ['aws', service, kebab(action)];
  for (const [member, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const id = `${service}:${action}:${member}`;
    const option = `--${RENAMED[id] ?? kebab(member)}`;
    if (FLAGS.has(id)) {
      const on = typeof value === 'object' && value !== null ? (value as { Value?: boolean }).Value : value;
      words.push(on ? option : option.replace(/^--/, '--no-'));
    } else if (typeof value === 'string' || typeof value === 'number') {
      words.push(option, shellQuote(String(value)));
    } else if (typeof value === 'boolean') {
      words.push(value ? option : option.replace(/^--/, '--no-'));
    } else {
      words.push(option, shellQuote(JSON.stringify(value)));
    }
  }
  words.push('--region', region);
  return words.join(' ');
}
