import { isMap, isScalar, isSeq, parseDocument, stringify, type Scalar, type YAMLMap } from 'yaml';
import { TutorError } from '../errors.js';
import { text } from '../text.js';

/**
 * Where things are in a kubeconfig's text, and the text spliced there: the
 * file is parsed only to find the byte ranges of its nodes, and every edit
 * replaces whole lines or one value, so the bytes around it stay as they were.
 */

export const SECTIONS = ['clusters', 'contexts', 'users'] as const;
export type Section = (typeof SECTIONS)[number];
export type Range = [number, number];

/** How far this file indents list dashes under their key: kubectl writes 0, many editors 2. */
export function seqIndent(s: string, root: YAMLMap): number {
  for (const { key, value } of root.items) {
    if (isSeq(value) && !value.flow && value.items.length > 0) return column(s, rangeOf(value)[0]) - column(s, rangeOf(key)[0]);
  }
  return 0;
}

export function scalarText(value: string, type?: Scalar.Type): string {
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  return stringify(value, { lineWidth: 0 }).trimEnd(); // plain where that is safe, quoted where not
}

export function blockItem(item: Record<string, unknown>, dash: number, content: number, indentSeq: boolean, eol: string): string {
  const lines = stringify(item, { lineWidth: 0, indentSeq }).trimEnd().split('\n');
  const first = `${' '.repeat(dash)}-${' '.repeat(Math.max(1, content - dash - 1))}`;
  return lines.map((line, i) => (i === 0 ? first : ' '.repeat(content)) + line + eol).join('');
}

/** The document, its top-level mapping (null when it holds none) and its line ending; a file that cannot be edited safely is refused. */
export function parse(source: string, file?: string) {
  const doc = parseDocument(source);
  const root = doc.contents;
  let problem = doc.errors[0]?.message.split('\n')[0];
  if (!problem && root !== null && !isMap(root)) problem = 'the top level is not a mapping';
  for (const section of SECTIONS) {
    const value = isMap(root) ? findPair(root, section)?.value : undefined;
    if (!problem && value && !isSeq(value) && !(isScalar(value) && value.value === null)) problem = `${section} is not a list`;
  }
  if (problem) throw notEditable(file, problem, doc.errors[0]);
  return { doc, root: isMap(root) ? root : null, eol: source.includes('\r\n') ? '\r\n' : '\n' };
}

export function parseMap(source: string) {
  const parsed = parse(source);
  if (!parsed.root) throw notEditable(undefined, 'it holds no settings');
  return { ...parsed, root: parsed.root };
}

export const findPair = (root: YAMLMap, key: string) => root.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
export const nameOf = (item: unknown) => (isMap(item) ? item.get('name') : undefined);

export function rangeOf(node: unknown): Range {
  const range = (node as { range?: [number, number, number] | null } | undefined)?.range;
  if (!range) throw notEditable(undefined, 'an unexpected layout');
  return [range[0], range[1]];
}

const lineStart = (s: string, at: number) => s.lastIndexOf('\n', at - 1) + 1;
/** A byte-order mark is not indentation. */
export const column = (s: string, at: number) => at - lineStart(s, at) - (lineStart(s, at) === 0 && s.startsWith('\uFEFF') ? 1 : 0);

/** Where the line holding the end of a node stops, newline included: a range stops before an inline comment. */
export function linesEnd(s: string, end: number): number {
  if (end > 0 && s.charAt(end - 1) === '\n') return end;
  const newline = s.indexOf('\n', end);
  return newline === -1 ? s.length : newline + 1;
}

/** An item's whole lines, from its dash (which may sit alone on the line above) to the end of its last line. */
export function itemLines(s: string, item: unknown): Range {
  const [start, end] = rangeOf(item);
  let dash = start;
  while (dash > 0 && /\s/.test(s.charAt(dash - 1))) dash--;
  return [lineStart(s, s.charAt(dash - 1) === '-' ? dash - 1 : start), linesEnd(s, end)];
}

/** After the last key's lines, before trailing comments. */
export function mapEnd(s: string, root: YAMLMap): number {
  const last = root.items.at(-1);
  return linesEnd(s, rangeOf(last?.value ?? last?.key)[1]);
}

export function flowMapEnd(root: YAMLMap): Range {
  const last = root.items.at(-1);
  const at = last ? rangeOf(last.value ?? last.key)[1] : rangeOf(root)[0] + 1;
  return [at, at];
}

/** Replaces whole lines. At the end of a file with no final newline it keeps it that way, so inserting and removing mirror each other. */
export function replaceLines(s: string, [start, end]: Range, lines: string, eol: string): string {
  if (end < s.length || s.endsWith('\n') || s.length === 0) return splice(s, [start, end], lines);
  if (start === end) return s + eol + lines.slice(0, lines.length - eol.length);
  const before = start - (s.charAt(start - 2) === '\r' ? 2 : 1);
  return lines === '' ? s.slice(0, Math.max(0, before)) : splice(s, [start, end], lines.slice(0, lines.length - eol.length));
}

export const splice = (s: string, [start, end]: Range, insert: string) => s.slice(0, start) + insert + s.slice(end);

/** Kubeconfig problems are the learner's to fix, so they are BAD_INPUT; nothing has been written when they are thrown. */
function notEditable(file: string | undefined, reason: string, cause?: unknown): TutorError {
  return new TutorError(
    'BAD_INPUT',
    text(
      `${file ?? 'The kubeconfig'} cannot be edited safely (${reason}). Nothing was changed. Fix the file (\`kubectl config view\` shows what kubectl makes of it) or set KUBECONFIG to another file.`,
      `${file ?? 'kubeconfig'} を安全に編集できません（${reason}）。何も変更していません。ファイルを直す（\`kubectl config view\` で kubectl の解釈を確認できます）か、KUBECONFIG に別のファイルを指定してください。`,
    ),
    cause,
  );
}
