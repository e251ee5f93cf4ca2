/**
 * Lines cut to a width in terminal cells: CJK characters take two cells and
 * may be cut between; other text is cut at spaces (a word longer than the line
 * is cut where it must). No line starts with the space it was cut at.
 */
export function cellWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff);
  return wide ? 2 : 1;
}

/** How many cells a line takes. */
export function cellsOf(text: string): number {
  return [...text].reduce((sum, char) => sum + cellWidth(char), 0);
}

export function wrapCells(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // Where the line may be cut: after a space, or before a wide character.
  let cut = -1;
  for (const char of text) {
    const w = cellWidth(char);
    if (char === ' ' && used + w > width) {
      // The line is full at a space: cut there, and drop the space.
      lines.push(line.trimEnd());
      line = '';
      used = 0;
      cut = -1;
      continue;
    }
    if (used + w > width && line) {
      const at = cut > 0 ? cut : line.length;
      lines.push(line.slice(0, at).trimEnd());
      line = line.slice(at).replace(/^ +/, '');
      used = cellsOf(line);
      cut = -1;
    }
    if (w === 2 && line.trim()) cut = line.length;
    line += char;
    used += w;
    // Leading spaces are indentation, not a place to cut.
    if (char === ' ' && line.trim()) cut = line.length;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
