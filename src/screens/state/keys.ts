/** Every key the tutor understands becomes one of these, handled in one place (hooks/useCommands). */
export type Command =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'enter'
  | 'escape'
  | 'call'
  | 'hint'
  | 'map'
  | 'keys'
  | 'quit'
  | 'interrupt'
  | 'skip'
  | 'lang'
  | 'yes'
  | 'no'
  | 'retry'
  | 'page-up'
  | 'page-down'
  /** --presenter: the 20-minute track or the full course. */
  | 'track'
  /** A digit: picks the numbered choice (welcome, menu, quiz, calls), as plain mode numbers them. */
  | `pick-${number}`
  /** Any other key: it only closes the key list. */
  | 'other';

/** The parts of Ink's key object that matter here. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  tab?: boolean;
  shift?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
}

const LETTERS: Record<string, Command> = {
  c: 'call',
  h: 'hint',
  m: 'map',
  '?': 'keys',
  q: 'quit',
  s: 'skip',
  l: 'lang',
  y: 'yes',
  n: 'no',
  r: 'retry',
  f: 'track',
  k: 'up',
  j: 'down',
  ' ': 'page-down',
};

export function keyToCommand(input: string, key: KeyInfo): Command | undefined {
  if (key.ctrl && input === 'c') return 'interrupt';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'page-up';
  if (key.pageDown) return 'page-down';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'left' : 'right';
  if (key.ctrl) return undefined;
  if (/^[0-9]$/.test(input)) return `pick-${Number(input)}`;
  return LETTERS[input.toLowerCase()] ?? (input ? 'other' : undefined);
}
