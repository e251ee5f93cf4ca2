/** Small pure helpers for what the screens print; durations are the presentation layer's, shared with the command line. */
export { clock, roughDuration } from '../present/format.js';

/** "1–3" for consecutive steps, "1, 3" otherwise. */
export function stepList(steps: readonly number[]): string {
  if (steps.length > 1 && steps.every((s, i) => i === 0 || s === steps[i - 1]! + 1)) return `${steps[0]}–${steps[steps.length - 1]}`;
  return steps.join(', ');
}

/** The part of an id a person recognises: the name at the end of an ARN, the file name of a path. */
export function shortId(kind: string, id: string | undefined): string {
  if (!id) return '';
  if (id.startsWith('arn:')) {
    const resource = id.split(':').slice(5).join(':');
    const parts = resource.split('/');
    if (kind === 'eks-nodegroup' && parts.length >= 3) return parts[2]!;
    return parts[parts.length - 1] ?? resource;
  }
  return id;
}

const KEY = /^[A-Za-z_$][\w$]*$/;

function scalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  return String(value);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${KEY.test(k) ? k : JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return scalar(value);
}

/**
 * A request as a person reads it: JSON without the quotes around plain keys,
 * each object or list on one line when it fits in `width`, unfolded otherwise.
 */
export function jsonish(value: unknown, width = 72, indent = ''): string[] {
  const flat = inline(value);
  if (indent.length + flat.length <= width || !value || typeof value !== 'object') return [`${indent}${flat}`];
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const lines = [`${indent}[`];
    for (const item of value) appendWithComma(lines, jsonish(item, width, inner));
    trimComma(lines);
    lines.push(`${indent}]`);
    return lines;
  }
  const lines = [`${indent}{`];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const key = KEY.test(k) ? k : JSON.stringify(k);
    const body = jsonish(v, width, inner);
    body[0] = `${inner}${key}: ${body[0]!.trimStart()}`;
    appendWithComma(lines, body);
  }
  trimComma(lines);
  lines.push(`${indent}}`);
  return lines;
}

function appendWithComma(lines: string[], body: string[]): void {
  body[body.length - 1] = `${body[body.length - 1]},`;
  lines.push(...body);
}

function trimComma(lines: string[]): void {
  const last = lines.length - 1;
  if (lines[last]!.endsWith(',')) lines[last] = lines[last]!.slice(0, -1);
}

/** A long line cut at spaces into pieces of at most `width` (a word longer than that is cut). */
export function wrapWords(line: string, width: number): string[] {
  if (width <= 0 || line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    let rest = word;
    while (rest.length > width) {
      if (current) {
        out.push(current);
        current = '';
      }
      out.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= width) current += ` ${rest}`;
    else {
      out.push(current);
      current = rest;
    }
  }
  if (current) out.push(current);
  return out;
}
