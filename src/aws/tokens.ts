import { createHash } from 'node:crypto';

/** EC2's ClientToken and EKS's clientRequestToken take at most 64 ASCII characters. */
export const CLIENT_TOKEN_MAX = 64;

/**
 * The idempotency token of one create: a digest of the cluster name, the
 * resource's ledger key and its intent (when the intent was recorded). The same
 * intent sent again (a resumed run, a retry) carries the same token; another
 * resource or a later intent never does, whatever the length of the name.
 */
export function clientToken(clusterName: string, key: string, intent: string): string {
  const digest = createHash('sha256').update(`${clusterName}\n${key}\n${intent}`).digest('hex').slice(0, 40);
  // A readable prefix helps in CloudTrail; the digest alone makes it unique.
  const label = key.replace(/[^A-Za-z0-9]+/g, '-').slice(0, CLIENT_TOKEN_MAX - digest.length - 5);
  return `ebt-${label}-${digest}`;
}
