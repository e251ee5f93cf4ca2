/**
 * Shell commands as the "Try it" page shows them: cut only at spaces outside
 * quotes, each piece but the last ending in ` \`, so that selecting the lines
 * and pasting them runs the same command; and the OSC 52 sequence that puts a
 * command on the terminal's clipboard.
 */

/** The words of a command line, split at spaces that are not inside quotes. */
export function shellWords(cli: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < cli.length; i++) {
    const char = cli[i]!;
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < cli.length) current += cli[++i];
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === '\\' && i + 1 < cli.length) {
      current += char + cli[++i];
    } else if (char === ' ') {
      if (current) words.push(current);
      current = '';
    } else current += char;
  }
  if (current) words.push(current);
  return words;
}

const CONTINUE = ' \\';

/**
 * A command in lines of at most `width` columns, cut between words; every line
 * but the last ends in ` \` (a shell line continuation). A word longer than a
 * line stays whole on its own line: cutting it would change the command.
 */
export function wrapCommand(cli: string, width: number): string[] {
  const words = shellWords(cli);
  if (cli.length <= width || words.length <= 1) return [words.join(' ')];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || candidate.length + CONTINUE.length <= width) current = candidate;
    else {
      lines.push(current + CONTINUE);
      current = word;
    }
  }
  // The last line needs no continuation, so it may use the full width.
  if (lines.length > 0 && current) {
    const previous = lines[lines.length - 1]!.slice(0, -CONTINUE.length);
    const joined = `${previous} ${current}`;
    if (joined.length <= width) {
      lines[lines.length - 1] = joined;
      return lines;
    }
  }
  lines.push(current);
  return lines;
}

/** OSC 52: asks the terminal to put `value` on the system clipboard (terminals that do not allow it ignore it). */
export function osc52(value: string): string {
  return `\u001B]52;c;${Buffer.from(value, 'utf8').toString('base64')}\u0007`;
}
