import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPLIED, leastPrivilegePolicy, tutorActions } from '../../src/policy.js';
import { testConfig } from '../support/engine.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The IAM service prefix of each SDK client package. */
const PREFIX: Record<string, string> = {
  ec2: 'ec2',
  eks: 'eks',
  iam: 'iam',
  sts: 'sts',
  'elastic-load-balancing': 'elasticloadbalancing',
  'elastic-load-balancing-v2': 'elasticloadbalancing',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'sandbox' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every AWS operation the product's source can send to a learner's account: the
 * SDK commands each file imports (statically or with `await import`), outside
 * the sandbox, which talks to its own local server.
 */
function importedOperations(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const lists =
    /(?:import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*|const\s*\{([^}]*)\}\s*=\s*await\s+import\()\s*'@aws-sdk\/client-([a-z0-9-]+)'/g;
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(lists)) {
      const prefix = PREFIX[match[3]!];
      if (!prefix) throw new Error(`${file}: no IAM prefix known for @aws-sdk/client-${match[3]}`);
      for (const item of (match[1] ?? match[2] ?? '').split(',')) {
        const name = item
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+|\s*:\s*/)[0]!;
        if (!/Command$/.test(name) || item.trim().startsWith('type ')) continue;
        const action = `${prefix}:${name.replace(/Command$/, '')}`;
        found.set(action, [...(found.get(action) ?? []), file.slice(SRC.length)]);
      }
    }
  }
  return found;
}

describe('doctor --policy: the least-privilege policy follows the code', () => {
  const config = testConfig('/tmp/unused', { nat: 'ha', azs: 3, logging: true });
  const actions = new Set(tutorActions(config));
  const imported = importedOperations();

  it('allows every operation the source can send', () => {
    // The scan sees creates, reads and deletes of every service.
    for (const a of ['iam:CreateRole', 'ec2:CreateNatGateway', 'eks:DeleteCluster', 'sts:GetCallerIdentity', 'ec2:DescribeVpcs'])
      expect(imported.has(a), a).toBe(true);
    const missing = [...imported.keys()].filter((a) => !actions.has(a)).map((a) => `${a} (${imported.get(a)!.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('allows nothing the source never sends, except the permissions those calls imply', () => {
    const implied = new Set(Object.values(IMPLIED).flat());
    expect([...actions].filter((a) => !imported.has(a) && !implied.has(a))).toEqual([]);
  });

  it('is an IAM policy document with no wildcard action', () => {
    const policy = leastPrivilegePolicy(config);
    expect(policy.Version).toBe('2012-10-17');
    const all = policy.Statement.flatMap((s) => s.Action);
    expect(all.every((a) => /^[a-z0-9]+:[A-Z][A-Za-z0-9]+$/.test(a))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });
});
