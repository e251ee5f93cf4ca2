import { isScalar, isSeq, stringify, type YAMLMap } from 'yaml';
import {
  SECTIONS,
  blockItem,
  column,
  findPair,
  flowMapEnd,
  itemLines,
  linesEnd,
  mapEnd,
  nameOf,
  parse,
  parseMap,
  rangeOf,
  replaceLines,
  scalarText,
  seqIndent,
  splice,
  type Section,
} from './kubeconfig-text.js';

/**
 * The tutor's entry in a kubeconfig: what `aws eks update-kubeconfig` writes.
 *
 * A kubeconfig may hold the learner's employer's clusters, so it is never re-serialised:
 * the file is parsed only to find where things are, and the tutor's own items are spliced
 * in and out as text. Every other byte (comments, quoting, key order, indentation, blank
 * lines, CRLF) stays as it was, and adding then removing the entry gives the file back.
 */

export interface ExecSpec {
  apiVersion: string;
  command: string;
  args: string[];
  env?: { name: string; value: string }[];
}
export interface KubeconfigEntry {
  name: string;
  server: string;
  certificateAuthorityData: string;
  exec: ExecSpec;
}

type Item = { name: string } & Record<string, unknown>;

/** Adds or replaces the cluster, user and context named entry.name and makes it current. Returns the new text and the current-context before (null if none). */
export function mergeEntry(source: string | undefined, entry: KubeconfigEntry): { text: string; previousContext: string | null } {
  const root = source === undefined ? null : parse(source).root;
  if (source === undefined || root === null) {
    // Missing, empty or comment-only: write what `aws eks update-kubeconfig` writes to a new file.
    const eol = source?.includes('\r\n') ? '\r\n' : '\n';
    const lead = source && !source.endsWith('\n') ? eol : '';
    return { text: (source ?? '') + lead + freshConfig(entry).replaceAll('\n', eol), previousContext: null };
  }
  const previousContext = currentContext(root);
  let result = source;
  const items = itemsOf(entry);
  for (const section of SECTIONS) result = upsertItem(result, section, items[section]);
  return { text: setCurrent(result, entry.name), previousContext };
}

/** Sets current-context to `name` ("" for none), as `kubectl config use-context` does, changing only that value (in its quoting style). */
export function useContext(source: string, name: string): string {
  return setCurrent(source, name);
}

/** The current-context of a kubeconfig's text, or null when it names none. */
export function currentContextOf(source: string): string | null {
  const { root } = parse(source);
  return root ? currentContext(root) : null;
}

/** The tutor's second user and context for its cluster: the same cluster, signing in as the day-two viewer role. */
export const viewerName = (name: string): string => `${name}/viewer`;

/** Adds or replaces a user and a context named `name` for the existing cluster `cluster`; the current context stays as it is. */
export function mergeUser(source: string, name: string, cluster: string, exec: ExecSpec): string {
  const { apiVersion, args, command, env } = exec;
  const execItem = { apiVersion, args, command, ...(env?.length ? { env: env.map((e) => ({ name: e.name, value: e.value })) } : {}) };
  const withUser = upsertItem(source, 'users', { name, user: { exec: execItem } });
  return upsertItem(withUser, 'contexts', { context: { cluster, user: name }, name });
}

/** Removes the cluster, user and context named `name` (and the tutor's viewer user and context for it). If current-context is `name`, sets it back to restoreContext (a string), or removes the current-context line's value (set to "") when restoreContext is null/undefined. Everything else untouched. */
export function removeEntry(source: string, name: string, restoreContext?: string | null): string {
  let result = source;
  for (const section of SECTIONS) {
    for (const item of [name, viewerName(name)]) {
      for (let next = deleteItem(result, section, item); next !== result; next = deleteItem(result, section, item)) result = next;
    }
  }
  const { root } = parse(result);
  return root && currentContext(root) === name ? setCurrent(result, restoreContext ?? '') : result;
}

/** The entry named `name` as found in the file, for checks. */
export function readEntry(source: string, name: string): (KubeconfigEntry & { current: boolean }) | undefined {
  const config = record(parse(source).doc.toJS());
  // Follow the context's references, as kubectl does, rather than assume the names match.
  const find = (section: Section, wanted: unknown) =>
    (Array.isArray(config[section]) ? (config[section] as unknown[]) : []).map(record).find((item) => item.name === wanted);
  const context = record(find('contexts', name)?.context);
  const cluster = record(find('clusters', context.cluster)?.cluster);
  const exec = record(record(find('users', context.user)?.user).exec);
  if (!find('contexts', name) || !cluster.server || !exec.command) return undefined;
  const env = Array.isArray(exec.env) ? exec.env.map(record).map((e) => ({ name: str(e.name), value: str(e.value) })) : undefined;
  return {
    name,
    server: str(cluster.server),
    certificateAuthorityData: str(cluster['certificate-authority-data']),
    exec: {
      apiVersion: str(exec.apiVersion),
      command: str(exec.command),
      args: Array.isArray(exec.args) ? exec.args.map(String) : [],
      ...(env ? { env } : {}),
    },
    current: config['current-context'] === name,
  };
}

export { kubeconfigPath } from './kubeconfig-path.js';
export { readKubeconfig, writeKubeconfig } from './kubeconfig-file.js';

/** The three items, with keys in the order the aws CLI v1 writes them (it is not alphabetical everywhere). */
function itemsOf(entry: KubeconfigEntry): Record<Section, Item> {
  const { apiVersion, args, command, env } = entry.exec;
  const exec = { apiVersion, args, command, ...(env?.length ? { env: env.map(({ name, value }) => ({ name, value })) } : {}) };
  return {
    clusters: { cluster: { 'certificate-authority-data': entry.certificateAuthorityData, server: entry.server }, name: entry.name },
    contexts: { context: { cluster: entry.name, user: entry.name }, name: entry.name },
    users: { name: entry.name, user: { exec } },
  };
}

function freshConfig(entry: KubeconfigEntry): string {
  const items = itemsOf(entry);
  const config = {
    apiVersion: 'v1',
    clusters: [items.clusters],
    contexts: [items.contexts],
    'current-context': entry.name,
    kind: 'Config',
    preferences: {},
    users: [items.users],
  };
  return stringify(config, { lineWidth: 0, indentSeq: false });
}

function upsertItem(source: string, section: Section, item: Item): string {
  const { root, eol } = parseMap(source);
  const pair = findPair(root, section);
  const value = pair?.value;
  const json = JSON.stringify(item);
  if (isSeq(value) && value.items.length > 0) {
    const found = value.items.find((it) => nameOf(it) === item.name);
    if (value.flow) {
      // A flow list (JSON style) gets a JSON item: re-flowing the others would change their bytes.
      if (found) return splice(source, rangeOf(found), json);
      const end = rangeOf(value.items.at(-1))[1];
      return splice(source, [end, end], `, ${json}`);
    }
    // Same dash column and content column as the items already there.
    const dash = column(source, rangeOf(value)[0]);
    const indentSeq = dash > column(source, rangeOf(pair?.key)[0]);
    const block = blockItem(item, dash, column(source, rangeOf(value.items[0])[0]), indentSeq, eol);
    if (found) return replaceLines(source, itemLines(source, found), block, eol);
    const end = linesEnd(source, rangeOf(value)[1]);
    return replaceLines(source, [end, end], block, eol);
  }
  if (root.flow) {
    if (pair) return splice(source, rangeOf(value), `[${json}]`);
    return splice(source, flowMapEnd(root), `${root.items.length ? ', ' : ''}"${section}": [${json}]`);
  }
  const keyColumn = column(source, rangeOf(root.items[0]?.key)[0]);
  const dash = keyColumn + seqIndent(source, root);
  const block = blockItem(item, dash, dash + 2, dash > keyColumn, eol);
  if (!pair) {
    const end = mapEnd(source, root);
    return replaceLines(source, [end, end], `${' '.repeat(keyColumn)}${section}:${eol}${block}`, eol);
  }
  // `[]`, `null` or nothing: drop just that value (a comment after it stays) and start a block list.
  const colon = source.indexOf(':', rangeOf(pair.key)[1]);
  const withoutValue = splice(source, [colon + 1, value ? rangeOf(value)[1] : colon + 1], '');
  const end = linesEnd(withoutValue, colon + 1);
  return replaceLines(withoutValue, [end, end], block, eol);
}

function deleteItem(source: string, section: Section, name: string): string {
  const { root } = parse(source);
  const pair = root && findPair(root, section);
  const value = pair?.value;
  if (!pair || !isSeq(value)) return source;
  const { items } = value;
  const index = items.findIndex((it) => nameOf(it) === name);
  const item = items[index];
  if (!item) return source;
  if (value.flow) {
    const [start, end] = rangeOf(item);
    if (index > 0) return splice(source, [rangeOf(items[index - 1])[1], end], '');
    return splice(source, [start, items[1] ? rangeOf(items[1])[0] : end], '');
  }
  const result = replaceLines(source, itemLines(source, item), '', '');
  if (items.length > 1) return result;
  // The list is now empty; `[]` keeps it a list (kubectl writes `null`, the aws CLI `[]`) and gives back a `clusters: []` file exactly.
  const colon = result.indexOf(':', rangeOf(pair.key)[1]);
  return splice(result, [colon + 1, colon + 1], ' []');
}

/** Replaces only the current-context value, in the quoting style already there, so restoring it gives back the same bytes. */
function setCurrent(source: string, name: string): string {
  const { root, eol } = parseMap(source);
  const value = findPair(root, 'current-context')?.value;
  if (value) {
    const [start, end] = rangeOf(value);
    const space = start === end && source.charAt(start - 1) === ':' ? ' ' : '';
    return splice(source, [start, end], space + scalarText(name, isScalar(value) ? value.type : undefined));
  }
  if (root.flow) return splice(source, flowMapEnd(root), `${root.items.length ? ', ' : ''}"current-context": ${JSON.stringify(name)}`);
  const end = mapEnd(source, root);
  const indent = ' '.repeat(column(source, rangeOf(root.items[0]?.key)[0]));
  return replaceLines(source, [end, end], `${indent}current-context: ${scalarText(name)}${eol}`, eol);
}

function currentContext(root: YAMLMap): string | null {
  const value = findPair(root, 'current-context')?.value;
  return isScalar(value) && typeof value.value === 'string' && value.value !== '' ? value.value : null;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const str = (value: unknown) => (typeof value === 'string' ? value : '');
