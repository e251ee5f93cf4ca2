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
 * A single-quoted JSON argument too long for a line, cut after commas that are
 * outside JSON strings. The newlines stay inside the shell's quotes, where JSON
 * reads them as whitespace: the pasted command sends the same document.
 */
export function splitJsonWord(word: string, width: number): string[] | undefined {
  if (!/^'[[{]/.test(word) || !word.endsWith("'") || word.length <= width) return undefined;
  const parts: string[] = [];
  let part = '';
  let inString = false;
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    part += char;
    if (inString) {
      if (char === '\\' && i + 1 < word.length) part += word[++i];
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === ',') {
      parts.push(part);
      part = '';
    }
  }
  if (part) parts.push(part);
  const pieces: string[] = [];
  let current = '';
  for (const piece of parts) {
    if (current && current.length + piece.length > width) {
      pieces.push(current);
      current = piece;
    } else current += piece;
  }
  if (current) pieces.push(current);
  return pieces.length > 1 ? pieces : undefined;
}

/**
 * A command in lines of at most `width` columns, cut between words; every line
 * but the last ends in ` \` (a shell line continuation). A JSON argument longer
 * than a line is cut inside its quotes where JSON allows whitespace; any other
 * word longer than a line stays whole on its own line: cutting it would change
 * the command.
 */
export function wrapCommand(cli: string, width: number): string[] {
  const words = shellWords(cli);
  if (cli.length <= width || words.length <= 1) {
    const pieces = words.length === 1 ? splitJsonWord(words[0]!, width) : undefined;
    return pieces ?? [words.join(' ')];
  }
  // Each line, and whether it ends in a line continuation (not inside quotes).
  const lines: { text: string; continued: boolean }[] = [];
  let current = '';
  const push = (text: string, continued: boolean) => lines.push({ text: continued ? text + CONTINUE : text, continued });
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length + CONTINUE.length <= width) {
      current = candidate;
      continue;
    }
    if (current) push(current, true);
    const pieces = splitJsonWord(word, width - CONTINUE.length) ?? [word];
    current = pieces[0]!;
    for (const piece of pieces.slice(1)) {
      push(current, false);
      current = piece;
    }
  }
  // The last line needs no continuation, so it may use the full width.
  const last = lines[lines.length - 1];
  if (last?.continued && current) {
    const joined = `${last.text.slice(0, -CONTINUE.length)} ${current}`;
    if (joined.length <= width) {
      last.text = joined;
      return lines.map((line) => line.text);
    }
  }
  if (current) push(current, false);
  return lines.map((line) => line.text);
}

/** OSC 52: asks the terminal to put `value` on the system clipboard (terminals that do not allow it ignore it). */
export function osc52(value: string): string {
  return `\u001B]52;c;${Buffer.from(value, 'utf8').toString('base64')}\u0007`;
}
